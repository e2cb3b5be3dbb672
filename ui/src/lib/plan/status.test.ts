import { describe, expect, it } from 'vitest';
import { SMART_PARTS, missingText, statusClass, statusLabel } from './status';

describe('statuses and SMART parts', () => {
  it('names and classes statuses, and their absence', () => {
    expect(statusLabel('at_risk')).toBe('At risk');
    expect(statusLabel(null)).toBe('No data');
    expect(statusClass('off_track')).toBe('status-off_track');
    expect(statusClass(undefined)).toBe('status-none');
  });

  it('lists missing parts in S-M-A-R-T order', () => {
    expect(SMART_PARTS.map((p) => p.letter).join('')).toBe('SMART');
    expect(missingText(['time_bound', 'relevant'])).toBe('Missing: Relevant, Time-bound');
    expect(missingText([])).toBe('All five SMART parts are there.');
  });
});
