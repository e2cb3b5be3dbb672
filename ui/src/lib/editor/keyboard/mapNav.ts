// Pure keyboard travel inside the map, which is one Tab stop (see rovingFocus.svelte.ts):
// the arrow keys go from one "spot" (a card, an empty cell, a stage or lane header, an
// emotion point, a connector, the "+" buttons) to the next, as across a table whose first
// row is the stage headers and first column the lane headers. Answered from the Scene.

import type { Scene } from '../../generated/types';
import { cellCards, cellInfo, type Cell, type Direction, type Rect } from '../hit';

export type Spot =
  | { kind: 'card'; id: string }
  | { kind: 'cell'; stageId: string; laneId: string }
  | { kind: 'stage'; id: string }
  | { kind: 'lane'; id: string }
  | { kind: 'emotion'; personaId: string; stageId: string }
  | { kind: 'connector'; id: string }
  | { kind: 'add-stage' }
  | { kind: 'add-lane' };

export function sameSpot(a: Spot | null, b: Spot | null): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'cell':
      return b.kind === 'cell' && a.stageId === b.stageId && a.laneId === b.laneId;
    case 'emotion':
      return b.kind === 'emotion' && a.personaId === b.personaId && a.stageId === b.stageId;
    case 'add-stage':
    case 'add-lane':
      return true;
    default:
      return 'id' in b && a.id === b.id;
  }
}

const stageAt = (scene: Scene, id: string) => scene.stages.findIndex((s) => s.id === id);
const laneAt = (scene: Scene, id: string) => scene.lanes.findIndex((l) => l.id === id);

/** The emotion points drawn in a cell (one per persona whose line runs in that lane). */
function cellPoints(scene: Scene, cell: Cell): Spot[] {
  return scene.emotionLines
    .filter((line) => line.laneId === cell.laneId && line.points.some((p) => p.stageId === cell.stageId))
    .map((line) => ({ kind: 'emotion', personaId: line.personaId, stageId: cell.stageId }));
}

/** Every emotion point of a lane, stage by stage, the personas' in their order. */
function lanePoints(scene: Scene, laneId: string): Spot[] {
  return scene.stages.flatMap((stage) => cellPoints(scene, { stageId: stage.id, laneId }));
}

/**
 * What the focus lands on when it comes into a cell: going up, its last card; down, its
 * first; sideways, the card nearest the height it comes from (`fromY`). An emotion lane's
 * cell lands on its point; a cell without cards on the cell itself.
 */
function enterCell(scene: Scene, cell: Cell, dir: Direction, fromY?: number): Spot {
  const cards = cellCards(scene, cell);
  if (cards.length > 0) {
    if (dir === 'up') return { kind: 'card', id: cards[cards.length - 1]!.id };
    if (dir === 'down' || fromY === undefined) return { kind: 'card', id: cards[0]!.id };
    let best = cards[0]!;
    const gap = (c: typeof best) => Math.abs(c.y + c.height / 2 - fromY);
    for (const c of cards) if (gap(c) < gap(best)) best = c;
    return { kind: 'card', id: best.id };
  }
  return cellPoints(scene, cell)[0] ?? { kind: 'cell', stageId: cell.stageId, laneId: cell.laneId };
}

/** Out of a cell (or a card or point in it) in a direction: the next cell, or a header. */
function leaveCell(scene: Scene, cell: Cell, dir: Direction, fromY?: number): Spot | null {
  const s = stageAt(scene, cell.stageId);
  const l = laneAt(scene, cell.laneId);
  if (s < 0 || l < 0) return null;
  switch (dir) {
    case 'up': {
      const lane = scene.lanes[l - 1];
      return lane ? enterCell(scene, { stageId: cell.stageId, laneId: lane.id }, 'up') : { kind: 'stage', id: cell.stageId };
    }
    case 'down': {
      const lane = scene.lanes[l + 1];
      return lane ? enterCell(scene, { stageId: cell.stageId, laneId: lane.id }, 'down') : null;
    }
    case 'left': {
      const stage = scene.stages[s - 1];
      return stage ? enterCell(scene, { stageId: stage.id, laneId: cell.laneId }, 'left', fromY) : { kind: 'lane', id: cell.laneId };
    }
    case 'right': {
      const stage = scene.stages[s + 1];
      return stage ? enterCell(scene, { stageId: stage.id, laneId: cell.laneId }, 'right', fromY) : null;
    }
  }
}

/** Where an arrow key takes the focus from `from` (null: from the map as a whole). */
export function nextSpot(scene: Scene, from: Spot | null, dir: Direction): Spot | null {
  const firstStage = scene.stages[0];
  const firstLane = scene.lanes[0];
  if (!from) return firstStage && firstLane ? enterCell(scene, { stageId: firstStage.id, laneId: firstLane.id }, 'down') : null;
  switch (from.kind) {
    case 'card': {
      const card = scene.cards.find((c) => c.id === from.id);
      if (!card) return null;
      if (dir === 'up' || dir === 'down') {
        const cards = cellCards(scene, card);
        const next = cards[cards.findIndex((c) => c.id === card.id) + (dir === 'down' ? 1 : -1)];
        if (next) return { kind: 'card', id: next.id };
      }
      return leaveCell(scene, card, dir, card.y + card.height / 2);
    }
    case 'cell': {
      // A cell with cards is left for its first card, whichever the arrow.
      const first = cellCards(scene, from)[0];
      return first ? { kind: 'card', id: first.id } : leaveCell(scene, from, dir);
    }
    case 'emotion': {
      const line = scene.emotionLines.find((l) => l.personaId === from.personaId);
      if (!line) return null;
      if (dir === 'left' || dir === 'right') {
        // Sideways through the lane's points, stage by stage and each persona's in turn,
        // so that every persona's line is reached; on into the next stage's cell when it
        // has no point.
        const points = lanePoints(scene, line.laneId);
        const next = points[points.findIndex((p) => sameSpot(p, from)) + (dir === 'right' ? 1 : -1)];
        const step = (id: string) => Math.abs(stageAt(scene, id) - stageAt(scene, from.stageId));
        if (next?.kind === 'emotion' && step(next.stageId) <= 1) return next;
      }
      const point = line.points.find((p) => p.stageId === from.stageId);
      return leaveCell(scene, { stageId: from.stageId, laneId: line.laneId }, dir, point?.y);
    }
    case 'stage': {
      const s = stageAt(scene, from.id);
      if (s < 0) return null;
      if (dir === 'left') return scene.stages[s - 1] ? { kind: 'stage', id: scene.stages[s - 1]!.id } : null;
      if (dir === 'right') return scene.stages[s + 1] ? { kind: 'stage', id: scene.stages[s + 1]!.id } : { kind: 'add-stage' };
      if (dir === 'down' && firstLane) return enterCell(scene, { stageId: from.id, laneId: firstLane.id }, 'down');
      return null;
    }
    case 'lane': {
      const l = laneAt(scene, from.id);
      if (l < 0) return null;
      if (dir === 'up') return scene.lanes[l - 1] ? { kind: 'lane', id: scene.lanes[l - 1]!.id } : null;
      if (dir === 'down') return scene.lanes[l + 1] ? { kind: 'lane', id: scene.lanes[l + 1]!.id } : { kind: 'add-lane' };
      if (dir === 'right' && firstStage) return enterCell(scene, { stageId: firstStage.id, laneId: from.id }, 'right');
      return null;
    }
    case 'add-stage': {
      const last = scene.stages[scene.stages.length - 1];
      return dir === 'left' && last ? { kind: 'stage', id: last.id } : null;
    }
    case 'add-lane': {
      const last = scene.lanes[scene.lanes.length - 1];
      return dir === 'up' && last ? { kind: 'lane', id: last.id } : null;
    }
    case 'connector': {
      // A connector leads to the cards at its ends.
      const connector = scene.connectors.find((c) => c.id === from.id);
      if (!connector) return null;
      if (dir === 'left') return { kind: 'card', id: connector.fromCardId };
      if (dir === 'right') return { kind: 'card', id: connector.toCardId };
      return null;
    }
  }
}

/**
 * Ctrl+Right / Ctrl+Left on a card: its first outgoing / incoming connector; on a
 * connector, the next one of the same card in that direction (after the last, none).
 */
export function linkedSpot(scene: Scene, from: Spot | null, dir: 'left' | 'right'): Spot | null {
  const end = (c: Scene['connectors'][number]) => (dir === 'right' ? c.fromCardId : c.toCardId);
  let cardId: string;
  let after = -1;
  if (from?.kind === 'card') cardId = from.id;
  else if (from?.kind === 'connector') {
    const connector = scene.connectors.find((c) => c.id === from.id);
    if (!connector) return null;
    cardId = end(connector);
    after = scene.connectors.indexOf(connector);
  } else return null;
  const next = scene.connectors.find((c, i) => i > after && end(c) === cardId);
  return next ? { kind: 'connector', id: next.id } : null;
}

/** The element drawn for a spot (inside the map's SVG). */
export function spotSelector(spot: Spot): string {
  const q = (v: string) => JSON.stringify(v);
  switch (spot.kind) {
    case 'card':
      return `[data-testid="card"][data-card-id=${q(spot.id)}]`;
    case 'cell':
      return '[data-testid="cell-focus"]';
    case 'stage':
      return `[data-testid="stage-handle"][data-stage-id=${q(spot.id)}]`;
    case 'lane':
      return `[data-testid="lane-handle"][data-lane-id=${q(spot.id)}]`;
    case 'emotion':
      return `[data-testid="emotion-point"][data-persona-id=${q(spot.personaId)}][data-stage-id=${q(spot.stageId)}]`;
    case 'connector':
      return `[data-testid="connector"][data-connector-id=${q(spot.id)}]`;
    case 'add-stage':
      return '[data-testid="add-stage"]';
    case 'add-lane':
      return '[data-testid="add-lane"]';
  }
}

/** The spot an element of the map stands for (the inverse of `spotSelector`), or null. */
export function spotOf(el: Element | null): Spot | null {
  const data = (el as HTMLElement | null)?.dataset;
  if (!data) return null;
  switch (data.testid) {
    case 'card':
      return data.cardId ? { kind: 'card', id: data.cardId } : null;
    case 'cell-focus':
      return data.stageId && data.laneId ? { kind: 'cell', stageId: data.stageId, laneId: data.laneId } : null;
    case 'stage-handle':
      return data.stageId ? { kind: 'stage', id: data.stageId } : null;
    case 'lane-handle':
      return data.laneId ? { kind: 'lane', id: data.laneId } : null;
    case 'emotion-point':
      return data.personaId && data.stageId ? { kind: 'emotion', personaId: data.personaId, stageId: data.stageId } : null;
    case 'connector':
      return data.connectorId ? { kind: 'connector', id: data.connectorId } : null;
    case 'add-stage':
      return { kind: 'add-stage' };
    case 'add-lane':
      return { kind: 'add-lane' };
    default:
      return null;
  }
}

/** The box (scene coordinates) to scroll into view when a spot takes the focus. */
export function spotRect(scene: Scene, spot: Spot): Rect | null {
  switch (spot.kind) {
    case 'card': {
      const c = scene.cards.find((x) => x.id === spot.id);
      return c ? { x: c.x, y: c.y, width: c.width, height: c.height } : null;
    }
    case 'cell':
      return cellInfo(scene, spot)?.rect ?? null;
    case 'stage': {
      const s = scene.stages.find((x) => x.id === spot.id);
      return s ? { x: s.x, y: 0, width: s.width, height: scene.headerHeight } : null;
    }
    case 'lane': {
      const l = scene.lanes.find((x) => x.id === spot.id);
      return l ? { x: 0, y: l.y, width: scene.gutterWidth, height: l.height } : null;
    }
    case 'emotion': {
      const p = scene.emotionLines.find((l) => l.personaId === spot.personaId)?.points.find((x) => x.stageId === spot.stageId);
      return p ? { x: p.x - 12, y: p.y - 12, width: 24, height: 24 } : null;
    }
    case 'connector': {
      const c = scene.connectors.find((x) => x.id === spot.id);
      return c ? { x: c.endX - 24, y: c.endY - 24, width: 48, height: 48 } : null;
    }
    case 'add-stage':
    case 'add-lane':
      return null;
  }
}
