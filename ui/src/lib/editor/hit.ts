// Pure hit-testing on a Scene: which card or cell is under a point, where a dropped card
// lands within a cell, which cards a marquee covers, and keyboard neighbours.

import type { LaneKind, Scene, SceneCard } from '../generated/types';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A cell of the map: a stage (column) and a lane (row). */
export interface Cell {
  stageId: string;
  laneId: string;
}

export interface CellInfo extends Cell {
  kind: LaneKind;
  rect: Rect;
  collapsed: boolean;
}

/** Space between a cell's edge and its cards (CELL_PAD_X / LANE_PAD_Y in the layout). */
export const CELL_PAD_X = 10;
export const CELL_PAD_Y = 12;
export const CARD_GAP = 10;
/** Where a drop lands in a collapsed lane (its cards are not drawn): the end, clamped by the backend. */
export const END_OF_CELL = 1_000_000;

const inside = (r: Rect, p: Point) => p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;

export const sameCell = (a: Cell | null | undefined, b: Cell | null | undefined): boolean =>
  !!a && !!b && a.stageId === b.stageId && a.laneId === b.laneId;

/** The topmost card under the point (cards drawn later are on top). */
export function cardAt(scene: Scene, p: Point): SceneCard | null {
  for (let i = scene.cards.length - 1; i >= 0; i--) {
    const card = scene.cards[i]!;
    if (inside(card, p)) return card;
  }
  return null;
}

export function cellInfo(scene: Scene, cell: Cell): CellInfo | null {
  const stage = scene.stages.find((s) => s.id === cell.stageId);
  const lane = scene.lanes.find((l) => l.id === cell.laneId);
  if (!stage || !lane) return null;
  return {
    stageId: stage.id,
    laneId: lane.id,
    kind: lane.kind,
    collapsed: lane.collapsed,
    rect: { x: stage.x, y: lane.y, width: stage.width, height: lane.height },
  };
}

/** The cell (stage × visible lane) under the point, or null over the headers or outside. */
export function cellAt(scene: Scene, p: Point): CellInfo | null {
  const stage = scene.stages.find((s) => p.x >= s.x && p.x < s.x + s.width);
  const lane = scene.lanes.find((l) => p.y >= l.y && p.y < l.y + l.height);
  if (!stage || !lane) return null;
  return cellInfo(scene, { stageId: stage.id, laneId: lane.id });
}

/** The cards of a cell, in their order within it. */
export function cellCards(scene: Scene, cell: Cell): SceneCard[] {
  return scene.cards
    .filter((c) => c.stageId === cell.stageId && c.laneId === cell.laneId)
    .sort((a, b) => a.index - b.index);
}

/**
 * Where a card dropped at `p` lands in `cell`: its index among the cell's cards that are
 * not being moved (`moving`), i.e. the number of those whose middle is above the point.
 */
export function insertionIndex(scene: Scene, cell: Cell, p: Point, moving: ReadonlySet<string> = new Set()): number {
  const info = cellInfo(scene, cell);
  if (info?.collapsed) return END_OF_CELL;
  const staying = cellCards(scene, cell).filter((c) => !moving.has(c.id));
  let index = 0;
  for (const card of staying) if (card.y + card.height / 2 <= p.y) index++;
  return index;
}

/** The horizontal line (scene coordinates) that shows where an insertion at `index` lands. */
export function dropLine(
  scene: Scene,
  cell: Cell,
  index: number,
  moving: ReadonlySet<string> = new Set(),
): { x1: number; x2: number; y: number } | null {
  const info = cellInfo(scene, cell);
  if (!info) return null;
  const x1 = info.rect.x + CELL_PAD_X;
  const x2 = info.rect.x + info.rect.width - CELL_PAD_X;
  const staying = cellCards(scene, cell).filter((c) => !moving.has(c.id));
  let y: number;
  if (info.collapsed) y = info.rect.y + info.rect.height / 2;
  else if (staying.length === 0) y = info.rect.y + CELL_PAD_Y / 2;
  else if (index < staying.length) y = staying[index]!.y - CARD_GAP / 2;
  else {
    const last = staying[staying.length - 1]!;
    y = last.y + last.height + CARD_GAP / 2;
  }
  return { x1, x2, y };
}

/** The rectangle (scene coordinates) a new card at the end of a cell would take. */
export function endOfCellRect(scene: Scene, cell: Cell, height = 44): Rect | null {
  const info = cellInfo(scene, cell);
  if (!info) return null;
  const cards = cellCards(scene, cell);
  const last = cards[cards.length - 1];
  const y = last ? last.y + last.height + CARD_GAP : info.rect.y + CELL_PAD_Y;
  return { x: info.rect.x + CELL_PAD_X, y, width: info.rect.width - 2 * CELL_PAD_X, height };
}

/** A rectangle from two corners, whichever way it was dragged. */
export function rectFrom(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** The ids of the cards a marquee rectangle touches. */
export function cardsInRect(scene: Scene, r: Rect): string[] {
  return scene.cards
    .filter((c) => c.x < r.x + r.width && c.x + c.width > r.x && c.y < r.y + r.height && c.y + c.height > r.y)
    .map((c) => c.id);
}

/**
 * What a marquee selects: the touched cards, added to `base` when `additive` (shift or
 * ctrl held when it started).
 */
export function marqueeSelection(scene: Scene, r: Rect, base: Iterable<string>, additive: boolean): string[] {
  const hit = cardsInRect(scene, r);
  if (!additive) return hit;
  return [...new Set([...base, ...hit])];
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const stageIndex = (scene: Scene, id: string) => scene.stages.findIndex((s) => s.id === id);
const laneIndex = (scene: Scene, id: string) => scene.lanes.findIndex((l) => l.id === id);

/** The cards of a stage (column), top to bottom, crossing lanes. */
export function columnCards(scene: Scene, stageId: string): SceneCard[] {
  return scene.cards
    .filter((c) => c.stageId === stageId)
    .sort((a, b) => laneIndex(scene, a.laneId) - laneIndex(scene, b.laneId) || a.index - b.index);
}

/**
 * The card keyboard focus goes to from `cardId`: left/right = the nearest card (by
 * height) in the neighbouring stage that has cards; up/down = the previous/next card in
 * the same column, crossing lanes. Null when there is none.
 */
export function neighbourCard(scene: Scene, cardId: string, dir: Direction): SceneCard | null {
  const from = scene.cards.find((c) => c.id === cardId);
  if (!from) return null;
  if (dir === 'up' || dir === 'down') {
    const column = columnCards(scene, from.stageId);
    const at = column.findIndex((c) => c.id === cardId);
    return column[at + (dir === 'down' ? 1 : -1)] ?? null;
  }
  const step = dir === 'right' ? 1 : -1;
  const middle = from.y + from.height / 2;
  for (let s = stageIndex(scene, from.stageId) + step; s >= 0 && s < scene.stages.length; s += step) {
    const column = columnCards(scene, scene.stages[s]!.id);
    if (column.length === 0) continue;
    let best = column[0]!;
    for (const c of column) {
      if (Math.abs(c.y + c.height / 2 - middle) < Math.abs(best.y + best.height / 2 - middle)) best = c;
    }
    return best;
  }
  return null;
}

/** Every cell in reading order: lane by lane, stage by stage within a lane. */
export function allCells(scene: Scene): Cell[] {
  return scene.lanes.flatMap((l) => scene.stages.map((s) => ({ stageId: s.id, laneId: l.id })));
}

/** The next (`step` 1) or previous (-1) cell in reading order; null past either end. */
export function stepCell(scene: Scene, cell: Cell | null, step: 1 | -1): Cell | null {
  const cells = allCells(scene);
  if (!cell) return (step > 0 ? cells[0] : cells[cells.length - 1]) ?? null;
  const at = cells.findIndex((c) => sameCell(c, cell));
  if (at < 0) return cells[0] ?? null;
  return cells[at + step] ?? null;
}

/** The cell next to `cell` in a direction (left/right = stage, up/down = lane); null at the edge. */
export function adjacentCell(scene: Scene, cell: Cell, dir: Direction): Cell | null {
  if (dir === 'left' || dir === 'right') {
    const s = scene.stages[stageIndex(scene, cell.stageId) + (dir === 'right' ? 1 : -1)];
    return s ? { stageId: s.id, laneId: cell.laneId } : null;
  }
  const l = scene.lanes[laneIndex(scene, cell.laneId) + (dir === 'down' ? 1 : -1)];
  return l ? { stageId: cell.stageId, laneId: l.id } : null;
}

/** Cards in canonical order (stage, lane, position in cell). */
export function canonicalOrder(scene: Scene, cards: readonly SceneCard[]): SceneCard[] {
  return [...cards].sort(
    (a, b) =>
      stageIndex(scene, a.stageId) - stageIndex(scene, b.stageId) ||
      laneIndex(scene, a.laneId) - laneIndex(scene, b.laneId) ||
      a.index - b.index,
  );
}
