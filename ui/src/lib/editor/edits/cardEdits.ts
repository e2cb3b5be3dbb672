// Pure builders for the card edits the canvas sends. One gesture is one edit (one undo
// step): a single change is sent as itself, several as one all-or-nothing Batch.

import type { Card, CardPatch, Edit, LaneKind, Map as JourneyMap, Scene } from '../../generated/types';
import { END_OF_CELL, canonicalOrder, cellCards, type Cell } from '../hit';
import { clonePlan, emptyCardPlan } from './inspectorEdits';

export type NewId = () => string;

export const newId: NewId = () => crypto.randomUUID();

/** One edit for many: nothing, the edit itself, or a Batch. */
export function combine(edits: Edit[]): Edit | null {
  if (edits.length === 0) return null;
  if (edits.length === 1) return edits[0]!;
  return { type: 'Batch', edits };
}

export const noFlags = () => ({ passionPoint: false, shareableMoment: false, pointOfVulnerability: false });

/** A fresh card in a cell; its kind is the lane's kind (the backend insists). */
export function makeCard(cell: Cell, kind: LaneKind, title: string, body = '', id: NewId = newId): Card {
  return {
    id: id(),
    stageId: cell.stageId,
    laneId: cell.laneId,
    kind,
    title,
    body,
    color: null,
    channelId: null,
    personaIds: [],
    flags: noFlags(),
    plan: emptyCardPlan(),
    author: null,
    tags: [],
  };
}

/** AddCard for a new card titled `title` at `index` in the cell; null for an empty title. */
export function addCardEdit(
  mapId: string,
  cell: Cell,
  kind: LaneKind,
  title: string,
  index: number,
  body = '',
  id: NewId = newId,
): Edit | null {
  const t = title.trim();
  if (t === '') return null;
  return { type: 'AddCard', mapId, card: makeCard(cell, kind, t, body.trim(), id), index };
}

/**
 * Moves cards to `target` so they sit, in their current canonical order, at `index` among
 * the target cell's cards that are not moving. A MoveCard for one card, a Batch for
 * several; null when nothing would change (dropped where it started).
 *
 * Each MoveCard takes the card out first, then places it at its index within the target
 * cell as that cell is at that moment; the indices are worked out step by step.
 */
export function moveCardsEdit(scene: Scene, ids: Iterable<string>, target: Cell, index: number): Edit | null {
  const wanted = new Set(ids);
  const moving = canonicalOrder(
    scene,
    scene.cards.filter((c) => wanted.has(c.id)),
  ).map((c) => c.id);
  if (moving.length === 0) return null;
  if (index >= END_OF_CELL) {
    // A collapsed lane draws no cards: append at the end (the backend clamps the index).
    return combine(
      moving.map((cardId) => ({ type: 'MoveCard', mapId: scene.mapId, cardId, stageId: target.stageId, laneId: target.laneId, index: END_OF_CELL }) as Edit),
    );
  }
  const movingSet = new Set(moving);
  const before = cellCards(scene, target).map((c) => c.id);
  const staying = before.filter((id) => !movingSet.has(id));
  const at = Math.max(0, Math.min(index, staying.length));
  const final = [...staying.slice(0, at), ...moving, ...staying.slice(at)];
  if (final.length === before.length && final.every((id, i) => id === before[i])) return null;

  const rank = new Map(final.map((id, i) => [id, i] as const));
  const settled = new Set(staying);
  let cell = [...before];
  const edits: Edit[] = [];
  for (const id of moving) {
    cell = cell.filter((c) => c !== id);
    // Right after the last settled card that comes before it in the final order.
    let pos = 0;
    cell.forEach((c, i) => {
      if (settled.has(c) && rank.get(c)! < rank.get(id)!) pos = i + 1;
    });
    cell.splice(pos, 0, id);
    settled.add(id);
    edits.push({ type: 'MoveCard', mapId: scene.mapId, cardId: id, stageId: target.stageId, laneId: target.laneId, index: pos });
  }
  return combine(edits);
}

/** Deletes the cards (their connectors go with them, undo brings all back). */
export function deleteCardsEdit(mapId: string, ids: Iterable<string>): Edit | null {
  return combine([...ids].map((cardId) => ({ type: 'DeleteCard', mapId, cardId }) as Edit));
}

/** The cards of `map` with these ids, in the map's (canonical) order. */
export function pickCards(map: JourneyMap, ids: Iterable<string>): Card[] {
  const wanted = new Set(ids);
  return map.cards.filter((c) => wanted.has(c.id));
}

/** Copies of the cards with fresh ids, each placed right after its original in the same cell. */
export function duplicateCardsEdit(map: JourneyMap, ids: Iterable<string>, id: NewId = newId): Edit | null {
  const originals = pickCards(map, ids);
  const cells = new Map<string, string[]>();
  const cellKey = (c: Card) => `${c.stageId}\u0000${c.laneId}`;
  for (const c of map.cards) {
    const key = cellKey(c);
    cells.set(key, [...(cells.get(key) ?? []), c.id]);
  }
  const edits: Edit[] = [];
  for (const original of originals) {
    const cell = cells.get(cellKey(original))!;
    const copy: Card = { ...structuredCloneCard(original), id: id() };
    const index = cell.indexOf(original.id) + 1;
    cell.splice(index, 0, copy.id);
    edits.push({ type: 'AddCard', mapId: map.id, card: copy, index });
  }
  return combine(edits);
}

/** The ids a duplicate or paste edit adds (to select them afterwards). */
export function addedCardIds(edit: Edit | null): string[] {
  if (!edit) return [];
  if (edit.type === 'AddCard') return [edit.card.id];
  if (edit.type === 'Batch') return edit.edits.flatMap(addedCardIds);
  return [];
}

export interface PasteTarget extends Cell {
  kind: LaneKind;
  index: number;
}

/**
 * Adds pasted cards, with fresh ids, into one cell from `index` on. Links to channels or
 * personas the document does not have (a paste from another document) are dropped.
 */
export function pasteCardsEdit(
  mapId: string,
  cards: readonly Card[],
  target: PasteTarget,
  known: { channelIds: ReadonlySet<string>; personaIds: ReadonlySet<string> } | null = null,
  id: NewId = newId,
): Edit | null {
  return combine(
    cards.map((c, i) => {
      const card: Card = {
        ...structuredCloneCard(c),
        id: id(),
        stageId: target.stageId,
        laneId: target.laneId,
        kind: target.kind,
      };
      if (known) {
        if (card.channelId !== null && !known.channelIds.has(card.channelId)) card.channelId = null;
        card.personaIds = card.personaIds.filter((p) => known.personaIds.has(p));
      }
      return { type: 'AddCard', mapId, card, index: target.index + i } as Edit;
    }),
  );
}

/**
 * UpdateCard with the title and body the user typed: only those of the two that differ
 * from what the card showed (`card`), so every other field stays as the document holds
 * it. Null when the text is unchanged. An empty title is allowed only if the card had one
 * already empty.
 */
export function updateCardTextEdit(mapId: string, card: Pick<Card, 'id' | 'title' | 'body'>, title: string, body: string): Edit | null {
  const t = title.trim();
  const b = body.replace(/\s+$/, '');
  const props: CardPatch = {};
  if (t !== card.title) props.title = t;
  if (b !== card.body) props.body = b;
  if (props.title === undefined && props.body === undefined) return null;
  return { type: 'UpdateCard', mapId, cardId: card.id, props };
}

function structuredCloneCard(c: Card): Card {
  return { ...c, personaIds: [...c.personaIds], flags: { ...c.flags }, plan: clonePlan(c.plan) };
}
