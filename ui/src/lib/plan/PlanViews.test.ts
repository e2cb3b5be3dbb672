import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount, type Component } from 'svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { DocumentStore } from '../document/state.svelte';
import { Toasts } from '../document/toasts.svelte';
import { PlanStore } from './planStore.svelte';
import PassionView from './passion/PassionView.svelte';
import PersonasView from './personas/PersonasView.svelte';
import LoopsView from './loops/LoopsView.svelte';
import LadderView from './ladder/LadderView.svelte';
import RisksView from './risks/RisksView.svelte';
import { documentState, scene } from '../../test/fixtures';
import { RULE, persona, planBackend, report, roster, settle, type Backend } from '../../test/planFixtures';

type ViewProps = { plan: PlanStore; store: DocumentStore; onshowcard: (mapId: string, cardId: string) => void };

let component: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  clearMocks();
});

async function show(view: Component<ViewProps>) {
  const toasts = new Toasts();
  const store = new DocumentStore(toasts);
  await store.load();
  const plan = new PlanStore(store);
  await plan.refresh();
  const onshowcard = vi.fn();
  component = mount(view, { target: document.body, props: { plan, store, onshowcard } });
  flushSync();
  return { store, plan, onshowcard, toasts };
}

const q = <T extends Element = Element>(selector: string, root: ParentNode = document): T => {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};
const all = (selector: string, root: ParentNode = document) => [...root.querySelectorAll<HTMLElement>(selector)];
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function change(el: HTMLInputElement | HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function check(el: HTMLInputElement, on: boolean): void {
  el.checked = on;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('Passion points overview', () => {
  it('lists every passion point with its place, channel, KPIs and status, and counts them', async () => {
    planBackend();
    await show(PassionView);
    expect(text(q('[data-testid="passion-counts"]'))).toBe('1 off track · 1 at risk · 1 on track · 1 with no data yet');
    expect(document.body.textContent).toContain(RULE);
    const rows = all('[data-testid="passion-row"]');
    expect(rows.map((r) => r.dataset.cardId)).toEqual(['card-a', 'card-b', 'card-v', 'card-w']);
    const b = rows[1]!;
    expect(text(b.querySelector('.where'))).toBe('Donor journey · Convert');
    expect(text(b.querySelector('.channel'))).toContain('E-mail');
    await vi.waitFor(() => expect(text(b.querySelector('[data-testid="passion-kpi"]'))).toContain('Conversion: 3.2 / 4 %'));
    expect(b.querySelector('[data-testid="passion-kpi"] [data-status="at_risk"]')).not.toBeNull();
    expect(q('.status [data-testid="status-pill"]', b).getAttribute('data-status')).toBe('at_risk');
  });

  it('filters to the points off target, sorts by status, and shows a card on its map', async () => {
    planBackend();
    const { onshowcard } = await show(PassionView);
    check(q<HTMLInputElement>('[data-testid="off-target-only"]'), true);
    flushSync();
    expect(all('[data-testid="passion-row"]').map((r) => r.dataset.status)).toEqual(['at_risk', 'off_track']);
    change(q<HTMLSelectElement>('[data-testid="passion-sort"]'), 'status');
    flushSync();
    expect(all('[data-testid="passion-row"]').map((r) => r.dataset.cardId)).toEqual(['card-v', 'card-b']);
    q<HTMLButtonElement>('[data-card-id="card-v"] .link').click();
    expect(onshowcard).toHaveBeenCalledWith('map-2', 'card-v');
  });

  it('tells how to make one when there is none', async () => {
    planBackend({ strategy_report: () => report({ passionPoints: [] }) });
    await show(PassionView);
    expect(text(q('[data-testid="passion-empty"]'))).toContain('Passion point');
  });
});

describe('Personas', () => {
  it('chooses a photo: the native dialog, then set_persona_photo, then the plan again', async () => {
    let photoSet = false;
    const backend = planBackend({
      choose_input_file: () => '/home/ada/Pictures/ada.jpg',
      set_persona_photo: () => {
        photoSet = true;
        return documentState({ revision: 20 });
      },
      roster: () =>
        roster({
          personas: [
            persona('p-ada', 'Ada Lovelace', { photo: photoSet ? { width: 64, height: 64, png: 'iVBORw0KGgo=' } : null }),
            persona('p-bo', 'Bo'),
          ],
        }),
    });
    await show(PersonasView);
    const ada = q('[data-persona-id="p-ada"]');
    expect(text(q('[data-testid="persona-initials"]', ada))).toBe('AL');
    q<HTMLButtonElement>('[data-testid="choose-photo"]', ada).click();
    await vi.waitFor(() => expect(ada.querySelector('[data-testid="persona-photo"]')).not.toBeNull());
    const cmds = backend.calls.map((c) => c.cmd);
    const chose = cmds.indexOf('choose_input_file');
    const set = cmds.indexOf('set_persona_photo');
    expect(chose).toBeGreaterThanOrEqual(0);
    expect(set).toBeGreaterThan(chose);
    expect(cmds.lastIndexOf('roster')).toBeGreaterThan(set);
    expect(backend.calls[chose]?.args).toEqual({ kind: 'image' });
    expect(backend.calls[set]?.args).toEqual({ personaId: 'p-ada', path: '/home/ada/Pictures/ada.jpg' });
    const img = q<HTMLImageElement>('[data-testid="persona-photo"]', ada);
    expect(img.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(img.getAttribute('alt')).toBe('Photo of Ada Lovelace');
  });

  it('sends nothing when the dialog is cancelled', async () => {
    const backend = planBackend({ choose_input_file: () => null });
    await show(PersonasView);
    q<HTMLButtonElement>('[data-persona-id="p-ada"] [data-testid="choose-photo"]').click();
    await settle();
    await settle();
    expect(backend.calls.map((c) => c.cmd)).not.toContain('set_persona_photo');
  });

  it('removes a photo with one UpdatePersona of the photo alone', async () => {
    const photo = { width: 64, height: 64, png: 'iVBORw0KGgo=' };
    const backend = planBackend({
      roster: () => roster({ personas: [persona('p-ada', 'Ada', { segment: 'Donors', goals: 'Give', photo })] }),
    });
    await show(PersonasView);
    q<HTMLButtonElement>('[data-testid="remove-photo"]').click();
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    expect(backend.edits[0]).toEqual({
      type: 'UpdatePersona', personaId: 'p-ada', props: { photo: null },
    });
  });

  it('adds a persona with a fresh id and edits its goals', async () => {
    const backend = planBackend();
    await show(PersonasView);
    q<HTMLButtonElement>('[data-testid="add-persona"]').click();
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    const add = backend.edits[0]!;
    expect(add).toMatchObject({ type: 'AddPersona', index: 2, persona: { name: 'New persona', segment: '', goals: '', photo: null, color: null } });
    expect(add.type === 'AddPersona' && add.persona.id).toMatch(/^[0-9a-f-]{36}$/);

    q<HTMLButtonElement>('[data-persona-id="p-bo"] [data-testid="edit-persona"]').click();
    flushSync();
    change(q<HTMLTextAreaElement & HTMLInputElement>('[data-persona-id="p-bo"] [data-testid="persona-goals"]'), ' Help on weekends ');
    await vi.waitFor(() => expect(backend.edits).toHaveLength(2));
    expect(backend.edits[1]).toEqual({
      type: 'UpdatePersona', personaId: 'p-bo', props: { goals: 'Help on weekends' },
    });
  });

  it('puts a persona on the map on screen with one UpdateMap of its persona list alone', async () => {
    const backend = planBackend();
    await show(PersonasView);
    await vi.waitFor(() => expect(q<HTMLInputElement>('[data-persona-id="p-ada"] [data-testid="persona-on-map"]').checked).toBe(true));
    const bo = q<HTMLInputElement>('[data-persona-id="p-bo"] [data-testid="persona-on-map"]');
    expect(bo.checked).toBe(false);
    expect(text(bo.closest('label'))).toBe('On “Donor journey”');
    check(bo, true);
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    expect(backend.edits[0]).toEqual({
      type: 'UpdateMap', mapId: 'map-1', props: { personaIds: ['p-ada', 'p-bo'] },
    });
  });

  it('deletes a persona after asking', async () => {
    const backend = planBackend();
    await show(PersonasView);
    q<HTMLButtonElement>('[data-persona-id="p-bo"] [data-testid="delete-persona"]').click();
    flushSync();
    expect(backend.edits).toEqual([]);
    q<HTMLButtonElement>('[data-testid="confirm-delete-persona"]').click();
    await vi.waitFor(() => expect(backend.edits).toEqual([{ type: 'DeletePersona', personaId: 'p-bo' }]));
  });
});

describe('Loops', () => {
  it('lists the word-of-mouth loop and the loop-backs from the report', async () => {
    planBackend();
    const { onshowcard } = await show(LoopsView);
    const groups = all('[data-testid="loop-group"]');
    expect(groups.map((g) => g.dataset.kind)).toEqual(['word_of_mouth', 'loop_back']);
    const wom = q('[data-testid="loop"]', groups[0]);
    expect(text(wom)).toContain('Gives $10 Convert');
    expect(text(wom)).toContain('Sees a friend’s post Discover');
    expect(text(wom)).toContain('“tells a friend”');
    expect(all('[data-testid="loop"]', groups[1])).toHaveLength(1);
    all('button', wom)[1]!.click();
    expect(onshowcard).toHaveBeenCalledWith('map-1', 'card-a');
  });

  it('tells how to draw one when there is none', async () => {
    planBackend({ strategy_report: () => report({ loops: [] }) });
    await show(LoopsView);
    expect(text(q('[data-testid="loops-empty"]'))).toContain(
      'Drag from a card’s connector handle to an earlier card, then set the kind to Word of mouth',
    );
  });
});

describe('Engagement ladder', () => {
  it('shows the rungs highest on top', async () => {
    planBackend();
    await show(LadderView);
    expect(all('[data-testid="rung-name"]').map((i) => (i as HTMLInputElement).value)).toEqual(['Advocate', 'Volunteer', 'Donor']);
  });

  it('moves a rung up with one SetLadder in the new order', async () => {
    const backend = planBackend();
    await show(LadderView);
    q<HTMLButtonElement>('[data-rung-id="rung-donor"] [data-testid="rung-up"]').click();
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    const edit = backend.edits[0]!;
    expect(edit.type).toBe('SetLadder');
    expect(edit.type === 'SetLadder' && edit.rungs.map((r) => r.id)).toEqual(['rung-volunteer', 'rung-donor', 'rung-advocate']);
    expect(q<HTMLButtonElement>('[data-rung-id="rung-advocate"] [data-testid="rung-up"]').disabled).toBe(true);
  });

  it('adds a rung on top with one SetLadder', async () => {
    const backend = planBackend();
    await show(LadderView);
    const name = q<HTMLInputElement>('[data-testid="new-rung-name"]');
    name.value = 'Major donor';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    const commitment = q<HTMLInputElement>('[data-testid="new-rung-commitment"]');
    commitment.value = '$1,000,000 commitment';
    commitment.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    q<HTMLButtonElement>('[data-testid="add-rung"]').click();
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    const edit = backend.edits[0]!;
    if (edit.type !== 'SetLadder') throw new Error(edit.type);
    expect(edit.rungs.map((r) => r.name)).toEqual(['Donor', 'Volunteer', 'Advocate', 'Major donor']);
    expect(edit.rungs[3]).toMatchObject({ commitment: '$1,000,000 commitment' });
  });

  it('renames and removes rungs, each with one SetLadder', async () => {
    const backend = planBackend();
    await show(LadderView);
    change(q<HTMLInputElement>('[data-rung-id="rung-volunteer"] [data-testid="rung-name"]'), 'Helper');
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    expect(backend.edits[0]).toEqual({
      type: 'SetLadder',
      rungs: [
        { id: 'rung-donor', name: 'Donor', commitment: '$10 first gift' },
        { id: 'rung-volunteer', name: 'Helper', commitment: 'Gives time every month' },
        { id: 'rung-advocate', name: 'Advocate', commitment: 'Brings friends' },
      ],
    });
    q<HTMLButtonElement>('[data-rung-id="rung-advocate"] [data-testid="rung-remove"]').click();
    await vi.waitFor(() => expect(backend.edits).toHaveLength(2));
    const edit = backend.edits[1]!;
    expect(edit.type === 'SetLadder' && edit.rungs.map((r) => r.id)).toEqual(['rung-donor', 'rung-volunteer']);
  });

  it('places a stage of the map on screen on a rung, and offers a ladder lane', async () => {
    const backend = planBackend();
    await show(LadderView);
    await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="stage-rung"]')).toHaveLength(2));
    expect(document.querySelector('[data-testid="add-ladder-lane"]')).not.toBeNull();
    change(all('[data-testid="stage-rung"]')[1] as HTMLSelectElement, 'rung-volunteer');
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    expect(backend.edits[0]).toEqual({
      type: 'UpdateStage', mapId: 'map-1', stageId: 'st-convert', props: { rungId: 'rung-volunteer' },
    });
    q<HTMLButtonElement>('[data-testid="add-ladder-lane"]').click();
    await vi.waitFor(() => expect(backend.edits).toHaveLength(2));
    expect(backend.edits[1]).toMatchObject({ type: 'AddLane', mapId: 'map-1', index: 3, lane: { kind: 'ladder', name: 'Engagement ladder' } });
  });
});

describe('Points of vulnerability', () => {
  it('lists them with severity, place, risk, owner and mitigation, flagging what is missing', async () => {
    planBackend();
    const { onshowcard } = await show(RisksView);
    const items = all('[data-testid="risk"]');
    expect(items.map((i) => i.dataset.cardId)).toEqual(['card-b', 'card-x']);
    expect(text(items[0]!.querySelector('.severity'))).toBe('●●● High');
    expect(text(items[1]!.querySelector('.severity'))).toBe('●○○ Low');
    expect(text(items[0])).toContain('Donor journey · Convert');
    expect(text(items[0])).toContain('Card declined');
    expect(items[0]!.querySelector('[data-testid="no-owner"]')).not.toBeNull();
    expect(items[1]!.querySelector('[data-testid="no-owner"]')).toBeNull();
    expect(text(items[1])).toContain('Reminder e-mail');
    expect(text(q('[data-testid="risks-summary"]'))).toBe('2 points of vulnerability · 1 without an owner or mitigation');
    q<HTMLButtonElement>('.link', items[1]).click();
    expect(onshowcard).toHaveBeenCalledWith('map-1', 'card-x');
  });

  it('charts every stage of the shown map with its level from the Scene, not only the vulnerable one', async () => {
    // Six stages, one point of vulnerability (severity 3) in "Give": the backend's heat
    // has one band, at level 3.
    const names = ['Discover', 'Join', 'Give', 'Convert', 'Stay', 'Advocate'];
    const stages = names.map((name, index) => ({
      id: `st-${index}`, index, x: 160 + index * 200, width: 200, color: '#4dabf7',
      name: [{ text: name, x: 176 + index * 200, y: 34, width: name.length * 7 }],
    }));
    const base = scene();
    const vulnerable = { ...base.cards[1]!, id: 'card-v', stageId: 'st-2', severity: 3 };
    const sixStages = {
      ...base,
      stages,
      cards: [vulnerable],
      connectors: [],
      emotionLines: [],
      heat: [{ stageId: 'st-2', x: 560, width: 200, level: 3, color: '#e38a8a' }],
    };
    const vulnerabilities = [
      {
        mapId: 'map-1', mapName: 'Donor journey', cardId: 'card-v', title: 'Gives $10', stageId: 'st-2', stageName: 'Give',
        vulnerability: { risk: 'Card declined', severity: 3, owner: 'Sam', mitigation: 'Retry' },
      },
    ];
    planBackend({ map_scene: () => sixStages, strategy_report: () => report({ vulnerabilities }) });
    await show(RisksView);

    const cells = all('[data-testid="heat-cell"]');
    expect(cells.map((c) => text(c.querySelector('.stage')))).toEqual(names);
    expect(cells.map((c) => c.dataset.level)).toEqual(['0', '0', '3', '0', '0', '0']);
    // The level in words beside each bar, so colour is not the only cue.
    expect(cells.map((c) => text(c.querySelector('.level')))).toEqual([
      'No risk',
      'No risk',
      'Risk level 3 of 9 · 1 point',
      'No risk',
      'No risk',
      'No risk',
    ]);
    // Only the vulnerable stage's bar is filled, in the backend's colour, a third of the way.
    const fills = cells.map((c) => c.querySelector<HTMLElement>('.fill'));
    expect(fills.filter((f) => f !== null)).toHaveLength(1);
    expect(fills[2]!.style.width).toBe(`${(3 / 9) * 100}%`);
    expect(fills[2]!.style.background).toBe('#e38a8a');
    expect(q('[data-testid="heat-strip"]').getAttribute('aria-label')).toBe('Risk by stage of Donor journey');
  });

  it('offers the other maps with points of vulnerability, and shows one when asked', async () => {
    const elsewhere = {
      mapId: 'map-2', mapName: 'Volunteer journey', cardId: 'card-z', title: 'No shift offered', stageId: 'st-v', stageName: 'Sign up',
      vulnerability: { risk: 'Waits too long', severity: 2, owner: '', mitigation: '' },
    };
    const backend = planBackend({
      map_scene: (args) => (args.mapId === 'map-2' ? scene('map-2', 'Volunteer journey') : scene()),
      strategy_report: () => report({ vulnerabilities: [...report().vulnerabilities, elsewhere] }),
    });
    const { store } = await show(RisksView);
    const other = q<HTMLButtonElement>('[data-testid="risk-other-map"]');
    expect(text(other)).toBe('Volunteer journey (1 point)');
    other.click();
    await vi.waitFor(() => expect(store.drawn?.scene.mapId).toBe('map-2'));
    expect(store.selectedMapId).toBe('map-2');
    expect(backend.calls.some((c) => c.args.mapId === 'map-2')).toBe(true);
    flushSync();
    expect(q('[data-testid="heat-strip"]').getAttribute('aria-label')).toBe('Risk by stage of Volunteer journey');
    expect(text(q('[data-testid="risk-other-map"]'))).toBe('Donor journey (2 points)');
  });
});
