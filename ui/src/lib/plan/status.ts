// How statuses and SMART parts are named and styled in the plan views. The statuses
// themselves come from the backend's StrategyReport (report.rs), which also gives the
// rule in words (`report.rule`); nothing here decides a status.

import type { SmartPart, Status } from '../generated/types';

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};

/** "On track", …, or "No data" when there is no status (no target, or no actual). */
export function statusLabel(status: Status | null | undefined): string {
  return status ? STATUS_LABELS[status] : 'No data';
}

/** The CSS class of a status: `status-on_track`, `status-at_risk`, `status-off_track` or `status-none`. */
export function statusClass(status: Status | null | undefined): string {
  return `status-${status ?? 'none'}`;
}

export interface SmartPartInfo {
  part: SmartPart;
  letter: string;
  label: string;
  /** What the goal needs for this part, in the form's words. */
  needs: string;
}

/** The five parts of a SMART goal, in S-M-A-R-T order. */
export const SMART_PARTS: readonly SmartPartInfo[] = [
  { part: 'specific', letter: 'S', label: 'Specific', needs: 'a statement of what will happen' },
  { part: 'measurable', letter: 'M', label: 'Measurable', needs: 'a metric and a unit' },
  { part: 'achievable', letter: 'A', label: 'Achievable', needs: 'a target number' },
  { part: 'relevant', letter: 'R', label: 'Relevant', needs: 'a stage or passion point it serves' },
  { part: 'time_bound', letter: 'T', label: 'Time-bound', needs: 'a period or deadline' },
];

/** "Missing: Relevant, Time-bound", or "All five SMART parts are there." */
export function missingText(missing: readonly SmartPart[]): string {
  if (missing.length === 0) return 'All five SMART parts are there.';
  const labels = SMART_PARTS.filter((p) => missing.includes(p.part)).map((p) => p.label);
  return `Missing: ${labels.join(', ')}`;
}
