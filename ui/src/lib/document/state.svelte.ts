// The document as the UI knows it: the backend's DocumentState, the selected map and the
// Scene on screen. Every change comes back from the backend as a new DocumentState,
// after which the selected map's Scene is fetched again and drawn.

import * as ipc from './ipc';
import type { AppError, DocumentState, Edit, ImportResult, MapSummary, Scene, SceneUpdate } from '../generated/types';
import type { Toasts } from './toasts.svelte';
import { cleanName, renameMapEdit } from './edits';
import { importedMessage, isImportable, notImportableMessage } from './imports';
import { shortcutLabel } from '../app/shortcuts';
import { applyScenePatch } from './scenePatch';
import { takeFirstScene } from './firstScene';

/** A Scene update the backend sent along with an edit's answer, and what it answers. */
interface AnsweredScene {
  mapId: string;
  known: number | null;
  update: SceneUpdate;
}

/** A Scene together with the document revision it was laid out for. */
export interface DrawnScene {
  scene: Scene;
  revision: number;
}

export class DocumentStore {
  /** The latest DocumentState from the backend; null until the first one arrives. */
  doc = $state.raw<DocumentState | null>(null);
  selectedMapId = $state<string | null>(null);
  /** What the canvas draws. Replaced in one step, so the scene and its revision agree. */
  drawn = $state.raw<DrawnScene | null>(null);
  /** True once the first document state and scene have been fetched (or failed). */
  ready = $state(false);

  readonly #toasts: Toasts;
  /** Bumped by every scene request; an answer for an older request is dropped. */
  #sceneRequest = 0;
  /**
   * Which Scene `drawn` holds as the backend names it (document path, map, the revision
   * the backend laid it out at), so a redraw can ask for only the changes since then.
   */
  #drawnKey: { path: string; mapId: string; revision: number } | null = null;

  constructor(toasts: Toasts) {
    this.#toasts = toasts;
  }

  get selectedMap(): MapSummary | null {
    const id = this.selectedMapId;
    return this.doc?.maps.find((m) => m.id === id) ?? null;
  }

  /**
   * Fetches the document state and draws the first map, with the answers asked for
   * before the UI was mounted (`askFirstScene`) when there are any.
   */
  async load(): Promise<void> {
    await this.#run(async () => {
      const early = takeFirstScene();
      if (!early) return this.accept(await ipc.documentState());
      const { state, scene } = await early;
      performance.mark('waymark:answers');
      // A `document-changed` that came first is newer than these answers.
      if (this.doc !== null) return;
      await this.accept(state, undefined, scene ? { mapId: scene.mapId, known: null, update: scene.update } : undefined);
    });
    this.ready = true;
  }

  /**
   * Takes a new DocumentState (from a command or a `document-changed` event): keeps the
   * selected map if it still exists, otherwise selects the first one, and redraws.
   * `showMapId` (a map just added) is selected instead when the state has it.
   */
  async accept(state: DocumentState, showMapId?: string, answered?: AnsweredScene): Promise<void> {
    const previous = this.doc;
    this.doc = state;
    const sameDocument = previous !== null && previous.path === state.path;
    if (showMapId !== undefined && state.maps.some((m) => m.id === showMapId)) {
      this.selectedMapId = showMapId;
    } else {
      const keep = sameDocument && state.maps.some((m) => m.id === this.selectedMapId);
      if (!keep) this.selectedMapId = state.maps[0]?.id ?? null;
    }
    await this.redraw(answered);
  }

  /** What `redraw` would ask the backend for now: the selected map, and the drawn revision if it is that map's. */
  #sceneQuestion(): { mapId: string; known: number | null } | null {
    const doc = this.doc;
    const mapId = this.selectedMapId;
    if (!doc || !mapId) return null;
    const key = this.#drawnKey;
    const known = this.drawn && key && key.path === doc.path && key.mapId === mapId ? key.revision : null;
    return { mapId, known };
  }

  /**
   * Fetches the selected map's Scene and puts it on screen. `answered` is that Scene
   * already sent with the edit's answer: used when it is for what would be asked now.
   */
  async redraw(answered?: AnsweredScene): Promise<void> {
    const request = ++this.#sceneRequest;
    const doc = this.doc;
    const question = this.#sceneQuestion();
    if (!doc || !question) {
      this.drawn = null;
      return;
    }
    // Same document and map on screen: ask for the changes since the drawn Scene.
    const { mapId, known } = question;
    const base = this.drawn;
    let update: unknown;
    if (answered && answered.mapId === mapId && answered.known === known) {
      update = answered.update;
    } else {
      update = await ipc.mapSceneUpdate(mapId, known);
      if (request !== this.#sceneRequest) return; // a newer state or selection won
    }
    let scene: Scene;
    if (!isSceneUpdate(update)) {
      // A backend (or test double) without `map_scene_update`: fetch the whole Scene.
      const whole = await ipc.mapScene(mapId);
      if (request !== this.#sceneRequest) return;
      this.#drawnKey = null;
      this.drawn = { scene: whole, revision: doc.revision };
      return;
    } else if (update.kind === 'full') {
      scene = update.scene;
    } else if (base && update.baseRevision === known) {
      scene = applyScenePatch(base.scene, update.patch);
    } else {
      // Not a patch for what is drawn (cannot happen with one window): start over.
      this.#drawnKey = null;
      return this.redraw();
    }
    this.#drawnKey = { path: doc.path, mapId, revision: update.revision };
    this.drawn = { scene, revision: doc.revision };
    this.#markFirstPaint();
  }

  #firstPaintMarked = false;

  /** Marks (for the benchmark in docs/BENCHMARKS.md) when the first map reached the screen. */
  #markFirstPaint(): void {
    if (this.#firstPaintMarked || typeof requestAnimationFrame !== 'function') return;
    this.#firstPaintMarked = true;
    performance.mark('waymark:scene');
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('waymark:first-paint')));
  }

  async selectMap(mapId: string): Promise<void> {
    if (mapId === this.selectedMapId && this.drawn?.scene.mapId === mapId) return;
    this.selectedMapId = mapId;
    await this.#run(() => this.redraw());
  }

  async undo(): Promise<void> {
    if (!this.doc?.undoLabel) return;
    await this.#run(async () => this.accept(await ipc.undo()));
  }

  async redo(): Promise<void> {
    if (!this.doc?.redoLabel) return;
    await this.#run(async () => this.accept(await ipc.redo()));
  }

  async applyEdit(edit: Edit): Promise<void> {
    await this.#run(() => this.#applyEdit(edit));
  }

  /**
   * Applies an edit like `applyEdit`, but answers the refusal (e.g. a vote the round's
   * rules refuse) instead of showing it as a toast, for a view that shows it in place.
   */
  async tryEdit(edit: Edit): Promise<AppError | null> {
    try {
      await this.#applyEdit(edit);
      return null;
    } catch (error) {
      return ipc.toAppError(error);
    }
  }

  async #applyEdit(edit: Edit): Promise<void> {
    // The selected map's new Scene comes with the answer: one round trip, not two.
    const question = this.#sceneQuestion();
    if (!question) return this.accept(await ipc.applyEdit(edit));
    const { scene, ...state } = await ipc.applyEditAndRedraw(edit, question.mapId, question.known);
    await this.accept(state, undefined, isSceneUpdate(scene) ? { ...question, update: scene } : undefined);
  }

  /**
   * Renames a map with a patch of its name alone (its description and personas are not
   * sent, so they stay as the document holds them). An empty name is refused here; an
   * unchanged one sends nothing.
   */
  async renameMap(mapId: string, newName: string): Promise<void> {
    const name = cleanName(newName);
    if (name === '') {
      this.#toasts.push('A map needs a name');
      return;
    }
    const shown = this.doc?.maps.find((m) => m.id === mapId)?.name ?? null;
    const edit = renameMapEdit({ id: mapId, name: shown ?? '' }, name);
    if (!edit) return;
    await this.#run(async () => {
      await this.accept(await ipc.applyEdit(edit));
    });
  }

  /** Shows, once, the problems the backend met while starting. */
  async showStartupMessages(): Promise<void> {
    await this.#run(async () => {
      for (const error of await ipc.takeStartupMessages()) this.#toasts.push(error.message);
    });
  }

  async openDocument(): Promise<void> {
    await this.#runDialog(ipc.showOpenDialog);
  }

  async saveDocumentAs(): Promise<void> {
    await this.#runDialog(ipc.showSaveAsDialog);
  }

  /**
   * File › New, once a template is chosen in the gallery: the native Save dialog asks
   * where, the document is created there from `template` and shown. Answers whether it
   * was (false: the dialog was cancelled, or the backend refused, which is a toast).
   */
  async newDocument(template: string): Promise<boolean> {
    let created = false;
    await this.#run(async () => {
      const state = await ipc.createFromTemplate(template);
      if (!state) return;
      created = true;
      await this.accept(state);
    });
    return created;
  }

  /**
   * Adds the maps of exported files (dropped on the window), one import (and one undo
   * step) per file, in order; shows the last one added. Files that are not a PNG, PDF
   * or JSON are not sent; each problem is a toast naming the file.
   */
  async importFiles(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      if (!isImportable(path)) {
        this.#toasts.push(notImportableMessage(path));
        continue;
      }
      await this.#run(async () => this.showImported(await ipc.importFile(path)));
    }
  }

  /** A map was added (by a drop, or the native menu's `map-imported`): show it and say so. */
  async showImported(result: ImportResult): Promise<void> {
    await this.accept(result.state, result.mapId);
    this.#toasts.push(importedMessage(result, shortcutLabel('undo')), 'info');
  }

  /** A `map-imported` event from the native menu. */
  onMapImported = (result: ImportResult): void => {
    void this.#run(() => this.showImported(result));
  };

  /** A `document-changed` event from the native menu. */
  onDocumentChanged = (state: DocumentState): void => {
    void this.#run(() => this.accept(state));
  };

  /** An `app-error` event. */
  onAppError = (error: { message: string }): void => {
    this.#toasts.push(error.message);
  };

  /**
   * Runs a backend call that changes the document (a CSV import, a photo) and shows its
   * result; its error becomes a toast. Answers whether it succeeded.
   */
  async change(work: () => Promise<DocumentState>): Promise<boolean> {
    let ok = false;
    await this.#run(async () => {
      await this.accept(await work());
      ok = true;
    });
    return ok;
  }

  async #runDialog(show: () => Promise<DocumentState | null>): Promise<void> {
    await this.#run(async () => {
      const state = await show();
      if (state) await this.accept(state);
    });
  }

  /** Runs a backend call; its AppError becomes a toast instead of an exception. */
  async #run(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.#toasts.push(ipc.toAppError(error).message);
    }
  }
}

function isSceneUpdate(value: unknown): value is SceneUpdate {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'full' || kind === 'patch';
}
