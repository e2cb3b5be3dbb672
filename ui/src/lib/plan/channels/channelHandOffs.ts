// The hand-off matrix's cells, from the report's hand-offs (report.rs `hand_offs`): a
// count of connectors between two channels' cards, and whether the sender declared the
// receiver in "Works with".

import type { HandOff } from '../../generated/types';

export type HandOffCell =
  | { kind: 'self' }
  | { kind: 'none' }
  /** Declared in "Works with" and used. */
  | { kind: 'both'; count: number }
  /** Declared, but no connector shows it (count 0). */
  | { kind: 'unused'; count: number }
  /** Used, but not declared. */
  | { kind: 'undeclared'; count: number };

export function handOffCell(handOffs: readonly HandOff[], fromId: string, toId: string): HandOffCell {
  if (fromId === toId) return { kind: 'self' };
  const h = handOffs.find((x) => x.fromChannelId === fromId && x.toChannelId === toId);
  if (!h || (h.count === 0 && !h.declared)) return { kind: 'none' };
  if (!h.declared) return { kind: 'undeclared', count: h.count };
  return h.count === 0 ? { kind: 'unused', count: 0 } : { kind: 'both', count: h.count };
}
