// Capture: sticky notes typed in quick succession into one cell, each carrying its
// author. Pure: which cell capture starts in, and the AddCard a note is (one undo step).

import type { Card, Edit, LaneKind, Map as JourneyMap } from '../generated/types';
import { makeCard } from '../editor/edits/cardEdits';
import { END_OF_CELL, type Cell } from '../editor/hit';
import { newId } from './participants';

/** Lanes that hold no sticky notes: the emotion curve and the engagement ladder draw lines. */
const NO_NOTES: ReadonlySet<LaneKind> = new Set(['emotions', 'ladder']);

/** The lanes a note may go in, in the map's order. */
export const captureLanes = (map: JourneyMap) => map.lanes.filter((l) => !NO_NOTES.has(l.kind) && !l.hidden);

/**
 * Where capture starts: the selected card's cell; else the first stage and the first
 * lane for the room's thoughts (a "thoughts" lane, as the kickoff board's sticky notes),
 * or the first lane that takes notes. Null when the map has no stage or no such lane.
 */
export function defaultCell(map: JourneyMap, selectedCardId: string | null): Cell | null {
  const card = selectedCardId ? map.cards.find((c) => c.id === selectedCardId) : undefined;
  if (card && captureLanes(map).some((l) => l.id === card.laneId)) return { stageId: card.stageId, laneId: card.laneId };
  const stage = map.stages[0];
  const lanes = captureLanes(map);
  const lane = lanes.find((l) => l.kind === 'thoughts') ?? lanes[0];
  return stage && lane ? { stageId: stage.id, laneId: lane.id } : null;
}

/** The cell still exists on the map (a stage or lane may have been deleted meanwhile). */
export const cellExists = (map: JourneyMap, cell: Cell | null): cell is Cell =>
  !!cell && map.stages.some((s) => s.id === cell.stageId) && captureLanes(map).some((l) => l.id === cell.laneId);

/**
 * The note typed, as an AddCard at the end of the cell with `authorId` as its author
 * (null: nobody chosen). Null for text that is empty once trimmed. The first line is
 * the card's title, the rest its body.
 */
export function captureEdit(
  map: JourneyMap,
  cell: Cell,
  text: string,
  authorId: string | null,
  id: () => string = newId,
): Edit | null {
  const lane = map.lanes.find((l) => l.id === cell.laneId);
  const [first = '', ...rest] = text.trim().split('\n');
  const title = first.trim();
  if (!lane || title === '') return null;
  const card: Card = { ...makeCard(cell, lane.kind, title, rest.join('\n').trim(), id), author: authorId };
  return { type: 'AddCard', mapId: map.id, card, index: END_OF_CELL };
}

/** "Discover × Sticky notes": a cell as the picker names it. */
export function cellLabel(map: JourneyMap, cell: Cell): string {
  const stage = map.stages.find((s) => s.id === cell.stageId)?.name ?? '?';
  const lane = map.lanes.find((l) => l.id === cell.laneId)?.name ?? '?';
  return `${stage} × ${lane}`;
}

/** How many cards the cell holds, and of those how many each participant wrote. */
export function cellCounts(map: JourneyMap, cell: Cell): { total: number; byAuthor: ReadonlyMap<string, number> } {
  const byAuthor = new Map<string, number>();
  let total = 0;
  for (const c of map.cards) {
    if (c.stageId !== cell.stageId || c.laneId !== cell.laneId) continue;
    total++;
    if (c.author) byAuthor.set(c.author, (byAuthor.get(c.author) ?? 0) + 1);
  }
  return { total, byAuthor };
}
