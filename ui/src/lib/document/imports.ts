// Adding a map from an exported file: which files qualify, and what the user is told.

import type { ImportResult } from '../generated/types';
import { fileName } from '../export/exportOptions';

/** The exports that carry their map: PNG and PDF (embedded) and JSON. */
export const IMPORTABLE_EXTENSIONS = ['png', 'pdf', 'json'] as const;

export const DROP_HINT = 'Drop a Waymark PNG, PDF or JSON to add its map';

export function isImportable(path: string): boolean {
  const name = fileName(path).toLowerCase();
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return false;
  return (IMPORTABLE_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1));
}

export function notImportableMessage(path: string): string {
  return `${fileName(path)} is not a PNG, PDF or JSON export`;
}

/** "Added map “Donors” (33 cards) — Ctrl+Z to undo". */
export function importedMessage(result: Pick<ImportResult, 'mapName' | 'cards'>, undoShortcut: string): string {
  const cards = `${result.cards} ${result.cards === 1 ? 'card' : 'cards'}`;
  return `Added map “${result.mapName}” (${cards}) — ${undoShortcut} to undo`;
}
