// Generated from the contract (src-tauri/src/contract/list.rs) by src-tauri/src/bindings/contract.rs.
// Do not edit by hand: run `UPDATE_BINDINGS=1 cargo test --test tests bindings` after changing it.

import type { AppError, AppliedEdit, DocumentState, Edit, ExportFinished, ExportFormat, ExportOptions, ExportPreview, ExportProgress, ImportResult, Map, MapView, PerformanceImport, PresentationStep, Roster, Scene, SceneUpdate, StrategyReport, TemplateCard, VoteResults } from './types';

/** Every command: its arguments as the window sends them (camelCase) and its answer. */
export interface Commands {
  document_state: { args: undefined; returns: DocumentState };
  map_scene: { args: { mapId: string }; returns: Scene };
  map_scene_update: { args: { mapId: string; knownRevision?: number | null }; returns: SceneUpdate };
  map_data: { args: { mapId: string }; returns: Map };
  roster: { args: undefined; returns: Roster };
  apply_edit: { args: { edit: Edit; mapId?: string | null; knownRevision?: number | null }; returns: AppliedEdit };
  undo: { args: undefined; returns: DocumentState };
  redo: { args: undefined; returns: DocumentState };
  take_startup_messages: { args: undefined; returns: Array<AppError> };
  show_open_dialog: { args: undefined; returns: DocumentState | null };
  show_save_as_dialog: { args: undefined; returns: DocumentState | null };
  template_gallery: { args: undefined; returns: Array<TemplateCard> };
  create_from_template: { args: { template: string }; returns: DocumentState | null };
  export_settings: { args: undefined; returns: ExportOptions };
  export_preview: { args: { mapId: string; options: ExportOptions }; returns: ExportPreview };
  export_start: { args: { mapId: string; options: ExportOptions; path: string }; returns: number };
  export_cancel: { args: { jobId: number }; returns: void };
  choose_export_path: { args: { format: ExportFormat; suggestedName: string }; returns: string | null };
  reveal_in_folder: { args: { path: string }; returns: void };
  import_file: { args: { path: string }; returns: ImportResult };
  strategy_report: { args: undefined; returns: StrategyReport };
  preview_performance_csv: { args: { path: string }; returns: PerformanceImport };
  import_performance_csv: { args: { path: string }; returns: DocumentState };
  set_persona_photo: { args: { personaId: string; path: string }; returns: DocumentState };
  choose_input_file: { args: { kind: string }; returns: string | null };
  map_views: { args: undefined; returns: { [key in string]: MapView } };
  remember_map_view: { args: { path: string; mapId: string; view: MapView }; returns: void };
  set_presenting: { args: { on: boolean }; returns: void };
  presentation_scene: { args: { mapId: string; forOutsiders: boolean }; returns: Scene };
  open_audience_window: { args: undefined; returns: string };
  present_step: { args: { step: PresentationStep }; returns: void };
  presentation_state: { args: undefined; returns: PresentationStep | null };
  close_audience_window: { args: undefined; returns: void };
  vote_results: { args: { mapId: string; roundId: string }; returns: VoteResults };
  export_vote_results_csv: { args: { roundId: string; path: string }; returns: void };
  export_workshop_summary: { args: { mapId: string; path: string }; returns: void };
  choose_summary_path: { args: { suggestedName: string }; returns: string | null };
}

export type CommandName = keyof Commands;

/** Sends a command and answers what it answers (`ipc.ts` gives one that rejects with an AppError). */
export type Invoke = <C extends CommandName>(command: C, args: Commands[C]['args']) => Promise<Commands[C]['returns']>;

/** One function per command, its arguments in the Rust function's order. */
export function bindCommands(invoke: Invoke) {
  return {
    documentState: (): Promise<DocumentState> => invoke('document_state', undefined),
    mapScene: (mapId: string): Promise<Scene> => invoke('map_scene', { mapId }),
    mapSceneUpdate: (mapId: string, knownRevision?: number | null): Promise<SceneUpdate> => invoke('map_scene_update', { mapId, knownRevision }),
    mapData: (mapId: string): Promise<Map> => invoke('map_data', { mapId }),
    roster: (): Promise<Roster> => invoke('roster', undefined),
    applyEdit: (edit: Edit, mapId?: string | null, knownRevision?: number | null): Promise<AppliedEdit> => invoke('apply_edit', { edit, mapId, knownRevision }),
    undo: (): Promise<DocumentState> => invoke('undo', undefined),
    redo: (): Promise<DocumentState> => invoke('redo', undefined),
    takeStartupMessages: (): Promise<Array<AppError>> => invoke('take_startup_messages', undefined),
    showOpenDialog: (): Promise<DocumentState | null> => invoke('show_open_dialog', undefined),
    showSaveAsDialog: (): Promise<DocumentState | null> => invoke('show_save_as_dialog', undefined),
    templateGallery: (): Promise<Array<TemplateCard>> => invoke('template_gallery', undefined),
    createFromTemplate: (template: string): Promise<DocumentState | null> => invoke('create_from_template', { template }),
    exportSettings: (): Promise<ExportOptions> => invoke('export_settings', undefined),
    exportPreview: (mapId: string, options: ExportOptions): Promise<ExportPreview> => invoke('export_preview', { mapId, options }),
    exportStart: (mapId: string, options: ExportOptions, path: string): Promise<number> => invoke('export_start', { mapId, options, path }),
    exportCancel: (jobId: number): Promise<void> => invoke('export_cancel', { jobId }),
    chooseExportPath: (format: ExportFormat, suggestedName: string): Promise<string | null> => invoke('choose_export_path', { format, suggestedName }),
    revealInFolder: (path: string): Promise<void> => invoke('reveal_in_folder', { path }),
    importFile: (path: string): Promise<ImportResult> => invoke('import_file', { path }),
    strategyReport: (): Promise<StrategyReport> => invoke('strategy_report', undefined),
    previewPerformanceCsv: (path: string): Promise<PerformanceImport> => invoke('preview_performance_csv', { path }),
    importPerformanceCsv: (path: string): Promise<DocumentState> => invoke('import_performance_csv', { path }),
    setPersonaPhoto: (personaId: string, path: string): Promise<DocumentState> => invoke('set_persona_photo', { personaId, path }),
    chooseInputFile: (kind: string): Promise<string | null> => invoke('choose_input_file', { kind }),
    mapViews: (): Promise<{ [key in string]: MapView }> => invoke('map_views', undefined),
    rememberMapView: (path: string, mapId: string, view: MapView): Promise<void> => invoke('remember_map_view', { path, mapId, view }),
    setPresenting: (on: boolean): Promise<void> => invoke('set_presenting', { on }),
    presentationScene: (mapId: string, forOutsiders: boolean): Promise<Scene> => invoke('presentation_scene', { mapId, forOutsiders }),
    openAudienceWindow: (): Promise<string> => invoke('open_audience_window', undefined),
    presentStep: (step: PresentationStep): Promise<void> => invoke('present_step', { step }),
    presentationState: (): Promise<PresentationStep | null> => invoke('presentation_state', undefined),
    closeAudienceWindow: (): Promise<void> => invoke('close_audience_window', undefined),
    voteResults: (mapId: string, roundId: string): Promise<VoteResults> => invoke('vote_results', { mapId, roundId }),
    exportVoteResultsCsv: (roundId: string, path: string): Promise<void> => invoke('export_vote_results_csv', { roundId, path }),
    exportWorkshopSummary: (mapId: string, path: string): Promise<void> => invoke('export_workshop_summary', { mapId, path }),
    chooseSummaryPath: (suggestedName: string): Promise<string | null> => invoke('choose_summary_path', { suggestedName }),
  };
}

/** Every event the shell sends, by name, with its payload. */
export interface Events {
  'document-changed': DocumentState;
  'app-error': AppError;
  'export-progress': ExportProgress;
  'export-finished': ExportFinished;
  'map-imported': ImportResult;
  'open-export-dialog': void;
  'open-template-gallery': void;
  'open-workshop-summary': void;
  'open-workshop': void;
  'presentation-step': PresentationStep;
}

export type EventName = keyof Events;

/** The events' names. */
export const EVENTS = {
  documentChanged: 'document-changed',
  appError: 'app-error',
  exportProgress: 'export-progress',
  exportFinished: 'export-finished',
  mapImported: 'map-imported',
  openExportDialog: 'open-export-dialog',
  openTemplateGallery: 'open-template-gallery',
  openWorkshopSummary: 'open-workshop-summary',
  openWorkshop: 'open-workshop',
  presentationStep: 'presentation-step',
} as const satisfies Record<string, EventName>;
