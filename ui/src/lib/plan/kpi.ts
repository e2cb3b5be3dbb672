// Pure changes to a card's plan for the inspector: a passion point's KPIs (with their
// history of readings) and notes, a point of vulnerability's details, the ladder rung.
// Each takes the stored plan (a copy) and returns the new one; the inspector sends it as
// one UpdateCard, so each change is one undo step.

import type { Better, CardPlan, Kpi, NoteKind, PassionNote, Reading, Status, Vulnerability } from '../generated/types';

export const newId = (): string => crypto.randomUUID();

export function newKpi(id: string = newId()): Kpi {
  return { id, name: 'New KPI', metric: '', target: null, actual: null, unit: '', better: 'up', history: [] };
}

export function addKpi(plan: CardPlan, kpi: Kpi = newKpi()): CardPlan {
  return { ...plan, passion: { ...plan.passion, kpis: [...plan.passion.kpis, kpi] } };
}

/** The KPI's fields a form edits (the id and history stay). */
export type KpiPatch = Partial<Pick<Kpi, 'name' | 'metric' | 'target' | 'actual' | 'unit' | 'better'>>;

export function updateKpi(plan: CardPlan, kpiId: string, patch: KpiPatch): CardPlan {
  const kpis = plan.passion.kpis.map((k) => (k.id === kpiId ? { ...k, ...patch } : k));
  return { ...plan, passion: { ...plan.passion, kpis } };
}

export function removeKpi(plan: CardPlan, kpiId: string): CardPlan {
  return { ...plan, passion: { ...plan.passion, kpis: plan.passion.kpis.filter((k) => k.id !== kpiId) } };
}

/**
 * Adds a reading to a KPI's history (a reading for a period it already has replaces
 * that one), keeping the history in period order.
 */
export function addReading(plan: CardPlan, kpiId: string, reading: Reading): CardPlan {
  const kpis = plan.passion.kpis.map((k) => {
    if (k.id !== kpiId) return k;
    const history = [...k.history.filter((r) => r.period !== reading.period), { ...reading }];
    history.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    return { ...k, history };
  });
  return { ...plan, passion: { ...plan.passion, kpis } };
}

export function removeReading(plan: CardPlan, kpiId: string, period: string): CardPlan {
  const kpis = plan.passion.kpis.map((k) => (k.id === kpiId ? { ...k, history: k.history.filter((r) => r.period !== period) } : k));
  return { ...plan, passion: { ...plan.passion, kpis } };
}

export function setContentNeeded(plan: CardPlan, text: string): CardPlan {
  return { ...plan, passion: { ...plan.passion, contentNeeded: text } };
}

export function addNote(plan: CardPlan, kind: NoteKind, text: string, id: string = newId()): CardPlan {
  const note: PassionNote = { id, kind, text };
  return { ...plan, passion: { ...plan.passion, notes: [...plan.passion.notes, note] } };
}

export function updateNote(plan: CardPlan, noteId: string, patch: Partial<Pick<PassionNote, 'kind' | 'text'>>): CardPlan {
  const notes = plan.passion.notes.map((n) => (n.id === noteId ? { ...n, ...patch } : n));
  return { ...plan, passion: { ...plan.passion, notes } };
}

export function removeNote(plan: CardPlan, noteId: string): CardPlan {
  return { ...plan, passion: { ...plan.passion, notes: plan.passion.notes.filter((n) => n.id !== noteId) } };
}

export function setVulnerability(plan: CardPlan, patch: Partial<Vulnerability>): CardPlan {
  return { ...plan, vulnerability: { ...plan.vulnerability, ...patch } };
}

export function setRung(plan: CardPlan, rungId: string | null): CardPlan {
  return { ...plan, rungId };
}

// ---- Numbers --------------------------------------------------------------------------

/**
 * A number as typed: blank is "none" (null); spaces, thin spaces and thousands commas
 * are ignored ("1,200" is 1200); anything else that is not a finite number is refused
 * (undefined), so a typo never replaces a figure.
 */
export function parseNumber(text: string): number | null | undefined {
  const t = text.trim().replace(/[\s\u202f\u00a0]/g, '');
  if (t === '') return null;
  const plain = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return undefined;
  const n = Number(plain);
  return Number.isFinite(n) ? n : undefined;
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A figure for reading: grouped, at most two decimals; an em dash for none. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : numberFormat.format(n);
}

/** "Conversion: 3.2 / 4 %" (actual / target unit), as the overview lists a KPI. */
export function kpiSummary(kpi: Pick<Kpi, 'name' | 'actual' | 'target' | 'unit'>): string {
  const unit = kpi.unit.trim();
  const name = kpi.name.trim() || 'Unnamed KPI';
  return `${name}: ${formatNumber(kpi.actual)} / ${formatNumber(kpi.target)}${unit ? ` ${unit}` : ''}`;
}

export const BETTER_LABELS: ReadonlyArray<{ better: Better; label: string; arrow: string }> = [
  { better: 'up', label: 'Higher is better', arrow: '↑' },
  { better: 'down', label: 'Lower is better', arrow: '↓' },
];

export const NOTE_KINDS: ReadonlyArray<{ kind: NoteKind; label: string }> = [
  { kind: 'observation', label: 'Observation' },
  { kind: 'quote', label: 'Quote' },
  { kind: 'idea', label: 'Idea' },
];

export const noteKindLabel = (kind: NoteKind): string => NOTE_KINDS.find((k) => k.kind === kind)?.label ?? kind;

// ---- Statuses -------------------------------------------------------------------------

/** Worst first: the order the overview sorts by. No status (nothing measured) comes last. */
export const STATUS_ORDER: readonly (Status | null)[] = ['off_track', 'at_risk', 'on_track', null];

export function statusRank(status: Status | null | undefined): number {
  const i = STATUS_ORDER.indexOf(status ?? null);
  return i < 0 ? STATUS_ORDER.length : i;
}

// ---- Severity -------------------------------------------------------------------------

export const SEVERITIES: ReadonlyArray<{ value: number; label: string }> = [
  { value: 1, label: 'Low' },
  { value: 2, label: 'Medium' },
  { value: 3, label: 'High' },
];

export function severityLabel(severity: number | null | undefined): string {
  return SEVERITIES.find((s) => s.value === severity)?.label ?? 'Medium';
}

/** ●●○ for severity 2 of 3. */
export function severityDots(severity: number, of = 3): string {
  const n = Math.max(0, Math.min(of, Math.round(severity)));
  return '●'.repeat(n) + '○'.repeat(of - n);
}
