import { describe, expect, it } from 'vitest';
import type { Edit, MonthlyReview } from '../../generated/types';
import {
  currentMonth,
  isMonth,
  monthLabel,
  reviewDraft,
  reviewFromDraft,
  saveReviewEdit,
  shiftMonth,
  shortMonthLabel,
  sortMonths,
  upsertReview,
} from './channelReview';
import { channelProps } from './channelEdits';
import { email, events } from './channelFixtures';

const review = (month: string, value?: number): MonthlyReview => ({
  month,
  actuals: value === undefined ? [] : [{ goalId: 'goal-open', value }],
  supportNote: '',
});

describe('months', () => {
  it('knows a month when it sees one', () => {
    for (const ok of ['2026-01', '1999-12']) expect(isMonth(ok)).toBe(true);
    for (const bad of ['2026-1', '2026-13', '2026-00', '26-01', '2026/01', ' 2026-01']) expect(isMonth(bad)).toBe(false);
  });

  it('counts months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-03', 14)).toBe('2027-05');
    expect(currentMonth(new Date(2026, 8, 30))).toBe('2026-09');
  });

  it('names months', () => {
    expect(monthLabel('2026-03')).toBe('March 2026');
    expect(shortMonthLabel('2026-12')).toBe('Dec 2026');
    expect(monthLabel('Q1')).toBe('Q1');
    expect(sortMonths(['2026-03', '2025-11', '2026-03'])).toEqual(['2025-11', '2026-03']);
  });
});

describe('monthly reviews', () => {
  it('keeps reviews in month order, one per month', () => {
    const reviews = [review('2026-01', 1), review('2026-03', 3)];
    expect(upsertReview(reviews, '2026-02', review('2026-02', 2)).map((r) => r.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const replaced = upsertReview(reviews, '2026-03', review('2026-03', 30));
    expect(replaced.map((r) => r.actuals[0]?.value)).toEqual([1, 30]);
    expect(upsertReview(reviews, '2026-01', null).map((r) => r.month)).toEqual(['2026-03']);
    expect(upsertReview([review('2026-05'), review('2025-01')], '2026-01', review('2026-01')).map((r) => r.month)).toEqual([
      '2025-01',
      '2026-01',
      '2026-05',
    ]);
  });

  it('reads a stored review into the form, with a blank for every goal it lacks', () => {
    expect(reviewDraft(email(), '2026-02')).toEqual({ actuals: { 'goal-open': '46', 'goal-signups': '' }, note: '' });
    expect(reviewDraft(email(), '2026-06')).toEqual({ actuals: { 'goal-open': '', 'goal-signups': '' }, note: '' });
  });

  it('builds a review from the form: actuals in goal order, blanks left out, nothing when empty', () => {
    const goals = email().plan.goals;
    expect(reviewFromDraft(goals, '2026-04', { actuals: { 'goal-signups': '180', 'goal-open': ' 47.5 ' }, note: ' Helped events ' })).toEqual({
      ok: true,
      value: {
        month: '2026-04',
        actuals: [
          { goalId: 'goal-open', value: 47.5 },
          { goalId: 'goal-signups', value: 180 },
        ],
        supportNote: 'Helped events',
      },
    });
    expect(reviewFromDraft(goals, '2026-04', { actuals: { 'goal-open': '' }, note: '  ' })).toEqual({ ok: true, value: null });
    expect(reviewFromDraft(goals, '2026-4', { actuals: {}, note: 'x' }).ok).toBe(false);
    const bad = reviewFromDraft(goals, '2026-04', { actuals: { 'goal-open': '47,5' }, note: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('open rate');
  });

  it('saves a review as one UpdateChannel whose patch is the review list alone', () => {
    const result = saveReviewEdit(email(), '2026-02', { actuals: { 'goal-open': '48', 'goal-signups': '90' }, note: 'Shared the event' });
    if (!result.ok) throw new Error(result.error);
    const edit = result.value as Extract<Edit, { type: 'UpdateChannel' }>;
    expect(edit.type).toBe('UpdateChannel');
    const reviews = channelProps(email()).plan.reviews;
    reviews[1] = {
      month: '2026-02',
      actuals: [
        { goalId: 'goal-open', value: 48 },
        { goalId: 'goal-signups', value: 90 },
      ],
      supportNote: 'Shared the event',
    };
    expect(edit.props).toEqual({ plan: { reviews } });
    // The same figures again change nothing; a note for a channel without goals is a review too.
    expect(saveReviewEdit(email(), '2026-03', reviewDraft(email(), '2026-03'))).toEqual({ ok: true, value: null });
    const note = saveReviewEdit(events(), '2026-05', { actuals: {}, note: 'Hosted the e-mail team' });
    expect(note.ok && note.value?.type === 'UpdateChannel' && note.value.props.plan?.reviews).toEqual([
      { month: '2026-05', actuals: [], supportNote: 'Hosted the e-mail team' },
    ]);
  });
});
