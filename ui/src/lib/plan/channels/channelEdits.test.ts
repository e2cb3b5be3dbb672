import { describe, expect, it } from 'vitest';
import type { Channel, Edit } from '../../generated/types';
import {
  addChannelEdit,
  channelProps,
  cleanLines,
  draftOf,
  emptyDraft,
  formatValue,
  goalFromDraft,
  iconFor,
  kindLabel,
  missingParts,
  newChannelName,
  parseNumber,
  planOf,
  relevantLabel,
  removeGoalEdit,
  sameValue,
  saveGoalEdit,
  toggleWorksWith,
  updateChannelEdit,
} from './channelEdits';
import { email, events, social } from './channelFixtures';

const propsOf = (edit: Edit | null) => {
  if (edit?.type !== 'UpdateChannel') throw new Error(`not an UpdateChannel: ${JSON.stringify(edit)}`);
  return edit.props;
};

describe('channel edits', () => {
  it('changes one job field with a patch of that field alone', () => {
    const channel = email();
    const edit = updateChannelEdit(channel, { job: { roleTitle: 'Keeper of promises' } });
    expect(edit?.type).toBe('UpdateChannel');
    const props = propsOf(edit);
    expect(props).toEqual({ plan: { job: { roleTitle: 'Keeper of promises' } } });
    // The stored channel is not touched.
    expect(channel).toEqual(email());
  });

  it('sends nothing when nothing changes', () => {
    expect(updateChannelEdit(email(), { name: 'E-mail' })).toBeNull();
    expect(updateChannelEdit(email(), { job: { owner: 'Ada' } })).toBeNull();
    expect(updateChannelEdit(email(), {})).toBeNull();
  });

  it('gives a channel from an older backend the default plan', () => {
    const old = { id: 'ch-x', name: 'Fax', icon: 'F', color: null } as unknown as Channel;
    expect(planOf(old).job.worksWith).toEqual([]);
    expect(propsOf(updateChannelEdit(old, { reach: 'offline' })).plan?.reach).toBe('offline');
  });

  it('adds "New channel" (numbered when taken) at the end, its icon the first letter', () => {
    const edit = addChannelEdit([email(), events()], 'uuid-1');
    expect(edit).toEqual({
      type: 'AddChannel',
      index: 2,
      channel: {
        id: 'uuid-1',
        name: 'New channel',
        icon: 'N',
        color: null,
        plan: {
          ownership: 'owned',
          reach: 'online',
          job: { roleTitle: '', purpose: '', responsibilities: '', owner: '', worksWith: [] },
          goals: [],
          reviews: [],
        },
      },
    });
    expect(newChannelName(['New channel', 'new channel 2'])).toBe('New channel 3');
    expect(iconFor('  événements')).toBe('É');
    expect(iconFor('')).toBe('?');
  });

  it('keeps "works with" in roster order, without the channel itself or channels that are gone', () => {
    const all = [email(), events(), social()];
    const withGhost = { ...email(), plan: { ...email().plan, job: { ...email().plan.job, worksWith: ['ch-gone', 'ch-events'] } } };
    expect(toggleWorksWith(all, withGhost, 'ch-social', true)).toEqual(['ch-events', 'ch-social']);
    expect(toggleWorksWith(all, email(), 'ch-events', false)).toEqual([]);
    expect(toggleWorksWith(all, email(), 'ch-email', true)).toEqual(['ch-events']);
  });

  it('cleans responsibilities to one per line', () => {
    expect(cleanLines('  Welcome series \r\n\n Newsletter\n')).toBe('Welcome series\nNewsletter');
  });

  it('names the kind of a channel', () => {
    expect(kindLabel({ ownership: 'paid', reach: 'offline' })).toBe('Paid · Offline');
  });

  it('compares plain values structurally', () => {
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});

describe('goals', () => {
  it('parses numbers as typed, and refuses what is not one', () => {
    expect(parseNumber('', 'Target')).toEqual({ ok: true, value: null });
    expect(parseNumber(' 1250 ', 'Target')).toEqual({ ok: true, value: 1250 });
    expect(parseNumber('-0.5', 'Target')).toEqual({ ok: true, value: -0.5 });
    expect(parseNumber('+.75', 'Target')).toEqual({ ok: true, value: 0.75 });
    for (const bad of ['1,250', '12%', 'ten', 'Infinity', '1e999']) expect(parseNumber(bad, 'Target').ok).toBe(false);
  });

  it('builds a goal from its form, trimmed, and refuses a target that is not a number', () => {
    const draft = { ...emptyDraft(), statement: ' More visits ', metric: 'visits', target: '1000', unit: 'visits', relevantTo: 'st-convert' };
    const goal = goalFromDraft('g1', draft);
    expect(goal).toEqual({
      ok: true,
      value: {
        id: 'g1', statement: 'More visits', metric: 'visits', target: 1000, unit: 'visits', baseline: null,
        better: 'up', period: '', relevantTo: 'st-convert',
      },
    });
    const bad = goalFromDraft('g1', { ...draft, target: 'lots' });
    expect(bad.ok).toBe(false);
    // A stored goal goes through its form unchanged.
    const stored = email().plan.goals[0]!;
    expect(goalFromDraft(stored.id, draftOf(stored))).toEqual({ ok: true, value: stored });
  });

  it('adds a goal at the end, or replaces the one with its id in place', () => {
    const added = goalFromDraft('g-new', { ...emptyDraft(), statement: 'Reply within a day' });
    if (!added.ok) throw new Error(added.error);
    expect(propsOf(saveGoalEdit(email(), added.value)).plan?.goals?.map((g) => g.id)).toEqual(['goal-open', 'goal-signups', 'g-new']);
    const changed = { ...email().plan.goals[0]!, target: 55 };
    const goals = propsOf(saveGoalEdit(email(), changed)).plan?.goals ?? [];
    expect(goals.map((g) => g.id)).toEqual(['goal-open', 'goal-signups']);
    expect(goals[0]!.target).toBe(55);
    expect(saveGoalEdit(email(), email().plan.goals[1]!)).toBeNull();
  });

  it('removes a goal together with its actuals, in one edit', () => {
    const props = propsOf(removeGoalEdit(email(), 'goal-open'));
    expect(props.plan?.goals?.map((g) => g.id)).toEqual(['goal-signups']);
    expect(props.plan?.reviews).toEqual([
      { month: '2026-01', actuals: [{ goalId: 'goal-signups', value: 150 }], supportNote: 'Announced the spring event' },
      { month: '2026-02', actuals: [], supportNote: '' },
      { month: '2026-03', actuals: [], supportNote: '' },
    ]);
    expect(removeGoalEdit(email(), 'goal-none')).toBeNull();
  });

  it('finds the missing SMART parts as the backend does', () => {
    expect(missingParts(email().plan.goals[0]!)).toEqual([]);
    expect(missingParts(email().plan.goals[1]!)).toEqual(['relevant', 'time_bound']);
    expect(
      missingParts({ statement: ' ', metric: 'visits', unit: '', target: null, relevantTo: null, period: '\t' }),
    ).toEqual(['specific', 'measurable', 'achievable', 'relevant', 'time_bound']);
  });

  it('writes values with their unit', () => {
    expect(formatValue(1250, 'visits')).toBe('1,250 visits');
    expect(formatValue(12.345, '%')).toBe('12.35%');
    expect(formatValue(3, '')).toBe('3');
  });

  it('names what a goal is relevant to', () => {
    const choices = {
      mapName: 'Donor journey',
      stages: [{ id: 'st-convert', label: 'Convert' }],
      passionPoints: [{ id: 'card-b', label: 'Gives $10', mapId: 'map-1' }],
    };
    expect(relevantLabel(choices, 'st-convert')).toBe('Convert (stage)');
    expect(relevantLabel(choices, 'card-b')).toBe('Gives $10 (passion point)');
    expect(relevantLabel(choices, 'st-elsewhere')).toBe('A stage of another map');
    expect(relevantLabel(choices, null)).toBeNull();
  });
});
