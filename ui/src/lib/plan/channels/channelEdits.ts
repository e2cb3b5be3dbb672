// The Channels view's edits, built as pure functions of what the view shows: every change
// (a job-description field, a goal, a monthly review) is ONE `UpdateChannel` whose patch
// carries only that change (a job field alone, the goal list, the review list), so it is
// one undo step and never sends the rest of the channel back.

import type {
  Better,
  Channel,
  ChannelPatch as ChannelFieldPatch,
  ChannelPlan,
  ChannelPlanPatch,
  ChannelProps,
  Edit,
  JobDescription,
  MonthlyReview,
  Ownership,
  Reach,
  SmartGoal,
  SmartPart,
} from '../../generated/types';
import { changedFields } from '../../document/edits';

// --- Kinds ------------------------------------------------------------------------------

export const OWNERSHIPS: readonly { value: Ownership; label: string; hint: string }[] = [
  { value: 'owned', label: 'Owned', hint: 'The organisation’s own: website, e-mail, events' },
  { value: 'earned', label: 'Earned', hint: 'Given by others: press, reviews, word of mouth' },
  { value: 'paid', label: 'Paid', hint: 'Bought: ads, sponsored posts, search ads' },
];

export const REACHES: readonly { value: Reach; label: string }[] = [
  { value: 'online', label: 'Online' },
  { value: 'offline', label: 'Offline' },
];

export const BETTER: readonly { value: Better; label: string }[] = [
  { value: 'up', label: 'Higher is better' },
  { value: 'down', label: 'Lower is better' },
];

/** "Owned · Online". */
export function kindLabel(plan: Pick<ChannelPlan, 'ownership' | 'reach'>): string {
  const ownership = OWNERSHIPS.find((o) => o.value === plan.ownership)?.label ?? plan.ownership;
  const reach = REACHES.find((r) => r.value === plan.reach)?.label ?? plan.reach;
  return `${ownership} · ${reach}`;
}

// --- Props --------------------------------------------------------------------------------

export function defaultPlan(): ChannelPlan {
  return {
    ownership: 'owned',
    reach: 'online',
    job: { roleTitle: '', purpose: '', responsibilities: '', owner: '', worksWith: [] },
    goals: [],
    reviews: [],
  };
}

/** A channel's plan; a channel from a backend that predates plans gets the default one. */
export function planOf(channel: Channel): ChannelPlan {
  return (channel as Partial<Channel>).plan ?? defaultPlan();
}

/** A deep copy: edits are built from copies, never from the store's objects. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The channel's props as stored (a copy). */
export function channelProps(channel: Channel): ChannelProps {
  return { name: channel.name, icon: channel.icon, color: channel.color, plan: copy(planOf(channel)) };
}

/** What one change of a channel sets; everything else is kept. */
export interface ChannelPatch {
  name?: string;
  icon?: string;
  color?: string | null;
  ownership?: Ownership;
  reach?: Reach;
  job?: Partial<JobDescription>;
  goals?: SmartGoal[];
  reviews?: MonthlyReview[];
}

/**
 * One `UpdateChannel` carrying the fields of `patch` that differ from what `channel`
 * shows (a job field on its own; the goal and review lists whole), or null when it
 * changes nothing.
 */
export function updateChannelEdit(channel: Channel, patch: ChannelPatch): Edit | null {
  const shown = channelProps(channel);
  const props: ChannelFieldPatch = changedFields<ChannelFieldPatch>(shown, {
    name: patch.name,
    icon: patch.icon,
    color: patch.color,
  }) ?? {};
  const plan: ChannelPlanPatch =
    changedFields<ChannelPlanPatch>(shown.plan, {
      ownership: patch.ownership,
      reach: patch.reach,
      goals: patch.goals && copy(patch.goals),
      reviews: patch.reviews && copy(patch.reviews),
    }) ?? {};
  const job = patch.job ? changedFields<JobDescription>(shown.plan.job, copy(patch.job)) : null;
  if (job) plan.job = job;
  if (Object.keys(plan).length > 0) props.plan = plan;
  if (Object.keys(props).length === 0) return null;
  return { type: 'UpdateChannel', channelId: channel.id, props };
}

/** Structural equality of plain JSON values (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// --- Adding, naming -------------------------------------------------------------------

/** The first letter of a name, as a channel's icon ("N" for "New channel"). */
export function iconFor(name: string): string {
  const first = [...name.trim()][0];
  return first ? first.toLocaleUpperCase() : '?';
}

/** "New channel", or "New channel 2", 3, … when that name is taken. */
export function newChannelName(existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.trim().toLocaleLowerCase()));
  const base = 'New channel';
  if (!taken.has(base.toLocaleLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLocaleLowerCase())) return `${base} ${i}`;
}

/** `AddChannel` at the end of the roster, with a default job description. */
export function addChannelEdit(channels: readonly Channel[], id: string): Edit {
  const name = newChannelName(channels.map((c) => c.name));
  return {
    type: 'AddChannel',
    channel: { id, name, icon: iconFor(name), color: null, plan: defaultPlan() },
    index: channels.length,
  };
}

/** Trims each line and drops blank ones: the responsibilities, one per line. */
export function cleanLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** The responsibilities as a list. */
export function lines(text: string): string[] {
  return cleanLines(text).split('\n').filter((l) => l !== '');
}

/**
 * "Works with" with `otherId` turned on or off, in the roster's order, keeping only
 * channels that exist (and never the channel itself).
 */
export function toggleWorksWith(
  channels: readonly Channel[],
  channel: Channel,
  otherId: string,
  on: boolean,
): string[] {
  const chosen = new Set(planOf(channel).job.worksWith);
  if (on) chosen.add(otherId);
  else chosen.delete(otherId);
  return channels.filter((c) => c.id !== channel.id && chosen.has(c.id)).map((c) => c.id);
}

// --- Goals ------------------------------------------------------------------------------

/** A goal as its form holds it: numbers as typed. */
export interface GoalDraft {
  statement: string;
  metric: string;
  target: string;
  unit: string;
  baseline: string;
  better: Better;
  period: string;
  /** A stage's or a passion-point card's id; '' for none. */
  relevantTo: string;
}

export function emptyDraft(): GoalDraft {
  return { statement: '', metric: '', target: '', unit: '', baseline: '', better: 'up', period: '', relevantTo: '' };
}

export function draftOf(goal: SmartGoal): GoalDraft {
  return {
    statement: goal.statement,
    metric: goal.metric,
    target: goal.target === null ? '' : String(goal.target),
    unit: goal.unit,
    baseline: goal.baseline === null ? '' : String(goal.baseline),
    better: goal.better,
    period: goal.period,
    relevantTo: goal.relevantTo ?? '',
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A number as typed: blank is "none"; "1250", "-3", "0.75" are numbers; anything else is refused. */
export function parseNumber(text: string, what: string): Parsed<number | null> {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(value)) return { ok: false, error: `${what}: “${t}” is not a number (write it like 1250 or 2.5)` };
  return { ok: true, value };
}

/** The goal a draft describes (trimmed), or the first problem with it. */
export function goalFromDraft(id: string, draft: GoalDraft): Parsed<SmartGoal> {
  const target = parseNumber(draft.target, 'Target');
  if (!target.ok) return target;
  const baseline = parseNumber(draft.baseline, 'Baseline');
  if (!baseline.ok) return baseline;
  return {
    ok: true,
    value: {
      id,
      statement: draft.statement.trim(),
      metric: draft.metric.trim(),
      target: target.value,
      unit: draft.unit.trim(),
      baseline: baseline.value,
      better: draft.better,
      period: draft.period.trim(),
      relevantTo: draft.relevantTo === '' ? null : draft.relevantTo,
    },
  };
}

/** Adds the goal, or replaces the goal with its id (in place). */
export function saveGoalEdit(channel: Channel, goal: SmartGoal): Edit | null {
  const goals = [...planOf(channel).goals];
  const at = goals.findIndex((g) => g.id === goal.id);
  if (at >= 0) goals[at] = goal;
  else goals.push(goal);
  return updateChannelEdit(channel, { goals });
}

/** Removes a goal and, in the same edit, its actuals from every monthly review. */
export function removeGoalEdit(channel: Channel, goalId: string): Edit | null {
  const plan = planOf(channel);
  if (!plan.goals.some((g) => g.id === goalId)) return null;
  return updateChannelEdit(channel, {
    goals: plan.goals.filter((g) => g.id !== goalId),
    reviews: plan.reviews.map((r) => ({ ...r, actuals: r.actuals.filter((a) => a.goalId !== goalId) })),
  });
}

/**
 * The SMART parts a goal still lacks, as the backend's `missing_parts` decides them
 * (report.rs), for the form's live hint; saved goals show the report's own answer.
 */
export function missingParts(goal: Pick<SmartGoal, 'statement' | 'metric' | 'unit' | 'target' | 'relevantTo' | 'period'>): SmartPart[] {
  const blank = (s: string) => s.trim() === '';
  const parts: SmartPart[] = [];
  if (blank(goal.statement)) parts.push('specific');
  if (blank(goal.metric) || blank(goal.unit)) parts.push('measurable');
  if (goal.target === null) parts.push('achievable');
  if (goal.relevantTo === null) parts.push('relevant');
  if (blank(goal.period)) parts.push('time_bound');
  return parts;
}

// --- Numbers ----------------------------------------------------------------------------

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 1250 → "1,250"; 0.756 → "0.76". */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** A value with its unit: "1,250 visits", "12%". */
export function formatValue(value: number, unit: string): string {
  const u = unit.trim();
  if (u === '') return formatNumber(value);
  if (u === '%') return `${formatNumber(value)}%`;
  return `${formatNumber(value)} ${u}`;
}

// --- "Relevant to" ---------------------------------------------------------------------

export interface RelevantChoice {
  id: string;
  label: string;
  /** For a passion point: the map its card is on. */
  mapId?: string;
}

/** What a goal can be relevant to: the current map's stages and the passion points. */
export interface RelevantChoices {
  mapName: string;
  stages: RelevantChoice[];
  passionPoints: RelevantChoice[];
}

export const NO_CHOICES: RelevantChoices = { mapName: '', stages: [], passionPoints: [] };

/** How a goal's "relevant to" reads: "Convert (stage)", "Gives $10 (passion point)", or null for none. */
export function relevantLabel(choices: RelevantChoices, id: string | null): string | null {
  if (id === null) return null;
  const stage = choices.stages.find((s) => s.id === id);
  if (stage) return `${stage.label} (stage)`;
  const point = choices.passionPoints.find((p) => p.id === id);
  if (point) return `${point.label} (passion point)`;
  return 'A stage of another map';
}
