import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { editor } from '../editor.svelte';
import { Selection } from '../selection.svelte';
import { DocumentStore } from '../../document/state.svelte';
import { Toasts } from '../../document/toasts.svelte';
import { PlanStore } from '../../plan/planStore.svelte';
import type { CardProps, Edit } from '../../generated/types';
import Inspector from './Inspector.svelte';
import { mapData } from '../../../test/mapData';
import { planBackend, settle, type Backend } from '../../../test/planFixtures';
import { applyPatch } from '../../../test/patch';
import { documentState } from '../../../test/fixtures';

let component: ReturnType<typeof mount> | null = null;
let backend: Backend;

beforeEach(() => {
  editor.reset();
  backend = planBackend();
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  clearMocks();
});

const q = <T extends Element = Element>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};

async function inspect(ids: string[], withPlan = true) {
  const store = new DocumentStore(new Toasts());
  await store.load();
  const plan = withPlan ? new PlanStore(store) : null;
  // The app refreshes the plan for each revision; here the test does.
  await plan?.refresh();
  const selection = new Selection();
  selection.set(ids);
  component = mount(Inspector, { target: document.body, props: { store, selection, plan } });
  flushSync();
  if (ids.length > 0) await vi.waitFor(() => expect(document.querySelector('[data-flag="passionPoint"]')).not.toBeNull());
  if (plan) await vi.waitFor(() => expect(plan.report).not.toBeNull());
  flushSync();
  return { store, plan, selection };
}

function change(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * The one UpdateCard sent, checked to carry the plan alone (a patch of the parts that
 * change); returns the stored card's plan with that patch applied, as the backend would.
 */
function onlyPlanChanged(edits: Edit[]): CardProps['plan'] {
  expect(edits).toHaveLength(1);
  const edit = edits[0]!;
  if (edit.type !== 'UpdateCard') throw new Error(edit.type);
  const stored = mapData().cards.find((c) => c.id === edit.cardId)!;
  const { plan, ...rest } = edit.props;
  expect(rest).toEqual({});
  expect(plan).toBeDefined();
  return applyPatch(stored.plan, plan!);
}

describe('the inspector’s passion point section', () => {
  it('shows the KPIs with their status from the report, and the channel as "Delivered by"', async () => {
    await inspect(['card-b']);
    const section = q('[data-testid="passion-editor"]');
    expect(section.querySelectorAll('[data-testid="kpi"]')).toHaveLength(1);
    expect(section.textContent).toContain('Conversion: 3.2 / 4 %');
    await vi.waitFor(() => expect(section.querySelector('[data-status="at_risk"]')).not.toBeNull());
    expect(section.querySelector('[data-testid="card-channel"]')?.closest('label')?.textContent).toContain('Delivered by');
    expect(q<HTMLTextAreaElement>('[data-testid="content-needed"]').value).toBe('A thank-you page');
    expect(section.querySelectorAll('[data-testid="passion-note"]')).toHaveLength(1);
  });

  it('is not shown for a card that is not a passion point; its channel stays "Channel"', async () => {
    await inspect(['card-a']);
    expect(document.querySelector('[data-testid="passion-editor"]')).toBeNull();
    expect(q('[data-testid="card-channel"]').closest('label')?.textContent).toContain('Channel');
  });

  it('adding a KPI sends one UpdateCard with the new KPI and everything else unchanged', async () => {
    await inspect(['card-b']);
    q<HTMLButtonElement>('[data-testid="add-kpi"]').click();
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    const plan = onlyPlanChanged(backend.edits);
    const before = mapData().cards[1]!.plan;
    expect(plan.passion.kpis).toHaveLength(2);
    expect(plan.passion.kpis[0]).toEqual(before.passion.kpis[0]);
    expect(plan.passion.kpis[1]).toMatchObject({ name: 'New KPI', metric: '', target: null, actual: null, unit: '', better: 'up', history: [] });
    expect(typeof plan.passion.kpis[1]?.id).toBe('string');
    expect({ ...plan, passion: { ...plan.passion, kpis: plan.passion.kpis.slice(0, 1) } }).toEqual(before);
  });

  it('a KPI’s target is sent as a number; text that is not one is refused where it was typed', async () => {
    await inspect(['card-b']);
    const target = q<HTMLInputElement>('[data-testid="kpi-target"]');
    change(target, 'lots');
    flushSync();
    await settle();
    expect(backend.edits).toEqual([]);
    expect(target.getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Type a number');
    change(target, '4.5');
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    expect(onlyPlanChanged(backend.edits).passion.kpis[0]).toMatchObject({ id: 'kpi-conv', target: 4.5, actual: 3.2 });
  });

  it('two fields of a KPI committed at once both reach the file: the second edit is built on the first', async () => {
    // A backend that keeps what it is sent: the stored map follows the edits.
    const stored = mapData();
    let revision = 7;
    backend = planBackend({
      map_data: () => structuredClone(stored),
      document_state: () => documentState({ revision }),
      apply_edit: (args, b) => {
        const edit = args.edit as Edit;
        b.edits.push(edit);
        if (edit.type === 'UpdateCard' && edit.props.plan) {
          const card = stored.cards.find((c) => c.id === edit.cardId)!;
          card.plan = applyPatch(card.plan, edit.props.plan);
        }
        revision += 1;
        return documentState({ revision });
      },
    });
    await inspect(['card-b']);
    // Typed and left quickly (a paste and Tab, Tab): no time for the first edit to show.
    change(q<HTMLInputElement>('[data-testid="kpi-target"]'), '4.5');
    change(q<HTMLInputElement>('[data-testid="kpi-actual"]'), '3.9');
    await vi.waitFor(() => expect(backend.edits).toHaveLength(2));
    const kpi = stored.cards.find((c) => c.id === 'card-b')!.plan.passion.kpis[0];
    expect(kpi).toMatchObject({ id: 'kpi-conv', target: 4.5, actual: 3.9 });
  });

  it('adds a reading to a KPI’s history', async () => {
    await inspect(['card-b']);
    const period = q<HTMLInputElement>('[data-testid="reading-period"]');
    period.value = '2026-02';
    period.dispatchEvent(new Event('input', { bubbles: true }));
    const value = q<HTMLInputElement>('[data-testid="reading-value"]');
    value.value = '3.4';
    value.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    q<HTMLButtonElement>('[data-testid="add-reading"]').click();
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    expect(onlyPlanChanged(backend.edits).passion.kpis[0]?.history).toEqual([
      { period: '2026-01', value: 3 },
      { period: '2026-02', value: 3.4 },
    ]);
  });

  it('adds a note', async () => {
    await inspect(['card-b']);
    change(q<HTMLSelectElement>('[data-testid="new-note-kind"]'), 'idea');
    const text = q<HTMLTextAreaElement>('[data-testid="new-note-text"]');
    text.value = 'Say thank you by name';
    text.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    q<HTMLButtonElement>('[data-testid="add-note"]').click();
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    const notes = onlyPlanChanged(backend.edits).passion.notes;
    expect(notes.map((n) => [n.kind, n.text])).toEqual([
      ['quote', 'I wanted to give more'],
      ['idea', 'Say thank you by name'],
    ]);
  });

  it('works without the plan store: no statuses, the rest as usual', async () => {
    await inspect(['card-b'], false);
    expect(q('[data-testid="kpi"]').textContent).toContain('Conversion: 3.2 / 4 %');
    expect(document.querySelector('[data-testid="kpi"] [data-testid="status-pill"]')).toBeNull();
    await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="card-rung"] option')).toHaveLength(4));
  });
});

describe('the inspector’s point of vulnerability section', () => {
  it('changing the severity sends one UpdateCard with only the severity changed', async () => {
    await inspect(['card-b']);
    const section = q('[data-testid="vulnerability"]');
    expect(q<HTMLTextAreaElement>('[data-testid="vuln-risk"]').value).toBe('Card declined');
    expect(q<HTMLInputElement>('[data-testid="severity-3"]').checked).toBe(true);
    expect(section.querySelector('legend')?.textContent).toBe('Severity');
    const low = q<HTMLInputElement>('[data-testid="severity-1"]');
    low.checked = true;
    low.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    const plan = onlyPlanChanged(backend.edits);
    expect(plan).toEqual({ ...mapData().cards[1]!.plan, vulnerability: { risk: 'Card declined', severity: 1, owner: '', mitigation: '' } });
  });

  it('sets an owner', async () => {
    await inspect(['card-b']);
    change(q<HTMLInputElement>('[data-testid="vuln-owner"]'), '  Sam ');
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    expect(onlyPlanChanged(backend.edits).vulnerability.owner).toBe('Sam');
  });
});

describe('the engagement ladder rung', () => {
  it('places a card on a rung', async () => {
    await inspect(['card-a']);
    const select = q<HTMLSelectElement>('[data-testid="card-rung"]');
    // Highest rung first.
    expect([...select.options].map((o) => o.textContent?.split(' — ')[0])).toEqual(['None', 'Advocate', 'Volunteer', 'Donor']);
    change(select, 'rung-volunteer');
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    expect(onlyPlanChanged(backend.edits)).toEqual({ ...mapData().cards[0]!.plan, rungId: 'rung-volunteer' });
  });

  it('places a selected stage on a rung with one UpdateStage of the rung alone', async () => {
    await inspect([]);
    editor.selectStructure({ kind: 'stage', id: 'st-discover' });
    flushSync();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="stage-rung"]')).not.toBeNull());
    change(q<HTMLSelectElement>('[data-testid="stage-rung"]'), 'rung-donor');
    await vi.waitFor(() => expect(backend.edits).toHaveLength(1));
    expect(backend.edits[0]).toEqual({
      type: 'UpdateStage', mapId: 'map-1', stageId: 'st-discover',
      props: { rungId: 'rung-donor' },
    });
  });
});
