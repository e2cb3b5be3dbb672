// Pure builders for the Edits that change a map's structure: stages (columns) and lanes
// (rows). Update edits carry only the fields the gesture changes; the stage or lane passed
// in is what the UI shows of it (its id, and whatever props it knows), used only to skip
// an edit that would change nothing. The Scene's colours are resolved, so a caller that
// has only the Scene leaves `color` out of what it shows.

import type { Card, Edit, Lane, LaneKind, LanePatch, LaneProps, Stage, StagePatch, StageProps } from '../../generated/types';
import { changedFields } from '../../document/edits';
import { normalizeColor } from '../../ui/palette';

/** What the UI shows of a stage or lane: its id, and the props it knows. */
export type ShownStage = Pick<Stage, 'id'> & Partial<StageProps>;
export type ShownLane = Pick<Lane, 'id'> & Partial<LaneProps>;

/** The backend's limits (validate.rs). */
export const MIN_STAGE_WIDTH = 120;
export const MAX_STAGE_WIDTH = 1200;
export const MAX_NAME = 200;
/** Stage widths snap to this grid while resizing. */
export const WIDTH_SNAP = 20;
export const NEW_STAGE_NAME = 'New stage';
export const NEW_STAGE_WIDTH = 240;

/** Lane kinds in menu order with the names users see. */
export const LANE_KINDS: ReadonlyArray<{ kind: LaneKind; label: string }> = [
  { kind: 'touchpoints', label: 'Touchpoints' },
  { kind: 'actions', label: 'Customer actions' },
  { kind: 'thoughts', label: 'Thoughts & quotes' },
  { kind: 'emotions', label: 'Emotions' },
  { kind: 'pain_points', label: 'Pain points' },
  { kind: 'opportunities', label: 'Opportunities' },
  { kind: 'passion_points', label: 'Passion points' },
  { kind: 'channels', label: 'Channels' },
  { kind: 'kpis', label: 'KPIs' },
  { kind: 'backstage', label: 'Backstage' },
  { kind: 'notes', label: 'Notes' },
  { kind: 'custom', label: 'Custom' },
  { kind: 'ladder', label: 'Engagement ladder' },
];

export function laneKindLabel(kind: LaneKind): string {
  return LANE_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** A fresh id for something the UI creates (ids are chosen by the UI). */
export const newId = (): string => crypto.randomUUID();

/** A name as stored: trimmed, at most MAX_NAME characters. */
export function cleanName(name: string): string {
  return Array.from(name.trim()).slice(0, MAX_NAME).join('');
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A width snapped to the 20-px grid and kept within the backend's range. */
export function snapWidth(width: number): number {
  if (!Number.isFinite(width)) return NEW_STAGE_WIDTH;
  return clamp(Math.round(width / WIDTH_SNAP) * WIDTH_SNAP, MIN_STAGE_WIDTH, MAX_STAGE_WIDTH);
}

// ---- Stages ------------------------------------------------------------------------

export function newStage(id: string = newId()): Stage {
  return { id, name: NEW_STAGE_NAME, color: null, width: NEW_STAGE_WIDTH, rungId: null, speakerNotes: '' };
}

/** AddStage for a new "New stage" at `index` (the end by default). */
export function addStageEdit(mapId: string, stageCount: number, stage: Stage = newStage(), index = stageCount): Edit {
  return { type: 'AddStage', mapId, stage, index: clamp(index, 0, stageCount) };
}

/** UpdateStage with the fields the gesture changes, cleaned; null when none changes. */
export function updateStageEdit(mapId: string, stage: ShownStage, patch: Partial<StageProps>): Edit | null {
  const props: StagePatch = {};
  if (patch.name !== undefined) props.name = cleanName(patch.name);
  if (patch.color !== undefined) props.color = normalizeColor(patch.color);
  if (patch.width !== undefined) props.width = snapWidth(patch.width);
  if (patch.rungId !== undefined) props.rungId = patch.rungId ?? null;
  if (patch.speakerNotes !== undefined) props.speakerNotes = patch.speakerNotes;
  const changed = changedFields<StagePatch>(stage, props);
  return changed ? { type: 'UpdateStage', mapId, stageId: stage.id, props: changed } : null;
}

/** Rename; an empty name is refused (null), as is an unchanged one. */
export function renameStageEdit(mapId: string, stage: ShownStage, name: string): Edit | null {
  if (cleanName(name) === '') return null;
  return updateStageEdit(mapId, stage, { name });
}

export function resizeStageEdit(mapId: string, stage: ShownStage, width: number): Edit | null {
  return updateStageEdit(mapId, stage, { width: snapWidth(width) });
}

export function recolorStageEdit(mapId: string, stage: ShownStage, color: string | null): Edit | null {
  return updateStageEdit(mapId, stage, { color });
}

export function deleteStageEdit(mapId: string, stageId: string): Edit {
  return { type: 'DeleteStage', mapId, stageId };
}

/** How many cards go with a stage when it is deleted. */
export const cardsInStage = (cards: readonly Pick<Card, 'stageId'>[], stageId: string): number =>
  cards.filter((c) => c.stageId === stageId).length;

export const cardsInLane = (cards: readonly Pick<Card, 'laneId'>[], laneId: string): number =>
  cards.filter((c) => c.laneId === laneId).length;

/** One span along an axis (a stage column or a lane row). */
export interface Span {
  id: string;
  start: number;
  size: number;
}

/**
 * Where an item dragged along an axis lands: the final index among `spans` (in order)
 * once the dragged item is removed and reinserted, given the pointer's position. The
 * item moves past another once the pointer crosses that one's middle.
 */
export function dropIndex(spans: readonly Span[], draggedId: string, pos: number): number {
  const others = spans.filter((s) => s.id !== draggedId);
  let index = 0;
  for (const s of others) if (pos > s.start + s.size / 2) index++;
  return index;
}

/** Where the drop indicator goes for a drop index: the edge before `index`'s item. */
export function dropLinePos(spans: readonly Span[], draggedId: string, index: number): number {
  const others = spans.filter((s) => s.id !== draggedId);
  if (others.length === 0) return spans[0]?.start ?? 0;
  if (index >= others.length) {
    const last = others[others.length - 1];
    return last ? last.start + last.size : 0;
  }
  return others[index]?.start ?? 0;
}

/**
 * ReorderStage/ReorderLane for a drag that ended at `pos`; null when the item stays put.
 * `currentIndex` is the item's index in the stored list; hidden lanes (absent from the
 * Scene) are mapped through `storedOrder` so the index is one the backend understands.
 */
export function reorderIndex(spans: readonly Span[], draggedId: string, pos: number, storedOrder: readonly string[]): number | null {
  const visible = spans.map((s) => s.id);
  const from = visible.indexOf(draggedId);
  if (from < 0) return null;
  const target = dropIndex(spans, draggedId, pos);
  if (target === from) return null;
  // The stored list without the dragged item; insert before the visible item now at `target`.
  const rest = storedOrder.filter((id) => id !== draggedId);
  const visibleRest = visible.filter((id) => id !== draggedId);
  if (target >= visibleRest.length) {
    const last = visibleRest[visibleRest.length - 1];
    return last === undefined ? rest.length : rest.indexOf(last) + 1;
  }
  const before = visibleRest[target];
  const at = before === undefined ? -1 : rest.indexOf(before);
  return at < 0 ? null : at;
}

export function reorderStageEdit(mapId: string, stageId: string, index: number): Edit {
  return { type: 'ReorderStage', mapId, stageId, index };
}

// ---- Lanes -------------------------------------------------------------------------

export function newLane(kind: LaneKind, id: string = newId()): Lane {
  return { id, name: laneKindLabel(kind), kind, color: null, collapsed: false, hidden: false, hiddenForOutsiders: false };
}

export function addLaneEdit(mapId: string, laneCount: number, kind: LaneKind, lane: Lane = newLane(kind), index = laneCount): Edit {
  return { type: 'AddLane', mapId, lane, index: clamp(index, 0, laneCount) };
}

/** UpdateLane with the fields the gesture changes, cleaned; null when none changes. */
export function updateLaneEdit(mapId: string, lane: ShownLane, patch: Partial<LaneProps>): Edit | null {
  const props: LanePatch = { ...patch };
  if (patch.name !== undefined) props.name = cleanName(patch.name);
  if (patch.color !== undefined) props.color = normalizeColor(patch.color);
  const changed = changedFields<LanePatch>(lane, props);
  return changed ? { type: 'UpdateLane', mapId, laneId: lane.id, props: changed } : null;
}

export function renameLaneEdit(mapId: string, lane: ShownLane, name: string): Edit | null {
  if (cleanName(name) === '') return null;
  return updateLaneEdit(mapId, lane, { name });
}

export const collapseLaneEdit = (mapId: string, lane: ShownLane, collapsed = !lane.collapsed) =>
  updateLaneEdit(mapId, lane, { collapsed });

export const hideLaneEdit = (mapId: string, lane: ShownLane, hidden = !lane.hidden) => updateLaneEdit(mapId, lane, { hidden });

export function reorderLaneEdit(mapId: string, laneId: string, index: number): Edit {
  return { type: 'ReorderLane', mapId, laneId, index };
}

export function deleteLaneEdit(mapId: string, laneId: string): Edit {
  return { type: 'DeleteLane', mapId, laneId };
}
