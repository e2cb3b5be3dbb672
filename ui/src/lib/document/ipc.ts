// The window's side of the contract with the shell. The commands, their arguments and
// answers and the events' names and payloads are generated from the Rust list
// (`generated/commands.ts`, from src-tauri/src/contract/list.rs), so a renamed command or
// argument fails `npm run check`. This file adds only what the UI wants on top: errors
// as AppErrors, shared in-flight requests, handlers that take the payload. Nothing else
// in the UI calls `invoke` or `listen` directly.

import { invoke } from '@tauri-apps/api/core';
import type { UnlistenFn } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWebviewWindow } from '@tauri-apps/api/webviewWindow';
import { bindCommands, EVENTS, type CommandName, type Commands, type EventName, type Events } from '../generated/commands';
import type { AppliedEdit, SceneUpdate } from '../generated/types';
import type { AppError, DocumentState, Edit, Map as JourneyMap, Roster, Scene } from '../generated/types';
import type { PerformanceImport, StrategyReport } from '../generated/types';
import type { MapView, TemplateCard } from '../generated/types';
import type { PresentationStep, VoteResults } from '../generated/types';
import type {
  ExportFinished,
  ExportFormat,
  ExportOptions,
  ExportPreview,
  ExportProgress,
  ImportResult,
} from '../generated/types';

/** Every command, typed from the contract; each rejects with an AppError. */
const commands = bindCommands(call);

export const documentState = (): Promise<DocumentState> => commands.documentState();

export const mapScene = (mapId: string): Promise<Scene> => commands.mapScene(mapId);

/** Where the user left each map of the open document (zoom and scroll), by map id. */
export const mapViews = (): Promise<Record<string, MapView>> => commands.mapViews();

/** Keeps where the user left a map of the document at `path` (ignored if that is no longer the open one). */
export const rememberMapView = (path: string, mapId: string, view: MapView): Promise<void> =>
  commands.rememberMapView(path, mapId, view);

/** The map's Scene, as a patch from the one sent for `knownRevision` when the backend still holds that one. */
export const mapSceneUpdate = (mapId: string, knownRevision: number | null): Promise<SceneUpdate> =>
  commands.mapSceneUpdate(mapId, knownRevision);

/**
 * The full data of a map. Callers that ask while the same request is under way share it:
 * after a drop both the clipboard cache and the overlay ask at once, and the map of a
 * large journey is hundreds of kilobytes. The shared object is read-only to callers.
 */
export function mapData(mapId: string): Promise<JourneyMap> {
  let pending = mapDataInFlight.get(mapId);
  if (!pending) {
    pending = commands.mapData(mapId).finally(() => mapDataInFlight.delete(mapId));
    mapDataInFlight.set(mapId, pending);
  }
  return pending;
}
const mapDataInFlight = new Map<string, Promise<JourneyMap>>();

/** The document's channels and personas (for the inspector's pickers). */
export const roster = (): Promise<Roster> => commands.roster();

export const applyEdit = (edit: Edit): Promise<DocumentState> => commands.applyEdit(edit);

/**
 * Applies an edit and, in the same round trip, gets map `mapId`'s Scene after it (a patch
 * from the one sent for `knownRevision`, as `mapSceneUpdate` would answer). `scene` is
 * missing when the backend (or a test double) answers with the DocumentState only.
 */
export const applyEditAndRedraw = (
  edit: Edit,
  mapId: string,
  knownRevision: number | null,
): Promise<Partial<AppliedEdit> & DocumentState> => commands.applyEdit(edit, mapId, knownRevision);

export const undo = (): Promise<DocumentState> => commands.undo();

export const redo = (): Promise<DocumentState> => commands.redo();

/** Problems from startup (e.g. a file on the command line that could not be opened); each is handed out once. */
export const takeStartupMessages = async (): Promise<AppError[]> => {
  // Checked all the same: a message that is not an AppError is wrapped, not dropped.
  const messages: unknown = await commands.takeStartupMessages();
  return Array.isArray(messages) ? messages.map(toAppError) : [];
};

/** Native dialogs are shown by the Rust side; `null` means the user cancelled. */
export const showOpenDialog = (): Promise<DocumentState | null> => commands.showOpenDialog();
export const showSaveAsDialog = (): Promise<DocumentState | null> => commands.showSaveAsDialog();

/** File › New's gallery: every template with its title, description, counts and a thumbnail (blank first). */
export const templateGallery = (): Promise<TemplateCard[]> => commands.templateGallery();

/** Asks where to save (the native Save dialog), then creates and opens a document from `template`; `null` if cancelled. */
export const createFromTemplate = (template: string): Promise<DocumentState | null> =>
  commands.createFromTemplate(template);

// --- Export and import -------------------------------------------------------------

/** The Export dialog's last choices (or the defaults). */
export const exportSettings = (): Promise<ExportOptions> => commands.exportSettings();

/** A small PNG of the export's first page, how many pages it makes and how to name the page. */
export const exportPreview = (mapId: string, options: ExportOptions): Promise<ExportPreview> =>
  commands.exportPreview(mapId, options);

/** The native Save dialog for an export; `null` means the user cancelled. */
export const chooseExportPath = (format: ExportFormat, suggestedName: string): Promise<string | null> =>
  commands.chooseExportPath(format, suggestedName);

/** Starts an export in the background and answers its job id; `export-progress` and `export-finished` follow. */
export const exportStart = (mapId: string, options: ExportOptions, path: string): Promise<number> =>
  commands.exportStart(mapId, options, path);

/** Asks a running export to stop; it ends with an `export-finished` whose outcome is `cancelled`. */
export const exportCancel = (jobId: number): Promise<void> => commands.exportCancel(jobId);

// --- Workshop mode ------------------------------------------------------------------

/** A vote round's ranked results (names left out when it is anonymous) and everyone's dots left. */
export const voteResults = (mapId: string, roundId: string): Promise<VoteResults> => commands.voteResults(mapId, roundId);

/** Writes a round's results as CSV to `path` (chosen with `chooseExportPath('csv', …)`). */
export const exportVoteResultsCsv = (roundId: string, path: string): Promise<void> =>
  commands.exportVoteResultsCsv(roundId, path);

/** Where the workshop summary goes: a .pdf, or .md when the chosen name says so; null if cancelled. */
export const chooseSummaryPath = (suggestedName: string): Promise<string | null> =>
  commands.chooseSummaryPath(suggestedName);

/** Writes map `mapId`'s workshop summary to `path`, as Markdown or PDF by its extension. */
export const exportWorkshopSummary = (mapId: string, path: string): Promise<void> =>
  commands.exportWorkshopSummary(mapId, path);

/** Opens the file manager on the folder holding `path`. */
export const revealInFolder = (path: string): Promise<void> => commands.revealInFolder(path);

/** Adds the map of an exported PNG, PDF or JSON to the open document (one undo step). */
export const importFile = (path: string): Promise<ImportResult> => commands.importFile(path);

export function onExportProgress(handler: (progress: ExportProgress) => void): Promise<UnlistenFn> {
  return on(EVENTS.exportProgress, handler);
}

/** Sent once per export, however it ended; a failure's error is an AppError. */
export function onExportFinished(handler: (finished: ExportFinished) => void): Promise<UnlistenFn> {
  return on(EVENTS.exportFinished, (finished) => {
    handler({ ...finished, error: finished.error == null ? null : toAppError(finished.error) });
  });
}

/** File > Export… in the native menu. */
export function onOpenExportDialog(handler: () => void): Promise<UnlistenFn> {
  return on(EVENTS.openExportDialog, () => handler());
}

/** File › Export Workshop Summary… in the native menu. */
export function onOpenWorkshopSummary(handler: () => void): Promise<UnlistenFn> {
  return on(EVENTS.openWorkshopSummary, () => handler());
}

/** View › Workshop in the native menu (Ctrl+8): the window shows its Workshop view. */
export function onOpenWorkshop(handler: () => void): Promise<UnlistenFn> {
  return on(EVENTS.openWorkshop, () => handler());
}

/** File › New… in the native menu: the window opens its template gallery. */
export function onOpenTemplateGallery(handler: () => void): Promise<UnlistenFn> {
  return on(EVENTS.openTemplateGallery, () => handler());
}

/** File > Import Map… (or Open on an export) in the native menu added a map. */
export function onMapImported(handler: (result: ImportResult) => void): Promise<UnlistenFn> {
  return on(EVENTS.mapImported, handler);
}

/** Files dragged over the window (`enter`/`over`), dropped on it, or taken away (`leave`). */
export type FileDrop =
  | { type: 'enter'; paths: string[] }
  | { type: 'over' }
  | { type: 'drop'; paths: string[] }
  | { type: 'leave' };

/** The webview's native file drag and drop (the OS's paths, which a DOM drop never gives). */
export async function onFileDrop(handler: (drop: FileDrop) => void): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    switch (p.type) {
      case 'enter':
      case 'drop':
        handler({ type: p.type, paths: [...(p.paths ?? [])] });
        break;
      case 'over':
        handler({ type: 'over' });
        break;
      default:
        handler({ type: 'leave' });
    }
  });
}

/** Sent when the native menu changed the document (Open, New, Save As, Undo, Redo). */
export function onDocumentChanged(handler: (state: DocumentState) => void): Promise<UnlistenFn> {
  return on(EVENTS.documentChanged, handler);
}

/** Errors the backend reports outside of a command's answer. */
export function onAppError(handler: (error: AppError) => void): Promise<UnlistenFn> {
  // Checked all the same: whatever arrives is shown as an AppError.
  return on(EVENTS.appError, (payload: unknown) => handler(toAppError(payload)));
}

/** Sends a command; a rejection becomes an AppError. Arguments left out are not sent. */
async function call<C extends CommandName>(command: C, args: Commands[C]['args']): Promise<Commands[C]['returns']> {
  try {
    return await invoke<Commands[C]['returns']>(command, args === undefined ? undefined : defined(args));
  } catch (error) {
    throw toAppError(error);
  }
}

/** `args` without the optional arguments the caller did not give. */
function defined(args: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
}

/** Listens to an event, handing its payload (as the contract types it) to `handler`. */
/** Listens to events sent to this window (each window hears only about its own document). */
function on<E extends EventName>(event: E, handler: (payload: Events[E]) => void): Promise<UnlistenFn> {
  return getCurrentWebviewWindow().listen<Events[E]>(event, (e) => handler(e.payload));
}

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Every command rejects with an AppError; anything else (a bug, a lost IPC) is wrapped. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return { kind: value.kind, message: value.message };
  if (value instanceof Error) return { kind: 'internal', message: value.message };
  if (typeof value === 'string') return { kind: 'internal', message: value };
  return { kind: 'internal', message: 'Something went wrong.' };
}

// --- The strategist's model ----------------------------------------------------------

/** Statuses of goals and KPIs, hand-offs, loops and vulnerabilities, derived from the document. */
export const strategyReport = (): Promise<StrategyReport> => commands.strategyReport();

/** What importing a performance CSV would do (rows with the values they replace, or every problem). Changes nothing. */
export const previewPerformanceCsv = (path: string): Promise<PerformanceImport> =>
  commands.previewPerformanceCsv(path);

/** Imports a performance CSV as one undo step; refused with a message naming line and column when anything is wrong. */
export const importPerformanceCsv = (path: string): Promise<DocumentState> => commands.importPerformanceCsv(path);

/** Sets a persona's photo from an image file (decoded and downscaled by the backend), as one undo step. */
export const setPersonaPhoto = (personaId: string, path: string): Promise<DocumentState> =>
  commands.setPersonaPhoto(personaId, path);

/** The native Open dialog for a performance CSV or a photo; `null` means the user cancelled. */
export const chooseInputFile = (kind: 'csv' | 'image'): Promise<string | null> => commands.chooseInputFile(kind);

// --- Presenting (present/) -------------------------------------------------------------

/** Presenting starts or ends: the window full screen without its menu bar, or back as it was. */
export const setPresenting = (on: boolean): Promise<void> => commands.setPresenting(on);

/** The map as presented: for outsiders, laid out again without the lanes hidden for them. */
export const presentationScene = (mapId: string, forOutsiders: boolean): Promise<Scene> =>
  commands.presentationScene(mapId, forOutsiders);

/** Opens the audience's window on this window's document (another display when there is one); answers its label. */
export const openAudienceWindow = (): Promise<string> => commands.openAudienceWindow();

/** Tells this window's audience window where the operator is. */
export const presentStep = (step: PresentationStep): Promise<void> => commands.presentStep(step);

/** Where the operator is (the audience window asks when it opens); null before the first step. */
export const presentationState = (): Promise<PresentationStep | null> => commands.presentationState();

/** Closes this window's audience window (presenting ended). */
export const closeAudienceWindow = (): Promise<void> => commands.closeAudienceWindow();

/** The audience window: the operator moved. */
export function onPresentationStep(handler: (step: PresentationStep) => void): Promise<UnlistenFn> {
  return on(EVENTS.presentationStep, handler);
}
