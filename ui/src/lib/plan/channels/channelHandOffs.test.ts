import { describe, expect, it } from 'vitest';
import { handOffCell } from './channelHandOffs';
import { HAND_OFFS } from './channelFixtures';

describe('hand-off cells', () => {
  it('tells declared-and-used, declared-but-unused, used-but-undeclared and none apart', () => {
    expect(handOffCell(HAND_OFFS, 'ch-email', 'ch-events')).toEqual({ kind: 'both', count: 3 });
    expect(handOffCell(HAND_OFFS, 'ch-events', 'ch-social')).toEqual({ kind: 'unused', count: 0 });
    expect(handOffCell(HAND_OFFS, 'ch-social', 'ch-email')).toEqual({ kind: 'undeclared', count: 2 });
    expect(handOffCell(HAND_OFFS, 'ch-email', 'ch-social')).toEqual({ kind: 'none' });
    expect(handOffCell(HAND_OFFS, 'ch-email', 'ch-email')).toEqual({ kind: 'self' });
  });
});
