// Months and monthly reviews: the channel "brings its performance data" — one review per
// month (`YYYY-MM`), kept in month order, holding an actual per goal and a note on how the
// channel supported the others.

import type { Channel, Edit, GoalActual, MonthlyReview, SmartGoal } from '../../generated/types';
import { parseNumber, planOf, updateChannelEdit } from './channelEdits';

/** `YYYY-MM` with a month 01–12, as the backend checks it. */
export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** This month, `YYYY-MM`, in local time. */
export function currentMonth(now: Date = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The month `delta` months from `month` (`2026-01` − 1 → `2025-12`). */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03" → "March 2026"; anything else as it is. */
export function monthLabel(month: string): string {
  if (!isMonth(month)) return month;
  return `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;
}

/** "2026-03" → "Mar 2026" (the chart's axis). */
export function shortMonthLabel(month: string): string {
  if (!isMonth(month)) return month;
  return `${MONTHS[Number(month.slice(5)) - 1]!.slice(0, 3)} ${month.slice(0, 4)}`;
}

/** Months sorted, each once. */
export function sortMonths(months: Iterable<string>): string[] {
  return [...new Set(months)].sort();
}

/** A month's review as its form holds it: actuals as typed, by goal id. */
export interface ReviewDraft {
  actuals: Record<string, string>;
  note: string;
}

/** The stored review of `month` (or an empty one) as a draft. */
export function reviewDraft(channel: Channel, month: string): ReviewDraft {
  const review = planOf(channel).reviews.find((r) => r.month === month);
  const actuals: Record<string, string> = {};
  for (const goal of planOf(channel).goals) {
    const actual = review?.actuals.find((a) => a.goalId === goal.id);
    actuals[goal.id] = actual ? String(actual.value) : '';
  }
  return { actuals, note: review?.supportNote ?? '' };
}

/**
 * The review a draft describes, in goal order; null when it holds nothing (no actual and
 * a blank note), or the first number that is not one.
 */
export function reviewFromDraft(
  goals: readonly SmartGoal[],
  month: string,
  draft: ReviewDraft,
): { ok: true; value: MonthlyReview | null } | { ok: false; error: string } {
  if (!isMonth(month)) return { ok: false, error: `“${month}” is not a month; use YYYY-MM, e.g. 2026-03` };
  const actuals: GoalActual[] = [];
  for (const goal of goals) {
    const parsed = parseNumber(draft.actuals[goal.id] ?? '', `Actual of “${goal.metric || goal.statement || 'goal'}”`);
    if (!parsed.ok) return parsed;
    if (parsed.value !== null) actuals.push({ goalId: goal.id, value: parsed.value });
  }
  const supportNote = draft.note.trim();
  if (actuals.length === 0 && supportNote === '') return { ok: true, value: null };
  return { ok: true, value: { month, actuals, supportNote } };
}

/** The reviews with `month`'s replaced by `review` (removed when null): month order, one per month. */
export function upsertReview(reviews: readonly MonthlyReview[], month: string, review: MonthlyReview | null): MonthlyReview[] {
  const rest = reviews.filter((r) => r.month !== month);
  if (review) rest.push(review);
  return rest.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** The one `UpdateChannel` that records the month's review (null: nothing changes), or the problem. */
export function saveReviewEdit(
  channel: Channel,
  month: string,
  draft: ReviewDraft,
): { ok: true; value: Edit | null } | { ok: false; error: string } {
  const plan = planOf(channel);
  const review = reviewFromDraft(plan.goals, month, draft);
  if (!review.ok) return review;
  return { ok: true, value: updateChannelEdit(channel, { reviews: upsertReview(plan.reviews, month, review.value) }) };
}
