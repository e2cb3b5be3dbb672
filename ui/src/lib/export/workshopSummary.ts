// File › Export Workshop Summary… (issue 13, item 7): the native menu asks the window,
// which knows the map it shows; the user chooses a .pdf or .md file and the backend writes
// the summary there (who took part, notes per stage, voting results, tagged decisions).

import * as ipc from '../document/ipc';
import type { Toasts } from '../document/toasts.svelte';

/** A file name people recognise: "<map> workshop summary.pdf", without path separators. */
export function suggestedSummaryName(mapName: string): string {
  const name = mapName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return `${name || 'Map'} workshop summary.pdf`;
}

/**
 * Asks where to save map `map`'s workshop summary and writes it; says where it went (or
 * why not) in a toast. Answers the path written, or null when cancelled or refused.
 */
export async function exportWorkshopSummary(
  map: { id: string; name: string },
  toasts: Toasts,
): Promise<string | null> {
  try {
    const path = await ipc.chooseSummaryPath(suggestedSummaryName(map.name));
    if (path === null) return null;
    await ipc.exportWorkshopSummary(map.id, path);
    toasts.push(`Workshop summary saved to ${path}`, 'info');
    return path;
  } catch (error) {
    toasts.push(ipc.toAppError(error).message);
    return null;
  }
}
