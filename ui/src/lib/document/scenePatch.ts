// Applies a ScenePatch from the backend (`map_scene_update`) to the Scene on screen. The
// rules mirror `apply` in src-tauri/crates/render/src/patch.rs. The result is a new Scene,
// but every item the patch does not replace is the very same object as before, so keyed
// `{#each}` blocks leave those alone and only the changed items are drawn again.

import type { ListPatch, Scene, SceneEmotionLine, ScenePatch } from '../generated/types';

/** The id an emotion line goes by in a patch (see `emotion_line_key` in Rust). */
export function emotionLineKey(line: Pick<SceneEmotionLine, 'laneId' | 'personaId'>): string {
  return `${line.laneId}\u001f${line.personaId}`;
}

const byId = (item: { id: string }): string => item.id;

/** The Scene `patch` turns `scene` into; `scene` itself is not changed. */
export function applyScenePatch(scene: Scene, patch: ScenePatch): Scene {
  return {
    mapId: patch.mapId,
    mapName: patch.mapName,
    width: patch.width,
    height: patch.height,
    headerHeight: patch.headerHeight,
    gutterWidth: patch.gutterWidth,
    fonts: sameFonts(scene.fonts, patch.fonts) ? scene.fonts : patch.fonts,
    stages: applyList(scene.stages, patch.stages, byId),
    lanes: applyList(scene.lanes, patch.lanes, byId),
    cards: applyList(scene.cards, patch.cards, byId),
    connectors: applyList(scene.connectors, patch.connectors, byId),
    emotionLines: applyList(scene.emotionLines, patch.emotionLines, emotionLineKey),
    // A ladder is named by its lane, a heat band by its stage (patch.rs). Older answers
    // (and test doubles) may lack them.
    ladder: patch.ladder ? applyList(scene.ladder ?? [], patch.ladder, (l) => l.laneId) : (scene.ladder ?? []),
    heat: patch.heat ? applyList(scene.heat ?? [], patch.heat, (h) => h.stageId) : (scene.heat ?? []),
  };
}

/**
 * Removes the removed items, replaces the upserted ones in place and appends the new ones
 * (in `upserted` order), then puts everything in `order` if the patch gives one. An
 * unchanged list is returned as is.
 */
export function applyList<T>(list: T[], patch: ListPatch<T>, key: (item: T) => string): T[] {
  if (patch.upserted.length === 0 && patch.removed.length === 0 && patch.order === null) {
    return list;
  }
  const removed = new Set(patch.removed);
  const pending = new Map<string, T>();
  for (const item of patch.upserted) pending.set(key(item), item);
  const next: T[] = [];
  for (const item of list) {
    const k = key(item);
    if (removed.has(k)) continue;
    const changed = pending.get(k);
    if (changed === undefined) {
      next.push(item);
    } else {
      next.push(changed);
      pending.delete(k);
    }
  }
  for (const item of patch.upserted) {
    const k = key(item);
    if (pending.has(k)) {
      next.push(item);
      pending.delete(k);
    }
  }
  if (patch.order === null) return next;
  const byKey = new Map<string, T>();
  for (const item of next) byKey.set(key(item), item);
  const ordered: T[] = [];
  for (const k of patch.order) {
    const item = byKey.get(k);
    if (item !== undefined) ordered.push(item);
  }
  return ordered;
}

function sameFonts(a: Scene['fonts'], b: Scene['fonts']): boolean {
  return (Object.keys(a) as Array<keyof Scene['fonts']>).every((k) => a[k] === b[k]);
}
