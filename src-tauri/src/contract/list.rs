// The one list of what the window may call and hear. Everything else is made from it:
// the command handler (`app.rs`), the permissions (`build.rs`), the capability and the
// TypeScript contract (`bindings.rs`), the typed event senders (`contract::emit`). A
// command's entry is checked against its Rust function when the app is compiled (the
// types) and by the bindings test (the argument names); see `contract/mod.rs`.
//
// Arguments are written as in the Rust function, without the window Tauri passes;
// the window sends them in camelCase. Each command answers `Result<answer, AppError>`.
waymark_contract! {
    commands {
        commands::document_state() -> DocumentState;
        commands::map_scene(map_id: String) -> Scene;
        commands::map_scene_update(map_id: String, known_revision: Option<u64>) -> SceneUpdate;
        commands::map_data(map_id: String) -> Map;
        commands::roster() -> Roster;
        commands::apply_edit(edit: Edit, map_id: Option<String>, known_revision: Option<u64>) -> AppliedEdit;
        commands::undo() -> DocumentState;
        commands::redo() -> DocumentState;
        commands::take_startup_messages() -> Vec<ErrorPayload>;
        commands::show_open_dialog() -> Option<DocumentState>;
        commands::show_save_as_dialog() -> Option<DocumentState>;
        gallery::template_gallery() -> Vec<TemplateCard>;
        gallery::create_from_template(template: String) -> Option<DocumentState>;
        export::commands::export_settings() -> ExportOptions;
        export::commands::export_preview(map_id: String, options: ExportOptions) -> ExportPreview;
        export::commands::export_start(map_id: String, options: ExportOptions, path: String) -> u32;
        export::commands::export_cancel(job_id: u32) -> ();
        export::commands::choose_export_path(format: ExportFormat, suggested_name: String) -> Option<String>;
        export::commands::reveal_in_folder(path: String) -> ();
        export::commands::import_file(path: String) -> ImportResult;
        plan::strategy_report() -> StrategyReport;
        plan::preview_performance_csv(path: String) -> PerformanceImport;
        plan::import_performance_csv(path: String) -> DocumentState;
        plan::set_persona_photo(persona_id: String, path: String) -> DocumentState;
        plan::choose_input_file(kind: String) -> Option<String>;
        views::map_views() -> BTreeMap<String, MapView>;
        views::remember_map_view(path: String, map_id: String, view: MapView) -> ();
        present::set_presenting(on: bool) -> ();
        present::presentation_scene(map_id: String, for_outsiders: bool) -> Scene;
        present::open_audience_window() -> String;
        present::present_step(step: PresentationStep) -> ();
        present::presentation_state() -> Option<PresentationStep>;
        present::close_audience_window() -> ();
        workshop::vote_results(map_id: String, round_id: String) -> VoteResults;
        workshop::export_vote_results_csv(round_id: String, path: String) -> ();
        export::summary::export_workshop_summary(map_id: String, path: String) -> ();
        export::summary::choose_summary_path(suggested_name: String) -> Option<String>;
    }
    events {
        // The native menu changed the document (Open, New, Save As, Undo, Redo).
        document_changed = "document-changed": DocumentState;
        // A problem outside of a command's answer (a menu action that failed).
        app_error = "app-error": ErrorPayload;
        // How far a running export is.
        export_progress = "export-progress": ExportProgress;
        // Sent once when an export ends, whichever way.
        export_finished = "export-finished": ExportFinished;
        // File > Open or Import Map… in the native menu added a map.
        map_imported = "map-imported": ImportResult;
        // File > Export… in the native menu: the window opens its Export dialog.
        open_export_dialog = "open-export-dialog": ();
        // File › New in the native menu: the window opens its template gallery.
        open_template_gallery = "open-template-gallery": ();
        // File › Export Workshop Summary… in the native menu: the window exports its map's.
        open_workshop_summary = "open-workshop-summary": ();
        // View › Workshop in the native menu: the window shows its Workshop view.
        open_workshop = "open-workshop": ();
        // Presenting: the operator moved (step, for-outsiders switch, timer); sent to the
        // audience's window only.
        presentation_step = "presentation-step": PresentationStep;
    }
}
