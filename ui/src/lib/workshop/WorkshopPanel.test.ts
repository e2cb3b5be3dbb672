// The Workshop panel over a fake backend that keeps a document: participants added and
// chosen, notes captured with Enter (author and cell as chosen; empty text adds nothing;
// the focus stays), the timer shown while capturing, and a round: votes cast with + and
// −, the cap answered in place without sending, the model's refusal shown the same way,
// an anonymous round's results naming nobody, and the round ended from here.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import type { Edit, Map as JourneyMap, Participant, VoteResults } from '../generated/types';
import { DocumentStore } from '../document/state.svelte';
import { Toasts } from '../document/toasts.svelte';
import { PlanStore } from '../plan/planStore.svelte';
import { Selection } from '../editor/selection.svelte';
import { CountdownTimer } from '../present/timer.svelte';
import { documentState, scene } from '../../test/fixtures';
import { mapData } from '../../test/mapData';
import { roster, report } from '../../test/planFixtures';
import WorkshopPanel from './WorkshopPanel.svelte';
import { Workshop } from './workshop.svelte';
import { cardDots } from './voting';

let shown: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = '';
  clearMocks();
});

const PALETTE = ['#1d4ed8', '#b91c1c'];

/** A backend that applies the workshop's edits to one map, as the model would (without its checks). */
function backend(options: { refuse?: { kind: string; message: string } } = {}) {
  const edits: Edit[] = [];
  const calls: Array<[string, Record<string, unknown>]> = [];
  let revision = 7;
  const participants: Participant[] = [];
  const map: JourneyMap = mapData();
  const round = () => map.voteRounds[map.voteRounds.length - 1]!;
  const results = (): VoteResults => {
    const r = round();
    const dots = cardDots(r, participants);
    const rows = map.cards
      .filter((c) => (r.eligible.by === 'lanes' ? r.eligible.laneIds.includes(c.laneId) : r.eligible.cardIds.includes(c.id)))
      .map((c) => ({
        cardId: c.id, rank: 0, title: c.title, stage: 'Stage', lane: 'Lane', total: dots.get(c.id)?.total ?? 0, paper: 0,
        byParticipant: r.anonymous ? [] : participants.map((p) => ({ participantId: p.id, count: r.votes.find((v) => v.participantId === p.id && v.cardId === c.id)?.count ?? 0 })).filter((x) => x.count > 0),
      }))
      .sort((a, b) => b.total - a.total)
      .map((row, i) => ({ ...row, rank: i + 1 }));
    return {
      mapId: map.id, roundId: r.id, question: r.question, state: r.state, anonymous: r.anonymous,
      votesPerParticipant: r.votesPerParticipant, maxPerCard: r.maxPerCard, rows,
      participants: r.anonymous ? [] : participants,
      remaining: participants.map((p) => ({ participantId: p.id, count: r.votesPerParticipant - r.votes.filter((v) => v.participantId === p.id).reduce((n, v) => n + v.count, 0) })),
      dots: r.votes.reduce((n, v) => n + v.count, 0),
    };
  };
  function apply(edit: Edit): void {
    switch (edit.type) {
      case 'AddParticipant':
        participants.push({ ...edit.participant, initials: edit.participant.name.slice(0, 2).toUpperCase(), color: PALETTE[participants.length % 2]! });
        break;
      case 'UpdateParticipant': {
        const p = participants.find((x) => x.id === edit.participantId)!;
        if (edit.props.name) p.name = edit.props.name;
        break;
      }
      case 'DeleteParticipant':
        participants.splice(participants.findIndex((x) => x.id === edit.participantId), 1);
        break;
      case 'AddCard':
        map.cards.push(edit.card);
        break;
      case 'StartVoteRound':
        map.voteRounds.push(edit.round);
        break;
      case 'CastVotes': {
        const r = round();
        r.votes = r.votes.filter((v) => !(v.participantId === edit.participantId && v.cardId === edit.cardId));
        if (edit.count > 0) r.votes.push({ participantId: edit.participantId, cardId: edit.cardId, count: edit.count });
        break;
      }
      case 'EndVoteRound':
        round().state = 'ended';
        break;
      case 'ReopenVoteRound':
        round().state = 'open';
        break;
      case 'ClearVoteRound':
        round().votes = [];
        break;
      case 'SetPaperDots': {
        const r = round();
        r.votes = r.votes.filter((v) => !(v.participantId === null && v.cardId === edit.cardId));
        if (edit.count > 0) r.votes.unshift({ participantId: null, cardId: edit.cardId, count: edit.count });
        break;
      }
    }
  }
  mockWindows('main');
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push([cmd, args]);
    switch (cmd) {
      case 'document_state':
        return documentState({ revision });
      case 'map_scene':
        return scene(args.mapId as string);
      case 'map_data':
        return structuredClone(map);
      case 'roster':
        return roster({ participants: structuredClone(participants) });
      case 'strategy_report':
        return report();
      case 'vote_results':
        return results();
      case 'choose_export_path':
        return '/home/ada/which-moment.csv';
      case 'apply_edit': {
        const edit = args.edit as Edit;
        if (options.refuse && edit.type === 'CastVotes') throw options.refuse;
        edits.push(edit);
        apply(edit);
        revision += 1;
        return documentState({ revision });
      }
      default:
        return null;
    }
  });
  return { edits, participants, map, calls };
}

async function show(timer = new CountdownTimer()) {
  const store = new DocumentStore(new Toasts());
  await store.load();
  const plan = new PlanStore(store);
  await plan.refresh();
  const workshop = new Workshop(store, plan);
  await workshop.load();
  const selection = new Selection();
  const target = document.createElement('div');
  document.body.append(target);
  shown = mount(WorkshopPanel, { target, props: { workshop, timer, selection } });
  flushSync();
  return { workshop, selection, store };
}

const $ = <T extends HTMLElement = HTMLElement>(testid: string) => document.querySelector<T>(`[data-testid="${testid}"]`);
const $$ = (testid: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function type(input: HTMLInputElement, value: string, enter = true) {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
  if (enter) input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  await vi.waitFor(() => expect(input.value).toBe(''));
}

async function addParticipant(name: string) {
  const field = $<HTMLInputElement>('participant-name')!;
  field.value = name;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  $('participant-add')!.click();
  await vi.waitFor(() => expect($$('participant').map((c) => text(c))).toContain(`${name.slice(0, 2).toUpperCase()} ${name} ${$$('participant').length}`));
}

describe('the workshop panel', () => {
  it('adds participants, the one added writing next; Alt+digit picks who writes', async () => {
    const b = backend();
    await show();
    await addParticipant('Ada Lovelace');
    await addParticipant('Bo Kim');
    expect(b.edits.map((e) => e.type)).toEqual(['AddParticipant', 'AddParticipant']);
    const chips = $$('participant');
    expect(chips.map((c) => c.getAttribute('aria-checked'))).toEqual(['false', 'true']);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', altKey: true, bubbles: true, cancelable: true }));
    flushSync();
    expect($$('participant').map((c) => c.getAttribute('aria-checked'))).toEqual(['true', 'false']);
    expect(text($('capture-author'))).toBe('AD Ada Lovelace is writing');
  });

  it('captures notes with Enter into the chosen cell, each by the one writing; empty text adds nothing', async () => {
    const b = backend();
    const { workshop } = await show();
    await addParticipant('Ada Lovelace');
    await addParticipant('Bo Kim');
    // The cell: Convert × Touchpoints.
    const stage = $<HTMLSelectElement>('capture-stage')!;
    stage.value = 'st-convert';
    stage.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    const input = $<HTMLInputElement>('capture-input')!;
    await type(input, 'Forms are too long');
    workshop.voterId = b.participants[0]!.id;
    flushSync();
    await type(input, 'Nobody calls back');
    expect(document.activeElement).toBe(input);
    const before = b.edits.length;
    input.value = '   ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect(b.edits.length).toBe(before);

    const added = b.edits.filter((e) => e.type === 'AddCard');
    expect(added.map((e) => e.type === 'AddCard' && [e.card.title, e.card.author, e.card.stageId, e.card.laneId])).toEqual([
      ['Forms are too long', b.participants[1]!.id, 'st-convert', 'lane-touch'],
      ['Nobody calls back', b.participants[0]!.id, 'st-convert', 'lane-touch'],
    ]);
    await vi.waitFor(() => expect(text($('capture-count'))).toBe('4 notes in Convert × Touchpoints'));
  });

  it('shows the workshop timer with its controls while capturing', async () => {
    backend();
    await show();
    const timer = $('capture')!.querySelector('[data-testid="timer"]');
    expect(timer).not.toBeNull();
    expect(timer!.getAttribute('role')).toBe('timer');
    expect(text(timer)).toContain('5:00');
    expect($('capture')!.querySelectorAll('button').length).toBeGreaterThan(0);
  });

  it('runs a round: + and − per participant, the cap answered in place without sending, ended from here', async () => {
    const b = backend();
    const { workshop } = await show();
    await addParticipant('Ada Lovelace');
    await addParticipant('Bo Kim');
    $('mode-vote')!.click();
    flushSync();
    const q = $<HTMLInputElement>('round-question')!;
    q.value = 'Which moment matters most?';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    const cap = $<HTMLInputElement>('round-cap')!;
    cap.value = '1';
    cap.dispatchEvent(new Event('input', { bubbles: true }));
    $('round-start')!.click();
    await vi.waitFor(() => expect(text($('round-question-shown'))).toBe('Which moment matters most?'));
    expect(b.edits.at(-1)).toMatchObject({ type: 'StartVoteRound', round: { maxPerCard: 1, votesPerParticipant: 3, eligible: { by: 'lanes', laneIds: ['lane-touch'] } } });

    // Bo (chosen last) puts one dot on the first card; a second is over the cap.
    const row = () => $$('result-row').find((r) => r.dataset.cardId === 'card-a')!;
    row().querySelector<HTMLButtonElement>('[data-testid="vote-add"]')!.click();
    await vi.waitFor(() => expect(row().dataset.total).toBe('1'));
    const sent = b.edits.length;
    row().querySelector<HTMLButtonElement>('[data-testid="vote-add"]')!.click();
    await vi.waitFor(() => expect(text($('workshop-notice'))).toContain('Bo Kim may put at most 1 dot on one card in this round, not 2'));
    expect($('workshop-notice')!.getAttribute('role')).toBe('alert');
    expect(b.edits.length).toBe(sent);

    // Ada votes too (Alt+1), and her dots show in her colour on the map.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', altKey: true, bubbles: true, cancelable: true }));
    flushSync();
    row().querySelector<HTMLButtonElement>('[data-testid="vote-add"]')!.click();
    await vi.waitFor(() => expect(row().dataset.total).toBe('2'));
    expect(b.edits.filter((e) => e.type === 'CastVotes').map((e) => e.type === 'CastVotes' && [e.participantId, e.count])).toEqual([
      [b.participants[1]!.id, 1],
      [b.participants[0]!.id, 1],
    ]);
    expect(workshop.canvasVotes?.dots.get('card-a')?.dots.map((d) => d.color)).toEqual(['#1d4ed8', '#b91c1c']);
    expect(text(row().querySelector('[data-testid="result-who"]'))).toContain('AD');

    $('round-end')!.click();
    await vi.waitFor(() => expect($('round-state')!.dataset.state).toBe('ended'));
    expect(b.edits.at(-1)).toEqual({ type: 'EndVoteRound', mapId: 'map-1', roundId: expect.any(String) });
    expect($$('vote-add')).toHaveLength(0);
    expect($('round-reopen')).not.toBeNull();
    expect($('tag-winners')).not.toBeNull();
  });

  it('shows the model’s refusal in place, and an anonymous round names nobody', async () => {
    const b = backend({ refuse: { kind: 'vote_budget', message: 'bo has 0 of 3 dots left in this round, so cannot put 1 on this card' } });
    const { workshop } = await show();
    await addParticipant('Bo');
    b.map.voteRounds.push({
      id: 'r1', question: 'Secret?', votesPerParticipant: 3, maxPerCard: 2, anonymous: true, state: 'open',
      eligible: { by: 'cards', cardIds: ['card-a'] },
      votes: [{ participantId: b.participants[0]!.id, cardId: 'card-a', count: 1 }],
    });
    workshop.mode = 'vote';
    await workshop.load(true);
    flushSync();
    await vi.waitFor(() => expect($$('result-row')).toHaveLength(1));
    expect($('result-who')).toBeNull();
    expect(workshop.canvasVotes?.dots.get('card-a')?.dots).toEqual([{ color: null, who: null }]);
    $('vote-add')!.click();
    await vi.waitFor(() => expect(text($('workshop-notice')!.querySelector('span'))).toBe('Bo has 0 of 3 dots left in this round, so cannot put 1 on this card'));
  });

  it('enters paper dots as counts (Alt+0), clears, reopens, tags the winners and saves the CSV', async () => {
    const b = backend();
    const { workshop } = await show();
    await addParticipant('Bo');
    b.map.voteRounds.push({
      id: 'r1', question: 'Which moment?', votesPerParticipant: 3, maxPerCard: 2, anonymous: false, state: 'open',
      eligible: { by: 'lanes', laneIds: ['lane-touch'] }, votes: [],
    });
    workshop.mode = 'vote';
    await workshop.load(true);
    flushSync();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '0', altKey: true, bubbles: true, cancelable: true }));
    flushSync();
    expect($('participant-paper')!.getAttribute('aria-checked')).toBe('true');
    const paper = $$('result-row').find((r) => r.dataset.cardId === 'card-b')!.querySelector<HTMLInputElement>('[data-testid="paper-count"]')!;
    paper.value = '12';
    paper.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect($$('result-row')[0]!.dataset.total).toBe('12'));
    expect(b.edits.at(-1)).toEqual({ type: 'SetPaperDots', mapId: 'map-1', roundId: 'r1', cardId: 'card-b', count: 12 });

    $('round-clear')!.click();
    await vi.waitFor(() => expect(b.edits.at(-1)).toEqual({ type: 'ClearVoteRound', mapId: 'map-1', roundId: 'r1' }));
    $('round-end')!.click();
    await vi.waitFor(() => expect($('round-reopen')).not.toBeNull());
    const top = $<HTMLInputElement>('tag-top')!;
    top.value = '2';
    top.dispatchEvent(new Event('input', { bubbles: true }));
    const tag = $<HTMLInputElement>('tag-name')!;
    tag.value = ' Priority ';
    tag.dispatchEvent(new Event('input', { bubbles: true }));
    $('tag-winners')!.click();
    await vi.waitFor(() => expect(b.edits.at(-1)).toEqual({ type: 'TagWinners', mapId: 'map-1', roundId: 'r1', top: 2, tag: 'Priority' }));
    await vi.waitFor(() => expect(text($('workshop-notice'))).toContain('Tagged the top 2 “Priority”'));

    $('round-csv')!.click();
    await vi.waitFor(() => expect(b.calls.some(([cmd]) => cmd === 'export_vote_results_csv')).toBe(true));
    expect(b.calls.find(([cmd]) => cmd === 'choose_export_path')![1]).toEqual({ format: 'csv', suggestedName: 'which-moment.csv' });
    expect(b.calls.find(([cmd]) => cmd === 'export_vote_results_csv')![1]).toEqual({ roundId: 'r1', path: '/home/ada/which-moment.csv' });
    await vi.waitFor(() => expect(text($('workshop-notice'))).toContain('Results saved to /home/ada/which-moment.csv'));

    $('round-reopen')!.click();
    await vi.waitFor(() => expect(b.edits.at(-1)).toEqual({ type: 'ReopenVoteRound', mapId: 'map-1', roundId: 'r1' }));
    await vi.waitFor(() => expect($('round-state')!.dataset.state).toBe('open'));
  });

  it('renames and removes a participant, each one edit', async () => {
    const b = backend();
    const { workshop } = await show();
    await addParticipant('Ada');
    await addParticipant('Bo');
    const id = b.participants[0]!.id;
    [...document.querySelectorAll<HTMLButtonElement>('button')].find((x) => x.textContent?.trim() === 'Edit people')!.click();
    flushSync();
    const rename = $$('participant-rename')[0] as HTMLInputElement;
    rename.value = ' Ada  Byron ';
    rename.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(b.edits.at(-1)).toEqual({ type: 'UpdateParticipant', participantId: id, props: { name: 'Ada Byron', initials: '' } }));
    const bo = b.participants[1]!.id;
    workshop.voterId = bo;
    flushSync();
    $$('participant-remove')[1]!.click();
    await vi.waitFor(() => expect(b.edits.at(-1)).toEqual({ type: 'DeleteParticipant', participantId: bo }));
    expect(workshop.voterId).toBeNull();
    await vi.waitFor(() => expect($$('participant')).toHaveLength(1));
  });
});
