import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import * as ipc from './ipc';
import { DocumentStore } from './state.svelte';
import { Toasts } from './toasts.svelte';
import { documentState, scene } from '../../test/fixtures';
import { DEFAULT_OPTIONS } from '../export/exportOptions';

afterEach(() => {
  clearMocks();
});

describe('ipc wrappers', () => {
  it('call each command with camelCase arguments and return its answer', async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      switch (cmd) {
        case 'document_state':
        case 'undo':
        case 'redo':
        case 'apply_edit':
          return documentState();
        case 'map_scene':
          return scene((args as { mapId: string }).mapId);
        case 'show_open_dialog':
          return null;
        default:
          throw { kind: 'unknown_command', message: cmd };
      }
    });

    expect((await ipc.documentState()).name).toBe('Journeys');
    expect((await ipc.mapScene('map-2')).mapId).toBe('map-2');
    await ipc.undo();
    await ipc.redo();
    await ipc.applyEdit({ type: 'DeleteCard', mapId: 'map-1', cardId: 'card-a' });
    expect(await ipc.showOpenDialog()).toBeNull();

    expect(calls.map(([cmd]) => cmd)).toEqual([
      'document_state',
      'map_scene',
      'undo',
      'redo',
      'apply_edit',
      'show_open_dialog',
    ]);
    expect(calls[1]![1]).toEqual({ mapId: 'map-2' });
    expect(calls[4]![1]).toEqual({ edit: { type: 'DeleteCard', mapId: 'map-1', cardId: 'card-a' } });
  });

  it('reject with the AppError the backend sent', async () => {
    mockIPC(() => {
      throw { kind: 'not_found', message: 'No map with id "nope".' };
    });
    await expect(ipc.mapScene('nope')).rejects.toEqual({ kind: 'not_found', message: 'No map with id "nope".' });
  });

  it('take the startup messages as AppErrors', async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === 'take_startup_messages') return [{ kind: 'io', message: 'Could not open a.waymark.' }, 'odd'];
      throw { kind: 'unknown_command', message: cmd };
    });
    expect(await ipc.takeStartupMessages()).toEqual([
      { kind: 'io', message: 'Could not open a.waymark.' },
      { kind: 'internal', message: 'odd' },
    ]);
    expect(calls.map(([cmd]) => cmd)).toEqual(['take_startup_messages']);
  });

  it('wrap anything else as an internal AppError', () => {
    expect(ipc.toAppError(new Error('boom'))).toEqual({ kind: 'internal', message: 'boom' });
    expect(ipc.toAppError('bad')).toEqual({ kind: 'internal', message: 'bad' });
    expect(ipc.toAppError(42).kind).toBe('internal');
  });

  it('deliver document-changed and app-error events', async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const changed = vi.fn();
    const failed = vi.fn();
    const un1 = await ipc.onDocumentChanged(changed);
    const un2 = await ipc.onAppError(failed);
    await emit('document-changed', documentState({ revision: 9 }));
    await emit('app-error', { kind: 'io', message: 'Disk full' });
    expect(changed).toHaveBeenCalledWith(expect.objectContaining({ revision: 9 }));
    expect(failed).toHaveBeenCalledWith({ kind: 'io', message: 'Disk full' });
    un1();
    un2();
  });
});

describe('export and import wrappers', () => {
  it('call the export commands with camelCase arguments', async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      switch (cmd) {
        case 'export_settings':
          return DEFAULT_OPTIONS;
        case 'export_preview':
          return { dataUrl: 'data:image/png;base64,', pages: 2, pageLabel: 'A4 portrait' };
        case 'choose_export_path':
          return '/tmp/Donors.pdf';
        case 'export_start':
          return 3;
        case 'import_file':
          return { mapId: 'm-9', mapName: 'Donors', cards: 4, state: documentState() };
        default:
          return null;
      }
    });
    expect(await ipc.exportSettings()).toEqual(DEFAULT_OPTIONS);
    expect((await ipc.exportPreview('map-1', DEFAULT_OPTIONS)).pages).toBe(2);
    expect(await ipc.chooseExportPath('pdf', 'Donors.pdf')).toBe('/tmp/Donors.pdf');
    expect(await ipc.exportStart('map-1', DEFAULT_OPTIONS, '/tmp/Donors.pdf')).toBe(3);
    await ipc.exportCancel(3);
    await ipc.revealInFolder('/tmp/Donors.pdf');
    expect((await ipc.importFile('/tmp/Donors.pdf')).mapId).toBe('m-9');
    expect(calls).toEqual([
      ['export_settings', {}],
      ['export_preview', { mapId: 'map-1', options: DEFAULT_OPTIONS }],
      ['choose_export_path', { format: 'pdf', suggestedName: 'Donors.pdf' }],
      ['export_start', { mapId: 'map-1', options: DEFAULT_OPTIONS, path: '/tmp/Donors.pdf' }],
      ['export_cancel', { jobId: 3 }],
      ['reveal_in_folder', { path: '/tmp/Donors.pdf' }],
      ['import_file', { path: '/tmp/Donors.pdf' }],
    ]);
  });

  it('deliver the export and import events, a failure as an AppError', async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const progress = vi.fn();
    const finished = vi.fn();
    const open = vi.fn();
    const imported = vi.fn();
    const gallery = vi.fn();
    const off = await Promise.all([
      ipc.onExportProgress(progress),
      ipc.onExportFinished(finished),
      ipc.onOpenExportDialog(open),
      ipc.onMapImported(imported),
      ipc.onOpenTemplateGallery(gallery),
    ]);
    await emit('export-progress', { jobId: 1, fraction: 0.5 });
    await emit('export-finished', { jobId: 1, outcome: 'failed', path: '/x.png', bytes: 0, error: 'disk full' });
    await emit('open-export-dialog');
    await emit('map-imported', { mapId: 'm', mapName: 'M', cards: 0, state: documentState() });
    await emit('open-template-gallery');
    expect(gallery).toHaveBeenCalledTimes(1);
    expect(progress).toHaveBeenCalledWith({ jobId: 1, fraction: 0.5 });
    expect(finished).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'failed', error: { kind: 'internal', message: 'disk full' } }));
    expect(open).toHaveBeenCalledTimes(1);
    expect(imported).toHaveBeenCalledWith(expect.objectContaining({ mapId: 'm' }));
    for (const unlisten of off) unlisten();
  });
});

describe('document store', () => {
  it('turns an AppError rejection into a toast message', async () => {
    mockIPC((cmd) => {
      if (cmd === 'document_state') return documentState();
      if (cmd === 'map_scene') return scene();
      if (cmd === 'undo') throw { kind: 'store', message: 'The file is read-only.' };
      return null;
    });
    const toasts = new Toasts();
    const store = new DocumentStore(toasts);
    await store.load();
    expect(store.drawn?.revision).toBe(7);
    await store.undo();
    expect(toasts.items.map((t) => t.message)).toEqual(['The file is read-only.']);
    // The document is unchanged.
    expect(store.doc?.revision).toBe(7);
  });

  it('redraws the selected map after undo and keeps the selection', async () => {
    let revision = 7;
    const sceneRequests: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'document_state') return documentState({ revision });
      if (cmd === 'undo') return documentState({ revision: ++revision, undoLabel: null, redoLabel: 'Move card' });
      if (cmd === 'map_scene') {
        const id = (args as { mapId: string }).mapId;
        sceneRequests.push(id);
        return scene(id);
      }
      return null;
    });
    const store = new DocumentStore(new Toasts());
    await store.load();
    await store.selectMap('map-2');
    await store.undo();
    expect(store.selectedMapId).toBe('map-2');
    expect(store.drawn).toEqual({ scene: expect.objectContaining({ mapId: 'map-2' }), revision: 8 });
    expect(sceneRequests).toEqual(['map-1', 'map-2', 'map-2']);
    // Nothing left to undo: no call is made.
    await store.undo();
    expect(revision).toBe(8);
  });

  it('renames a map with one UpdateMap edit of the name alone, without fetching the map', async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'document_state') return documentState();
      if (cmd === 'map_scene') return scene((args as { mapId: string }).mapId);
      if (cmd === 'map_data') throw new Error('map_data is not needed for a rename');
      if (cmd === 'apply_edit') {
        sent.push((args as { edit: unknown }).edit);
        return documentState({ revision: 8, undoLabel: 'Edit map' });
      }
      return null;
    });
    const toasts = new Toasts();
    const store = new DocumentStore(toasts);
    await store.load();
    await store.renameMap('map-1', ' Donors ');
    expect(sent).toEqual([
      { type: 'UpdateMap', mapId: 'map-1', props: { name: 'Donors' } },
    ]);
    expect(store.doc?.undoLabel).toBe('Edit map');
    expect(store.drawn?.revision).toBe(8);

    await store.renameMap('map-1', '  ');
    await store.renameMap('map-1', 'Donor journey');
    expect(sent.length).toBe(1);
    expect(toasts.items.map((t) => t.message)).toEqual(['A map needs a name']);
  });

  it('redraws with a patch from the drawn scene, keeping unchanged cards', async () => {
    let revision = 7;
    const updates: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'document_state') return documentState({ revision });
      if (cmd === 'apply_edit') return documentState({ revision: ++revision, undoLabel: 'Edit card' });
      if (cmd === 'map_scene_update') {
        updates.push(args);
        const { mapId, knownRevision } = args as { mapId: string; knownRevision: number | null };
        if (knownRevision !== 7 || mapId !== 'map-1') return { kind: 'full', revision, scene: scene(mapId) };
        const base = scene(mapId);
        const empty = { upserted: [], removed: [], order: null };
        const changed = { ...base.cards[1]!, title: [{ text: 'Gives $20', x: 428, y: 96, width: 70 }] };
        return {
          kind: 'patch', baseRevision: 7, revision,
          patch: {
            mapId, mapName: base.mapName, width: base.width, height: base.height,
            headerHeight: base.headerHeight, gutterWidth: base.gutterWidth, fonts: base.fonts,
            stages: empty, lanes: empty, connectors: empty, emotionLines: empty,
            cards: { upserted: [changed], removed: [], order: null },
          },
        };
      }
      return null;
    });
    const store = new DocumentStore(new Toasts());
    await store.load();
    const before = store.drawn!.scene;
    await store.applyEdit({ type: 'DeleteCard', mapId: 'map-1', cardId: 'card-zzz' });
    expect(updates).toEqual([
      { mapId: 'map-1', knownRevision: null },
      { mapId: 'map-1', knownRevision: 7 },
    ]);
    const after = store.drawn!.scene;
    expect(store.drawn!.revision).toBe(8);
    expect(after.cards[1]!.title[0]!.text).toBe('Gives $20');
    expect(after.cards[0]).toBe(before.cards[0]);
    expect(after.cards[2]).toBe(before.cards[2]);
    expect(after.stages).toBe(before.stages);
    // Another map is fetched whole (no known revision).
    await store.selectMap('map-2');
    expect(updates.at(-1)).toEqual({ mapId: 'map-2', knownRevision: null });
    expect(store.drawn!.scene.mapId).toBe('map-2');
  });

  it('takes the scene patch that comes with an edit’s answer, without asking for it again', async () => {
    let revision = 7;
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === 'document_state') return documentState({ revision });
      if (cmd === 'map_scene_update') return { kind: 'full', revision, scene: scene('map-1') };
      if (cmd === 'apply_edit') {
        revision += 1;
        const base = scene('map-1');
        const empty = { upserted: [], removed: [], order: null };
        const changed = { ...base.cards[1]!, title: [{ text: 'Gives $20', x: 428, y: 96, width: 70 }] };
        return {
          ...documentState({ revision, undoLabel: 'Edit card' }),
          scene: {
            kind: 'patch', baseRevision: 7, revision,
            patch: {
              mapId: 'map-1', mapName: base.mapName, width: base.width, height: base.height,
              headerHeight: base.headerHeight, gutterWidth: base.gutterWidth, fonts: base.fonts,
              stages: empty, lanes: empty, connectors: empty, emotionLines: empty,
              cards: { upserted: [changed], removed: [], order: null },
            },
          },
        };
      }
      return null;
    });
    const store = new DocumentStore(new Toasts());
    await store.load();
    const before = store.drawn!.scene;
    await store.applyEdit({ type: 'DeleteCard', mapId: 'map-1', cardId: 'card-zzz' });
    expect(calls.map(([cmd]) => cmd)).toEqual(['document_state', 'map_scene_update', 'apply_edit']);
    expect(calls[2]![1]).toEqual({
      edit: { type: 'DeleteCard', mapId: 'map-1', cardId: 'card-zzz' },
      mapId: 'map-1',
      knownRevision: 7,
    });
    expect(store.doc!.revision).toBe(8);
    expect('scene' in store.doc!).toBe(false);
    expect(store.drawn!.revision).toBe(8);
    expect(store.drawn!.scene.cards[1]!.title[0]!.text).toBe('Gives $20');
    expect(store.drawn!.scene.cards[0]).toBe(before.cards[0]);
  });

  it('selects the first map of a newly opened document', async () => {
    mockIPC((cmd, args) => (cmd === 'map_scene' ? scene((args as { mapId: string }).mapId) : documentState()));
    const store = new DocumentStore(new Toasts());
    await store.load();
    await store.selectMap('map-2');
    await store.accept(
      documentState({
        path: '/tmp/Other.waymark',
        name: 'Other',
        maps: [{ id: 'm-x', name: 'X', stageCount: 0, laneCount: 0, cardCount: 0, connectorCount: 0 }],
      }),
    );
    expect(store.selectedMapId).toBe('m-x');
    expect(store.drawn?.scene.mapId).toBe('m-x');
  });
});

describe('mapData', () => {
  it('shares one request between callers that ask at the same time, then asks again', async () => {
    let calls = 0;
    mockIPC((cmd, args) => {
      if (cmd !== 'map_data') return null;
      calls += 1;
      return { id: (args as { mapId: string }).mapId, name: 'M', description: '', personaIds: [], stages: [], lanes: [], cards: [], connectors: [], emotionPoints: [] };
    });
    const [a, b] = await Promise.all([ipc.mapData('map-1'), ipc.mapData('map-1')]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    await ipc.mapData('map-1');
    expect(calls).toBe(2);
  });
});
