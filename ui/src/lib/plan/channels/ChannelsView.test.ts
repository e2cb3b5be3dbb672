// The Channels view mounted against a fake backend: the roster, the job description's
// one-edit-per-field, goals and their SMART parts, the monthly review, the chart, the
// hand-off matrix and the performance CSV import.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ChannelsView from './ChannelsView.svelte';
import { PlanStore } from '../planStore.svelte';
import { DocumentStore } from '../../document/state.svelte';
import { Toasts } from '../../document/toasts.svelte';
import type { Channel, Edit, PerformanceImport } from '../../generated/types';
import { channelProps } from './channelEdits';
import { RULE, badImport, docState, email, events, goodImport, report, roster, social } from './channelFixtures';
import { scene } from '../../../test/fixtures';
import { mapData } from '../../../test/mapData';
import { applyPatch } from '../../../test/patch';

let component: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  clearMocks();
});

interface FakeOptions {
  csvPath?: string | null;
  preview?: PerformanceImport;
}

/** A backend holding the channels: edits change them, the report follows them. */
function backend(o: FakeOptions = {}) {
  let channels: Channel[] = [email(), events(), social()];
  let revision = 7;
  const edits: Edit[] = [];
  const calls: Array<[string, Record<string, unknown>]> = [];
  mockIPC(async (cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push([cmd, args]);
    switch (cmd) {
      case 'document_state':
        return docState(revision);
      case 'map_scene_update':
        return { kind: 'full', revision, scene: scene(args.mapId as string) };
      case 'map_data':
        return mapData(args.mapId as string);
      case 'roster':
        return roster(channels);
      case 'strategy_report':
        return report(channels);
      case 'apply_edit': {
        const edit = args.edit as Edit;
        edits.push(edit);
        if (edit.type === 'AddChannel') channels = [...channels, edit.channel];
        else if (edit.type === 'UpdateChannel') channels = channels.map((c) => (c.id === edit.channelId ? applyPatch(c, edit.props) : c));
        else if (edit.type === 'DeleteChannel') channels = channels.filter((c) => c.id !== edit.channelId);
        else throw { kind: 'unknown', message: `unexpected ${edit.type}` };
        revision++;
        return docState(revision);
      }
      case 'choose_input_file':
        return o.csvPath === undefined ? '/home/ada/figures.csv' : o.csvPath;
      case 'preview_performance_csv':
        return o.preview ?? goodImport();
      case 'import_performance_csv':
        revision++;
        return docState(revision);
      default:
        throw { kind: 'unknown', message: `unexpected ${cmd}` };
    }
  });
  const named = (cmd: string) => calls.filter(([c]) => c === cmd).map(([, a]) => a);
  return { edits, calls, named, channel: (id: string) => channels.find((c) => c.id === id)! };
}

const $ = <T extends HTMLElement = HTMLElement>(testid: string, root: ParentNode = document) =>
  root.querySelector<T>(`[data-testid="${testid}"]`);
const $$ = <T extends HTMLElement = HTMLElement>(testid: string, root: ParentNode = document) => [
  ...root.querySelectorAll<T>(`[data-testid="${testid}"]`),
];

/** The view mounted on a loaded document; `rosterFetched: false` mounts it before the plan has its roster. */
async function start({ rosterFetched = true } = {}): Promise<{ toasts: Toasts; onshowcard: ReturnType<typeof vi.fn> }> {
  const toasts = new Toasts();
  const store = new DocumentStore(toasts);
  await store.load();
  const plan = new PlanStore(store);
  if (rosterFetched) await plan.refresh();
  const onshowcard = vi.fn();
  component = mount(ChannelsView, { target: document.body, props: { plan, store, onshowcard } });
  flushSync();
  return { toasts, onshowcard };
}

function card(id: string): HTMLElement {
  return document.querySelector<HTMLElement>(`[data-testid="channel-card"][data-channel-id="${id}"]`)!;
}

async function openChannel(id: string): Promise<HTMLElement> {
  card(id).click();
  flushSync();
  await vi.waitFor(() => expect($('channel-detail')?.dataset.channelId).toBe(id));
  return $('channel-detail')!;
}

function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string, event = 'change'): void {
  el.value = value;
  el.dispatchEvent(new Event(event, { bubbles: true }));
  flushSync();
}

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  setValue(el, value, 'input');
}

describe('the Channels view', () => {
  it('shows the roster like a team page', async () => {
    backend();
    await start();
    const cards = $$('channel-card');
    expect(cards.map((c) => c.dataset.channelId)).toEqual(['ch-email', 'ch-events', 'ch-social']);
    const mail = card('ch-email');
    expect($('channel-name', mail)?.textContent).toBe('E-mail');
    expect(mail.textContent).toContain('Owned · Online');
    expect($('channel-role', mail)?.textContent?.trim()).toBe('Relationship keeper');
    expect(mail.textContent).toContain('Looked after by Ada');
    expect($('status-pill', mail)?.dataset.status).toBe('off_track');
    expect($('status-pill', mail)?.textContent).toContain('Off track');
    expect($('status-pill', mail)?.textContent).toContain('March 2026');
    expect($('channel-counts', mail)?.textContent?.replace(/\s+/g, ' ').trim()).toBe('2 goals · 4 touchpoints');
    const ev = card('ch-events');
    expect(ev.textContent).toContain('Owned · Offline');
    expect($('channel-role', ev)?.textContent?.trim()).toBe('No role title yet');
    expect($('status-pill', ev)?.textContent).toContain('No review yet');
    expect($('channel-counts', card('ch-social'))?.textContent?.replace(/\s+/g, ' ').trim()).toBe('0 goals · 1 touchpoint');
  });

  it('adds a channel with a new id, named "New channel", and opens it', async () => {
    const fake = backend();
    await start();
    $('channel-add')!.click();
    await vi.waitFor(() => expect(fake.edits).toHaveLength(1));
    const edit = fake.edits[0]!;
    if (edit.type !== 'AddChannel') throw new Error(edit.type);
    expect(edit.channel.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(edit.channel.name).toBe('New channel');
    expect(edit.channel.icon).toBe('N');
    expect(edit.index).toBe(3);
    await vi.waitFor(() => expect($('channel-detail')?.dataset.channelId).toBe(edit.channel.id));
    expect($$('channel-card')).toHaveLength(4);
  });

  it('adds a channel at the end of the stored roster when clicked before the view had the roster', async () => {
    const fake = backend();
    await start({ rosterFetched: false });
    $('channel-add')!.click();
    await vi.waitFor(() => expect(fake.edits).toHaveLength(1));
    const edit = fake.edits[0]!;
    if (edit.type !== 'AddChannel') throw new Error(edit.type);
    expect(edit.index).toBe(3);
  });

  it('commits the role title as one UpdateChannel of that field alone when the field is left', async () => {
    const fake = backend();
    await start();
    const detail = await openChannel('ch-email');
    const role = $<HTMLInputElement>('job-roleTitle', detail)!;
    expect(role.value).toBe('Relationship keeper');
    // Typing sends nothing…
    type(role, 'Relationship');
    type(role, 'Relationship keeper and host');
    expect(fake.edits).toHaveLength(0);
    // …leaving the field sends one edit.
    setValue(role, '  Relationship keeper and host ');
    await vi.waitFor(() => expect(fake.edits).toHaveLength(1));
    expect(fake.edits[0]).toEqual({
      type: 'UpdateChannel',
      channelId: 'ch-email',
      props: { plan: { job: { roleTitle: 'Relationship keeper and host' } } },
    });
    const expected = channelProps(email());
    expected.plan.job.roleTitle = 'Relationship keeper and host';
    expect(channelProps(fake.channel('ch-email'))).toEqual(expected);
    await vi.waitFor(() => expect($('channel-role', card('ch-email'))?.textContent?.trim()).toBe('Relationship keeper and host'));
    expect(role.value).toBe('Relationship keeper and host');
    // The same value again: nothing.
    setValue(role, 'Relationship keeper and host');
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.edits).toHaveLength(1);
  });

  it('keeps all of three quick changes, each an edit of its own field', async () => {
    const fake = backend();
    await start();
    const detail = await openChannel('ch-events');
    setValue($<HTMLInputElement>('job-owner', detail)!, 'Grace');
    setValue($<HTMLSelectElement>('job-ownership', detail)!, 'paid');
    const social = detail.querySelector<HTMLInputElement>('[data-testid="job-worksWith"] input[data-channel-id="ch-social"]')!;
    social.click();
    flushSync();
    await vi.waitFor(() => expect(fake.edits).toHaveLength(3));
    expect(fake.edits.map((e) => e.type === 'UpdateChannel' && e.props)).toEqual([
      { plan: { job: { owner: 'Grace' } } },
      { plan: { ownership: 'paid' } },
      { plan: { job: { worksWith: ['ch-social'] } } },
    ]);
    const plan = fake.channel('ch-events').plan;
    expect(plan.job.owner).toBe('Grace');
    expect(plan.ownership).toBe('paid');
    expect(plan.job.worksWith).toEqual(['ch-social']);
  });

  it('refuses a blank name and keeps the old one', async () => {
    const fake = backend();
    await start();
    const detail = await openChannel('ch-email');
    const name = $<HTMLInputElement>('job-name', detail)!;
    setValue(name, '   ');
    expect(name.value).toBe('E-mail');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(detail.textContent).toContain('A channel needs a name');
    expect(fake.edits).toHaveLength(0);
  });

  it('shows each goal’s SMART parts as chips, the missing ones marked and named', async () => {
    backend();
    await start();
    const detail = await openChannel('ch-email');
    const goals = $$('goal', detail);
    expect(goals.map((g) => g.dataset.goalId)).toEqual(['goal-open', 'goal-signups']);
    const chips = (goal: HTMLElement) =>
      [...goal.querySelectorAll<HTMLElement>('[data-testid="smart-chips"] li')].map((c) => [c.textContent?.trim()[0], c.dataset.missing]);
    expect(chips(goals[0]!)).toEqual([
      ['S', 'false'],
      ['M', 'false'],
      ['A', 'false'],
      ['R', 'false'],
      ['T', 'false'],
    ]);
    expect(chips(goals[1]!)).toEqual([
      ['S', 'false'],
      ['M', 'false'],
      ['A', 'false'],
      ['R', 'true'],
      ['T', 'true'],
    ]);
    expect(goals[1]!.querySelectorAll('.chip.missing')).toHaveLength(2);
    expect($('smart-missing', goals[1]!)?.textContent).toBe('Missing: Relevant, Time-bound');
    expect($('smart-missing', goals[0]!)?.textContent).toBe('All five SMART parts are there.');
    // Relevant to a stage of the map on screen, by name.
    await vi.waitFor(() => expect(goals[0]!.textContent).toContain('Convert (stage)'));
  });

  it('adds a goal as one edit, relevant to a stage of the current map', async () => {
    const fake = backend();
    await start();
    const detail = await openChannel('ch-events');
    $('goal-add', detail)!.click();
    flushSync();
    const form = $('goal-form', detail)!;
    expect(document.activeElement).toBe($('goal-statement', form));
    expect($('goal-form-missing', form)?.textContent).toBe('Missing: Specific, Measurable, Achievable, Relevant, Time-bound');
    type($<HTMLTextAreaElement>('goal-statement', form)!, 'Fill the spring event');
    type($<HTMLInputElement>('goal-metric', form)!, 'attendees');
    type($<HTMLInputElement>('goal-unit', form)!, 'people');
    type($<HTMLInputElement>('goal-target', form)!, '120');
    type($<HTMLInputElement>('goal-period', form)!, 'by 2026-05');
    const relevant = $<HTMLSelectElement>('goal-relevant', form)!;
    await vi.waitFor(() => expect([...relevant.options].map((o) => o.value)).toContain('st-discover'));
    expect([...relevant.options].map((o) => o.textContent)).toContain('Gives $10 — Convert, Donor journey');
    setValue(relevant, 'st-discover');
    expect($('goal-form-missing', form)?.textContent).toBe('All five SMART parts are there.');
    expect(fake.edits).toHaveLength(0);

    $('goal-save', form)!.click();
    await vi.waitFor(() => expect(fake.edits).toHaveLength(1));
    const edit = fake.edits[0]!;
    if (edit.type !== 'UpdateChannel') throw new Error(edit.type);
    expect(edit.channelId).toBe('ch-events');
    const [goal] = edit.props.plan?.goals ?? [];
    expect(goal).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      statement: 'Fill the spring event',
      metric: 'attendees',
      target: 120,
      unit: 'people',
      baseline: null,
      better: 'up',
      period: 'by 2026-05',
      relevantTo: 'st-discover',
    });
    // Nothing else of the channel is sent.
    expect(edit.props).toEqual({ plan: { goals: [goal] } });
    await vi.waitFor(() => expect($('goal-form', detail)).toBeNull());
    expect($$('goal', detail)).toHaveLength(1);
  });

  it('says what is wrong with a goal’s target and sends nothing', async () => {
    const fake = backend();
    await start();
    const detail = await openChannel('ch-events');
    $('goal-add', detail)!.click();
    flushSync();
    type($<HTMLInputElement>('goal-target', detail)!, '1,000');
    $('goal-save', detail)!.click();
    await vi.waitFor(() => expect(detail.querySelector('[role="alert"]')?.textContent).toContain('is not a number'));
    expect(fake.edits).toHaveLength(0);
  });

  it('removes a goal with its actuals after asking', async () => {
    const fake = backend();
    await start();
    const detail = await openChannel('ch-email');
    $('goal-remove', $$('goal', detail)[0]!)!.click();
    flushSync();
    expect(detail.textContent?.replace(/\s+/g, ' ')).toContain('Remove this goal and its actuals in 3 monthly reviews?');
    $('goal-remove-confirm', detail)!.click();
    await vi.waitFor(() => expect(fake.edits).toHaveLength(1));
    const edit = fake.edits[0]!;
    if (edit.type !== 'UpdateChannel') throw new Error(edit.type);
    expect(edit.props.plan?.goals?.map((g) => g.id)).toEqual(['goal-signups']);
    expect(edit.props.plan?.reviews?.flatMap((r) => r.actuals.map((a) => a.goalId))).toEqual(['goal-signups']);
  });

  it('records a month’s review as one edit, in month order', async () => {
    const fake = backend();
    await start();
    const detail = await openChannel('ch-email');
    const review = $('review', detail)!;
    setValue($<HTMLInputElement>('review-month', review)!, '2025-12');
    const actuals = $$<HTMLInputElement>('review-actual', review);
    expect(actuals.map((a) => a.value)).toEqual(['', '']);
    expect($<HTMLButtonElement>('review-save', review)!.disabled).toBe(true);
    type(actuals[0]!, '44');
    type($<HTMLTextAreaElement>('review-note', review)!, 'Sent sign-ups to events');
    expect($<HTMLButtonElement>('review-save', review)!.disabled).toBe(false);
    $('review-save', review)!.click();
    await vi.waitFor(() => expect(fake.edits).toHaveLength(1));
    const edit = fake.edits[0]!;
    if (edit.type !== 'UpdateChannel') throw new Error(edit.type);
    const reviews = edit.props.plan?.reviews ?? [];
    expect(reviews.map((r) => r.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    expect(reviews[0]).toEqual({
      month: '2025-12',
      actuals: [{ goalId: 'goal-open', value: 44 }],
      supportNote: 'Sent sign-ups to events',
    });
    expect(reviews.slice(1)).toEqual(email().plan.reviews);

    // A reviewed month opens with its figures.
    setValue($<HTMLInputElement>('review-month', review)!, '2026-02');
    expect($$<HTMLInputElement>('review-actual', review).map((a) => a.value)).toEqual(['46', '']);
  });

  it('draws a chart per goal: one point per reviewed month, coloured by status, and the target', async () => {
    backend();
    await start();
    const detail = await openChannel('ch-email');
    const charts = $$('performance-chart', detail);
    expect(charts.map((c) => c.dataset.goalId)).toEqual(['goal-open', 'goal-signups']);
    const points = $$('chart-point', charts[0]!);
    expect(points.map((p) => p.dataset.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(points.map((p) => p.getAttribute('class'))).toEqual([
      expect.stringContaining('status-on_track'),
      expect.stringContaining('status-at_risk'),
      expect.stringContaining('status-off_track'),
    ]);
    expect($('chart-target', charts[0]!)).not.toBeNull();
    const svg = $('chart-svg', charts[0]!)!;
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(document.getElementById(titleId!)?.textContent).toBe('open rate by month against the target of 50%');
    expect(document.getElementById(descId!)?.textContent).toContain('February 2026: 46% (At risk)');
    // Only January has a sign-up figure.
    expect($$('chart-point', charts[1]!).map((p) => p.dataset.month)).toEqual(['2026-01']);
    // The latest month's status and the rule behind it.
    expect($('latest-status', detail)?.textContent).toContain('March 2026');
    expect($('latest-status', detail)?.textContent).toContain('Off track');
    expect($('status-rule', detail)?.textContent).toBe(`How status is decided: ${RULE}`);
  });

  it('counts hand-offs in a channels × channels matrix and marks declared and undeclared ones', async () => {
    backend();
    await start();
    const cell = (from: string, to: string) =>
      document.querySelector<HTMLElement>(`[data-testid="handoff-cell"][data-from="${from}"][data-to="${to}"]`)!;
    expect($$('handoff-cell')).toHaveLength(9);
    expect(cell('ch-email', 'ch-events').dataset.kind).toBe('both');
    expect($('handoff-count', cell('ch-email', 'ch-events'))?.textContent).toBe('3');
    expect(cell('ch-social', 'ch-email').dataset.kind).toBe('undeclared');
    expect($('handoff-count', cell('ch-social', 'ch-email'))?.textContent).toBe('2');
    expect(cell('ch-events', 'ch-social').dataset.kind).toBe('unused');
    expect(cell('ch-events', 'ch-social').textContent).toContain('0');
    expect(cell('ch-events', 'ch-social').textContent).toContain('(declared)');
    expect(cell('ch-email', 'ch-social').dataset.kind).toBe('none');
    expect(cell('ch-email', 'ch-email').dataset.kind).toBe('self');
    const legend = $('handoff-matrix')!.querySelector('.legend')!.textContent!;
    expect(legend).toContain('Declared, but no connector shows it yet');
    expect(legend).toContain('Used, but not declared');
  });

  it('shows a CSV’s problems and imports nothing until every line is right', async () => {
    const fake = backend({ preview: badImport() });
    await start();
    $('csv-choose')!.click();
    await vi.waitFor(() => expect($('csv-dialog')).not.toBeNull());
    expect(fake.named('choose_input_file')).toEqual([{ kind: 'csv' }]);
    expect(fake.named('preview_performance_csv')).toEqual([{ path: '/home/ada/figures.csv' }]);
    const dialog = $('csv-dialog')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect($('csv-summary', dialog)?.textContent).toContain('Nothing will be imported until every line is right.');
    const problems = $$('csv-problem', dialog).map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(problems).toEqual([
      ['3', 'channel', 'there is no channel “Fax”'],
      ['4', 'value', '“12,5” is not a number'],
    ]);
    expect($<HTMLButtonElement>('csv-import', dialog)!.disabled).toBe(true);
    expect($('csv-rows', dialog)).toBeNull();
    // Escape closes it, importing nothing.
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    flushSync();
    expect($('csv-dialog')).toBeNull();
    expect(fake.named('import_performance_csv')).toEqual([]);
  });

  it('previews good rows (with the figures they replace) and imports them as one change', async () => {
    const fake = backend({ preview: goodImport() });
    await start();
    $('csv-choose')!.click();
    await vi.waitFor(() => expect($('csv-dialog')).not.toBeNull());
    const dialog = $('csv-dialog')!;
    const rows = $$('csv-row', dialog).map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['2026-04', 'E-mail', 'open rate', '48', 'new'],
      ['2026-03', 'E-mail', 'open rate', '41.5', 'updates was 40'],
    ]);
    expect($('csv-summary', dialog)?.textContent?.replace(/\s+/g, ' ')).toContain(
      '2 figures for 2 months; 1 replaces a figure already recorded',
    );
    const button = $<HTMLButtonElement>('csv-import', dialog)!;
    expect(button.disabled).toBe(false);
    expect(document.activeElement).toBe(button);
    // Tab stays inside the dialog: from the last control to the first, and back.
    const tab = (shiftKey = false) => {
      const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
      document.activeElement!.dispatchEvent(event);
      flushSync();
      return event.defaultPrevented;
    };
    expect(tab()).toBe(true);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Close');
    expect(tab(true)).toBe(true);
    expect(document.activeElement).toBe(button);
    const reports = fake.named('strategy_report').length;
    button.click();
    await vi.waitFor(() => expect($('csv-dialog')).toBeNull());
    expect(fake.named('import_performance_csv')).toEqual([{ path: '/home/ada/figures.csv' }]);
    expect(fake.named('strategy_report').length).toBeGreaterThan(reports);
  });

  it('does nothing when the file choice is cancelled', async () => {
    const fake = backend({ csvPath: null });
    await start();
    $('csv-choose')!.click();
    await vi.waitFor(() => expect(fake.named('choose_input_file')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 10));
    flushSync();
    expect($('csv-dialog')).toBeNull();
    expect(fake.named('preview_performance_csv')).toEqual([]);
  });

  it('deletes a channel after asking, and closes it', async () => {
    const fake = backend();
    await start();
    const detail = await openChannel('ch-email');
    $('channel-delete', detail)!.click();
    flushSync();
    expect(detail.textContent?.replace(/\s+/g, ' ')).toContain('Its 4 touchpoint cards stay on the maps, without a channel.');
    $('confirm-delete', detail)!.click();
    await vi.waitFor(() => expect(fake.edits).toEqual([{ type: 'DeleteChannel', channelId: 'ch-email' }]));
    await vi.waitFor(() => expect($('channel-detail')).toBeNull());
    expect($$('channel-card').map((c) => c.dataset.channelId)).toEqual(['ch-events', 'ch-social']);
  });

  it('shows a goal’s passion point on the map', async () => {
    backend();
    const { onshowcard } = await start();
    const detail = await openChannel('ch-email');
    $('goal-edit', $$('goal', detail)[1]!)!.click();
    flushSync();
    setValue($<HTMLSelectElement>('goal-relevant', detail)!, 'card-b');
    $('goal-save', detail)!.click();
    await vi.waitFor(() => expect($$('goal', detail)[1]!.textContent).toContain('Gives $10 — Convert, Donor journey (passion point)'));
    [...$$('goal', detail)[1]!.querySelectorAll('button')].find((b) => b.textContent === 'Show on map')!.click();
    expect(onshowcard).toHaveBeenCalledWith('map-1', 'card-b');
  });

  it('shows user text as text', async () => {
    backend();
    await start();
    const detail = await openChannel('ch-email');
    setValue($<HTMLInputElement>('job-roleTitle', detail)!, '<img src=x onerror=alert(1)>');
    await vi.waitFor(() => expect($('channel-role', card('ch-email'))?.textContent?.trim()).toBe('<img src=x onerror=alert(1)>'));
    expect(document.querySelector('img')).toBeNull();
  });
});
