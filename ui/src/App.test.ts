import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import App from './App.svelte';
import { XSS_TITLE, documentState, scene } from './test/fixtures';
import type { DocumentState, Edit } from './lib/generated/types';
import { THEME_STORAGE_KEY, theme } from './lib/ui/theme.svelte';
import { canvasColor, mapColors } from './lib/ui/theme';

let app: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  clearMocks();
});

interface BackendOptions {
  /** What `take_startup_messages` hands out (once). */
  startupMessages?: unknown[];
  /** Makes `apply_edit` reject with this AppError. */
  rejectEdit?: { kind: string; message: string };
  /** Makes `import_file` reject with this AppError. */
  rejectImport?: { kind: string; message: string };
}

/** The map `import_file` adds: the next map id, named after the file. */
const IMPORTED = { id: 'map-3', name: 'Donors (imported)', stageCount: 2, laneCount: 2, cardCount: 33, connectorCount: 1 };

/** What `template_gallery` answers: two templates, the blank one first. */
const TEMPLATES = [
  { name: 'blank', title: 'Blank journey', description: 'Five empty stages', cardCount: 0 },
  { name: 'kickoff-workshop', title: 'Kickoff workshop board', description: 'The roadmap phases', cardCount: 16 },
].map((t) => ({
  ...t, stageCount: 5, laneCount: 4, mapCount: 1, thumbnail: 'data:image/png;base64,', thumbnailWidth: 320, thumbnailHeight: 150,
}));

/** The full map behind a summary, as `map_data` returns it. */
function mapData(id: string, name: string) {
  return {
    id, name, description: `About ${name}`, personaIds: ['p-ada'],
    stages: [], lanes: [], cards: [], connectors: [], emotionPoints: [],
  };
}

/** A fake backend: a document whose revision grows with each undo/redo or edit. */
function backend(initial: DocumentState = documentState(), options: BackendOptions = {}) {
  let state = initial;
  let startupMessages = options.startupMessages ?? [];
  const calls: string[] = [];
  const invocations: Array<[string, unknown]> = [];
  mockWindows('main'); // the webview whose file drops App listens to
  mockIPC(
    (cmd, args) => {
      calls.push(cmd);
      invocations.push([cmd, args]);
      switch (cmd) {
        case 'document_state':
          return state;
        case 'map_scene': {
          const id = (args as { mapId: string }).mapId;
          const name = state.maps.find((m) => m.id === id)?.name ?? id;
          return scene(id, name);
        }
        case 'map_scene_update': {
          const id = (args as { mapId: string }).mapId;
          const name = state.maps.find((m) => m.id === id)?.name ?? id;
          return { kind: 'full', revision: state.revision, scene: scene(id, name) };
        }
        case 'map_data': {
          const id = (args as { mapId: string }).mapId;
          const summary = state.maps.find((m) => m.id === id);
          if (!summary) throw { kind: 'not_found', message: `No map with id "${id}".` };
          return mapData(id, summary.name);
        }
        case 'apply_edit': {
          if (options.rejectEdit) throw options.rejectEdit;
          const edit = (args as { edit: Edit }).edit;
          if (edit.type !== 'UpdateMap') throw { kind: 'unknown', message: `unexpected ${edit.type}` };
          state = {
            ...state,
            revision: state.revision + 1,
            undoLabel: 'Edit map',
            redoLabel: null,
            maps: state.maps.map((m) => (m.id === edit.mapId ? { ...m, name: edit.props.name ?? m.name } : m)),
          };
          return state;
        }
        case 'undo':
          state = { ...state, revision: state.revision + 1, undoLabel: null, redoLabel: 'Move card' };
          return state;
        case 'redo':
          state = { ...state, revision: state.revision + 1, undoLabel: 'Move card', redoLabel: null };
          return state;
        case 'export_settings':
          return null; // the dialog's defaults
        case 'export_preview':
          return { dataUrl: 'data:image/png;base64,', pages: 1, pageLabel: 'Fit to content' };
        case 'import_file': {
          if (options.rejectImport) throw options.rejectImport;
          state = { ...state, revision: state.revision + 1, undoLabel: 'Import map', maps: [...state.maps, IMPORTED] };
          return { mapId: IMPORTED.id, mapName: IMPORTED.name, cards: IMPORTED.cardCount, state };
        }
        case 'take_startup_messages': {
          const taken = startupMessages;
          startupMessages = [];
          return taken;
        }
        case 'template_gallery':
          return TEMPLATES;
        case 'choose_summary_path':
          return '/home/ada/Donor journey workshop summary.md';
        case 'export_workshop_summary':
          return null;
        case 'create_from_template':
          state = documentState({ path: '/home/ada/Kickoff.waymark', name: 'Kickoff', undoLabel: null });
          return state;
        default:
          throw { kind: 'unknown', message: `unexpected ${cmd}` };
      }
    },
    { shouldMockEvents: true },
  );
  return { calls, invocations };
}

const $ = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
const $$ = (testid: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];
/** A colour as an element's style gives it back. */
function cssColor(color: string): string {
  const probe = document.createElement('div');
  probe.style.color = color;
  return probe.style.color;
}

async function start(): Promise<HTMLElement> {
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(App, { target });
  await vi.waitFor(() => expect($('canvas')).not.toBeNull());
  return target;
}

describe('App', () => {
  it('draws the document, its maps and the selected map from the backend', async () => {
    backend();
    await start();

    expect($('document-name')?.textContent).toBe('Journeys');
    const items = $$('map-item');
    expect(items.map((i) => i.dataset.mapId)).toEqual(['map-1', 'map-2']);
    expect(items[0]?.getAttribute('aria-current')).toBe('page');
    expect($('map-list')?.closest('nav')).not.toBeNull();

    const canvas = $('canvas')!;
    expect(canvas.tagName.toLowerCase()).toBe('svg');
    expect(canvas.dataset.mapId).toBe('map-1');
    expect(canvas.dataset.revision).toBe('7');
    expect(canvas.getAttribute('aria-label')).toContain('Donor journey');

    expect($$('stage-header').map((s) => s.textContent)).toEqual(['Discover', 'Convert']);
    const cards = $$('card');
    expect(cards.map((c) => c.dataset.cardId)).toEqual(['card-a', 'card-b', 'card-x']);
    expect(cards[0]?.textContent).toContain('Sees a friend’s post');
    expect(cards[1]?.textContent).toContain('Gives $10');
    expect(cards[1]?.querySelector('.marker-passion')).not.toBeNull();
    expect(cards[1]?.querySelector('.marker-vulnerability')).not.toBeNull();
    expect(cards[0]?.querySelector('.marker-channel')?.textContent).toContain('Social');
    expect(cards[0]?.querySelector('.marker-shareable')).not.toBeNull();

    // One line per scene line, at the scene's coordinates: the card's group stands at
    // the card's place (176, 72) and its lines (HTML, baseline at the Scene's y) are
    // drawn relative to it.
    const lines = cards[0]!.querySelectorAll('.scene-line');
    expect(lines.length).toBe(3);
    expect(cards[0]!.querySelectorAll('foreignObject.html-lines').length).toBeGreaterThanOrEqual(2);
    expect(cards[0]!.getAttribute('transform')).toBe('translate(176 72)');
    expect(lines[1]?.getAttribute('data-x')).toBe(String(188 - 176));
    expect(lines[1]?.getAttribute('data-y')).toBe(String(114 - 72));
    expect((lines[1] as HTMLElement).style.marginLeft).toBe(`${188 - 176}px`);

    const connectors = $$('connector');
    expect(connectors.map((c) => c.dataset.kind)).toEqual(['flow', 'word_of_mouth']);
    expect(connectors[1]?.querySelector('path')?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect($$('emotion-line').length).toBe(1);
    // The legend names whose line it is, where the Scene puts it.
    const legend = $$('emotion-line')[0]!.querySelector('.emotion-legend text');
    expect(legend?.textContent).toBe('Ada');
    expect(legend?.getAttribute('x')).toBe('32');
    // The channel badge sits where the Scene says (within the card's group).
    expect(cards[0]!.querySelector('svg.marker-channel')?.getAttribute('y')).toBe(String(142 - 72));
  });

  it('shows user text as text, never as markup', async () => {
    backend();
    await start();
    const xss = $$('card').find((c) => c.dataset.cardId === 'card-x')!;
    expect(xss.textContent).toContain(XSS_TITLE);
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(xss.querySelector('.scene-line')?.textContent).toBe(XSS_TITLE);
    expect(xss.querySelector('img')).toBeNull();
  });

  it('names undo and redo after the edits and disables them when there is none', async () => {
    backend();
    await start();
    const undo = $('undo') as HTMLButtonElement;
    const redo = $('redo') as HTMLButtonElement;
    expect(undo.title).toBe('Undo Move card (Ctrl+Z)');
    expect(undo.disabled).toBe(false);
    expect(redo.disabled).toBe(true);

    undo.click();
    await vi.waitFor(() => expect($('canvas')?.dataset.revision).toBe('8'));
    expect(undo.disabled).toBe(true);
    expect(redo.disabled).toBe(false);
    expect(redo.title).toBe('Redo Move card (Ctrl+Shift+Z)');
  });

  it('undoes with Ctrl+Z and redoes with Ctrl+Y, but not while typing', async () => {
    const { calls } = backend();
    await start();

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    await vi.waitFor(() => expect($('canvas')?.dataset.revision).toBe('8'));

    const input = document.createElement('input');
    document.body.append(input);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'y', ctrlKey: true, bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.filter((c) => c === 'redo').length).toBe(0);

    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'y', ctrlKey: true, bubbles: true }));
    await vi.waitFor(() => expect($('canvas')?.dataset.revision).toBe('9'));
  });

  it('switches maps from the sidebar', async () => {
    backend();
    await start();
    $$('map-item')[1]!.click();
    await vi.waitFor(() => expect($('canvas')?.dataset.mapId).toBe('map-2'));
    flushSync();
    expect($$('map-item')[1]?.getAttribute('aria-current')).toBe('page');
    expect($$('map-item')[0]?.hasAttribute('aria-current')).toBe(false);
  });

  it('refreshes on document-changed and shows app-error as a dismissable toast', async () => {
    backend();
    await start();

    await emit('document-changed', documentState({ name: 'Renamed', revision: 42 }));
    await vi.waitFor(() => expect($('canvas')?.dataset.revision).toBe('42'));
    expect($('document-name')?.textContent).toBe('Renamed');

    await emit('app-error', { kind: 'io', message: 'Could not write the file.' });
    await vi.waitFor(() => expect($('toast')?.textContent).toContain('Could not write the file.'));
    $('toast')!.querySelector('button')!.click();
    flushSync();
    expect($('toast')).toBeNull();
  });

  it('zoom buttons change the zoom level', async () => {
    backend();
    await start();
    const level = () => $('zoom-level')?.textContent;
    expect(level()).toBe('100%');
    $('zoom-in')!.click();
    flushSync();
    expect(level()).toBe('110%');
    $('zoom-out')!.click();
    $('zoom-out')!.click();
    flushSync();
    expect(level()).toBe('90%');
    $('zoom-100')!.click();
    flushSync();
    expect(level()).toBe('100%');
  });
  it('shows the messages the backend kept from startup as toasts, once', async () => {
    const { calls } = backend(documentState(), {
      startupMessages: [
        { kind: 'io', message: 'Could not open /tmp/missing.waymark.' },
        { kind: 'store', message: 'Not a Waymark document.' },
      ],
    });
    await start();
    await vi.waitFor(() => expect($$('toast').length).toBe(2));
    expect($$('toast').map((t) => t.textContent?.trim())).toEqual([
      'Could not open /tmp/missing.waymark.',
      'Not a Waymark document.',
    ]);
    expect(calls.filter((c) => c === 'take_startup_messages').length).toBe(1);
  });

  it('shows no toast when startup went well', async () => {
    const { calls } = backend();
    await start();
    await vi.waitFor(() => expect(calls).toContain('take_startup_messages'));
    await settle();
    expect($('toast')).toBeNull();
  });
});

/** Lets pending IPC answers and their effects land. */
async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 20));
  flushSync();
}

/** Types into an input the way a user would: new value, then an input event. */
function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

const key = (target: HTMLElement, k: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

const nameInput = () => $('map-name-input') as HTMLInputElement | null;
const sidebarNames = () => $$('map-item').map((i) => i.querySelector('.name')?.textContent);

describe('renaming a map in the sidebar', () => {
  it('has a labelled rename button for every map', async () => {
    backend();
    await start();
    const buttons = $$('map-rename');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Rename Donor journey',
      'Rename Volunteer journey',
    ]);
    expect(buttons[0]?.classList.contains('selected')).toBe(true);
    expect(buttons[1]?.classList.contains('selected')).toBe(false);
  });

  it('sends one UpdateMap that keeps the other props, and shows the new name', async () => {
    const { calls, invocations } = backend();
    await start();

    $$('map-rename')[1]!.click();
    flushSync();
    const input = nameInput()!;
    expect(input).not.toBeNull();
    expect(input.value).toBe('Volunteer journey');
    expect(input.maxLength).toBe(200);
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'Volunteer journey'.length]);

    type(input, '  Volunteer path  ');
    key(input, 'Enter');
    await vi.waitFor(() => expect(sidebarNames()).toEqual(['Donor journey', 'Volunteer path']));

    const sent = invocations.filter(([cmd]) => cmd === 'map_data' || cmd === 'apply_edit');
    // A patch of the name alone, built without fetching the map first.
    expect(sent).toEqual([
      [
        'apply_edit',
        {
          edit: {
            type: 'UpdateMap',
            mapId: 'map-2',
            props: { name: 'Volunteer path' },
          },
        },
      ],
    ]);
    expect(nameInput()).toBeNull();
    expect(($('undo') as HTMLButtonElement).title).toBe('Undo Edit map (Ctrl+Z)');
    // The canvas is redrawn for the new revision; the blur after Enter sends nothing more.
    await vi.waitFor(() => expect($('canvas')?.dataset.revision).toBe('8'));
    expect(calls.filter((c) => c === 'apply_edit').length).toBe(1);
    expect($('toast')).toBeNull();
  });

  it('starts renaming on double-click and on F2, and commits on blur', async () => {
    const { calls } = backend();
    await start();

    $$('map-item')[0]!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    flushSync();
    expect(nameInput()?.value).toBe('Donor journey');
    key(nameInput()!, 'Escape');
    flushSync();
    expect(nameInput()).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe($$('map-item')[0]));

    key($$('map-item')[0]!, 'F2');
    flushSync();
    const input = nameInput()!;
    expect(input.value).toBe('Donor journey');
    type(input, 'Giving journey');
    input.blur();
    await vi.waitFor(() => expect(sidebarNames()[0]).toBe('Giving journey'));
    expect(calls.filter((c) => c === 'apply_edit').length).toBe(1);
  });

  it('Escape cancels and sends nothing', async () => {
    const { calls } = backend();
    await start();
    $$('map-rename')[0]!.click();
    flushSync();
    type(nameInput()!, 'Something else');
    key(nameInput()!, 'Escape');
    await settle();
    expect(nameInput()).toBeNull();
    expect(sidebarNames()[0]).toBe('Donor journey');
    expect(calls).not.toContain('map_data');
    expect(calls).not.toContain('apply_edit');
  });

  it('an empty name sends nothing and says why', async () => {
    const { calls } = backend();
    await start();
    $$('map-rename')[0]!.click();
    flushSync();
    type(nameInput()!, '   ');
    key(nameInput()!, 'Enter');
    await settle();
    expect(sidebarNames()[0]).toBe('Donor journey');
    expect($('toast')?.textContent).toContain('A map needs a name');
    expect(calls).not.toContain('map_data');
    expect(calls).not.toContain('apply_edit');
  });

  it('an unchanged name sends nothing', async () => {
    const { calls } = backend();
    await start();
    $$('map-rename')[0]!.click();
    flushSync();
    type(nameInput()!, ' Donor journey ');
    key(nameInput()!, 'Enter');
    await settle();
    expect(calls).not.toContain('map_data');
    expect(calls).not.toContain('apply_edit');
    expect($('toast')).toBeNull();
  });

  it('a rejected rename shows the error and keeps the old name', async () => {
    backend(documentState(), { rejectEdit: { kind: 'edit', message: 'map.name is too long.' } });
    await start();
    $$('map-rename')[0]!.click();
    flushSync();
    type(nameInput()!, 'New name');
    key(nameInput()!, 'Enter');
    await vi.waitFor(() => expect($('toast')?.textContent).toContain('map.name is too long.'));
    expect(sidebarNames()[0]).toBe('Donor journey');
    expect(($('undo') as HTMLButtonElement).title).toBe('Undo Move card (Ctrl+Z)');
  });
});

describe('the theme', () => {
  afterEach(() => {
    theme.set('system');
    localStorage.clear();
  });

  const cardBody = (id: string) => document.querySelector(`[data-card-id="${id}"] .card-body`);
  const paper = () => document.querySelector('.map-grid > rect');
  const LIGHT_FILL = scene().cards[0]!.fill;

  it('draws the cards with the mapped dark fills in dark mode, not the Scene\'s light ones', async () => {
    backend();
    theme.set('dark');
    await start();

    expect(document.documentElement.dataset.theme).toBe('dark');
    expect($('canvas')?.dataset.theme).toBe('dark');
    const fill = cardBody('card-a')?.getAttribute('fill');
    expect(fill).not.toBe(LIGHT_FILL);
    expect(fill).toBe(canvasColor(LIGHT_FILL, 'cardFill', 'dark'));
    expect(cardBody('card-a')?.getAttribute('stroke')).toBe(canvasColor(scene().cards[0]!.stroke, 'stroke', 'dark'));
    expect(paper()?.getAttribute('fill')).toBe(mapColors('dark').paper);
    const title = document.querySelector<HTMLElement>('[data-card-id="card-a"] .card-title .block');
    expect(title?.style.color).toBe(cssColor(mapColors('dark').text));
  });

  it('switches from the top bar, remembers the choice and redraws the canvas', async () => {
    backend();
    await start();
    expect($('theme-system')?.getAttribute('aria-pressed')).toBe('true');
    expect(theme.resolved).toBe('light'); // happy-dom's system is light
    expect(cardBody('card-a')?.getAttribute('fill')).toBe(LIGHT_FILL);

    $('theme-dark')!.click();
    flushSync();
    expect($('theme-dark')?.getAttribute('aria-pressed')).toBe('true');
    expect($('theme-system')?.getAttribute('aria-pressed')).toBe('false');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(cardBody('card-a')?.getAttribute('fill')).toBe(canvasColor(LIGHT_FILL, 'cardFill', 'dark'));

    $('theme-light')!.click();
    flushSync();
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(cardBody('card-a')?.getAttribute('fill')).toBe(LIGHT_FILL);
    expect(paper()?.getAttribute('fill')).toBe('#ffffff');
  });
});

describe('File › New', () => {
  const gallery = () => $('template-gallery');
  const key = (target: EventTarget, k: string, init: KeyboardEventInit = {}) => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
    flushSync();
  };

  it('opens the template gallery with Ctrl+N and from the native menu, and shows the document made from the chosen one', async () => {
    const { invocations } = backend();
    await start();
    key(window, 'n', { ctrlKey: true });
    expect(gallery()).not.toBeNull();
    // The rest of the window is out of reach while it is open.
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(true);
    await vi.waitFor(() => expect($$('template-card')).toHaveLength(2));
    key(gallery()!, 'Escape');
    expect(gallery()).toBeNull();
    expect(invocations.map(([cmd]) => cmd)).not.toContain('create_from_template');

    await emit('open-template-gallery', null);
    flushSync();
    expect(gallery()).not.toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe($$('template-card')[0]));
    key(document.activeElement!, 'ArrowRight');
    key(document.activeElement!, 'Enter');
    await vi.waitFor(() => expect(gallery()).toBeNull());
    expect(invocations).toContainEqual(['create_from_template', { template: 'kickoff-workshop' }]);
    await vi.waitFor(() => expect($('document-name')?.textContent).toBe('Kickoff'));
  });
});

describe('export and import', () => {
  const dialog = () => $('export-dialog');
  const drop = (event: string, payload: Record<string, unknown>) =>
    emit(event, { position: { x: 10, y: 10 }, ...payload });

  it('opens the Export dialog for the map on screen with Ctrl+E, and Escape gives the focus back', async () => {
    backend();
    await start();
    $$('map-item')[1]!.click();
    await vi.waitFor(() => expect($('canvas')?.dataset.mapId).toBe('map-2'));
    const canvas = $('canvas')!;
    canvas.focus();

    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', ctrlKey: true, bubbles: true, cancelable: true }));
    flushSync();
    expect(dialog()).not.toBeNull();
    expect(document.querySelector('#' + dialog()!.getAttribute('aria-labelledby'))?.textContent).toBe(
      'Export “Volunteer journey”',
    );
    // The rest of the window is out of reach while it is open.
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(true);
    await vi.waitFor(() => expect(($('export-start') as HTMLButtonElement).disabled).toBe(false));

    dialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    flushSync();
    expect(dialog()).toBeNull();
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(false);
    await vi.waitFor(() => expect(document.activeElement).toBe(canvas));
  });

  it('opens it from the top bar and from the native menu', async () => {
    backend();
    await start();
    const button = $('export') as HTMLButtonElement;
    expect(button.title).toBe('Export (Ctrl+E)');
    expect(button.textContent?.trim()).toBe('Export');
    button.focus();
    button.click();
    flushSync();
    expect(dialog()).not.toBeNull();
    await vi.waitFor(() => expect(($('export-start') as HTMLButtonElement).disabled).toBe(false));
    ($('export-cancel') as HTMLButtonElement).click();
    flushSync();
    expect(dialog()).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(button));

    await emit('open-export-dialog', null);
    flushSync();
    expect(dialog()).not.toBeNull();
  });

  it('exports the shown map’s workshop summary from the native menu', async () => {
    const { invocations } = backend();
    await start();
    await emit('open-workshop-summary', null);
    await vi.waitFor(() =>
      expect(invocations).toContainEqual([
        'export_workshop_summary',
        { mapId: 'map-1', path: '/home/ada/Donor journey workshop summary.md' },
      ]),
    );
    expect(invocations).toContainEqual(['choose_summary_path', { suggestedName: 'Donor journey workshop summary.pdf' }]);
    await vi.waitFor(() => expect($('toast')?.textContent).toContain('Workshop summary saved to'));
  });

  it('shows a drop hint while files are over the window, and adds a dropped PNG’s map', async () => {
    const { invocations } = backend();
    await start();
    await drop('tauri://drag-enter', { paths: ['/home/ada/Donors.png'] });
    flushSync();
    expect($('drop-hint')?.textContent).toContain('Drop a Waymark PNG, PDF or JSON to add its map');
    await drop('tauri://drag-leave', {});
    flushSync();
    expect($('drop-hint')).toBeNull();

    await drop('tauri://drag-enter', { paths: ['/home/ada/Donors.png'] });
    await drop('tauri://drag-drop', { paths: ['/home/ada/Donors.png'] });
    flushSync();
    expect($('drop-hint')).toBeNull();
    await vi.waitFor(() => expect($('canvas')?.dataset.mapId).toBe('map-3'));
    expect(invocations.filter(([cmd]) => cmd === 'import_file')).toEqual([['import_file', { path: '/home/ada/Donors.png' }]]);
    flushSync();
    expect($$('map-item').map((i) => i.dataset.mapId)).toEqual(['map-1', 'map-2', 'map-3']);
    expect($$('map-item')[2]?.getAttribute('aria-current')).toBe('page');
    expect($('toast')?.textContent).toContain('Added map “Donors (imported)” (33 cards) — Ctrl+Z to undo');
    expect(($('undo') as HTMLButtonElement).title).toBe('Undo Import map (Ctrl+Z)');
  });

  it('refuses a dropped file that is not an export, without asking the backend', async () => {
    const { calls } = backend();
    await start();
    await drop('tauri://drag-enter', { paths: ['/home/ada/notes.txt'] });
    flushSync();
    expect($('drop-hint')?.textContent).toContain('notes.txt is not a PNG, PDF or JSON export');
    await drop('tauri://drag-drop', { paths: ['/home/ada/notes.txt'] });
    await vi.waitFor(() => expect($('toast')?.textContent).toContain('notes.txt is not a PNG, PDF or JSON export'));
    expect(calls).not.toContain('import_file');
    expect($('canvas')?.dataset.mapId).toBe('map-1');
  });

  it('shows the backend’s reason when an import fails', async () => {
    backend(documentState(), {
      rejectImport: { kind: 'import', message: 'Old.pdf carries no Waymark map (it was not exported by Waymark).' },
    });
    await start();
    await drop('tauri://drag-drop', { paths: ['/home/ada/Old.pdf'] });
    await vi.waitFor(() => expect($('toast')?.textContent).toContain('Old.pdf carries no Waymark map'));
    expect($('canvas')?.dataset.mapId).toBe('map-1');
  });

  it('shows a map that the native menu imported', async () => {
    backend();
    await start();
    const state = documentState({ revision: 8, undoLabel: 'Import map', maps: [...documentState().maps, IMPORTED] });
    await emit('map-imported', { mapId: 'map-3', mapName: IMPORTED.name, cards: 1, state });
    await vi.waitFor(() => expect($('canvas')?.dataset.mapId).toBe('map-3'));
    expect($('toast')?.textContent).toContain('Added map “Donors (imported)” (1 card) — Ctrl+Z to undo');
  });
});
