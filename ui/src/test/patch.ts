// What the backend does with an `Update*` edit's patch, for the tests' fake backends: the
// fields it names replace the record's (nested records field by field, lists whole); the
// others stay.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function applyPatch<T>(record: T, patch: object): T {
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = isRecord(value) && isRecord(out[key]) ? applyPatch(out[key], value) : value;
  }
  return out as T;
}
