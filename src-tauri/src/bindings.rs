//! Files generated from Rust so that the window and the shell share one contract:
//! `ui/src/lib/generated/types.ts` (every type that crosses IPC, by ts-rs),
//! `ui/src/lib/generated/commands.ts` (the commands and events of `contract/list.rs`, see
//! `bindings/contract.rs`), `ui/src/lib/generated/drawing.ts` (the drawing's constants,
//! see `bindings/drawing.rs`) and `src-tauri/capabilities/main.json` (the window's
//! permissions, see `bindings/capability.rs`). A test fails when a committed file is
//! stale; `UPDATE_BINDINGS=1 cargo test --test tests bindings` rewrites them.

pub mod capability;
pub mod contract;
pub mod drawing;

use ts_rs::{Config, TS};

/// Every generated file: its path from the repository root and its text.
pub fn generated() -> Vec<(&'static str, String)> {
    vec![
        (PATH, typescript()),
        (contract::PATH, contract::typescript(&config())),
        (capability::PATH, capability::json()),
        (drawing::PATH, drawing::typescript()),
    ]
}

/// How Rust types are written in TypeScript.
fn config() -> Config {
    // Revisions are u64 in Rust but stay far below 2^53: plain numbers in TypeScript.
    Config::new().with_large_int("number")
}

/// Where the generated file lives, relative to the repository root.
pub const PATH: &str = "ui/src/lib/generated/types.ts";

macro_rules! decls {
    ($cfg:expr; $($t:ty),* $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),*]
    };
}

/// The whole generated file.
pub fn typescript() -> String {
    use waymark_model::*;
    use waymark_render::*;
    let cfg = &config();
    let decls: Vec<String> = decls![cfg;
        Document, Map, MapProps, MapSummary, Stage, StageProps, LaneKind, Lane, LaneProps,
        CardFlags, Card, CardProps, Channel, ChannelProps, Persona, PersonaProps,
        ConnectorKind, Connector, ConnectorProps, EmotionPoint, Edit,
        MapPatch, StagePatch, LanePatch, CardPatch, CardFlagsPatch, CardPlanPatch,
        PassionDetailsPatch, VulnerabilityPatch, ConnectorPatch, ChannelPatch, ChannelPlanPatch,
        JobDescriptionPatch, PersonaPatch,
        Participant, ParticipantProps, ParticipantPatch, Eligibility, RoundState, Vote, VoteRound,
        VoteRoundProps, VoteRoundPatch, VoteRule, ParticipantCount, CardResult, VoteResultRow,
        VoteResults,
        Num, Ownership, Reach, Better, JobDescription, SmartGoal, GoalActual, MonthlyReview,
        ChannelPlan, Reading, Kpi, NoteKind, PassionNote, PassionDetails, Vulnerability,
        CardPlan, Rung, Photo,
        Status, SmartPart, GoalMonth, GoalReport, ChannelReport, KpiReport, PassionPointReport,
        HandOff, LoopReport, VulnerabilityReport, StrategyReport,
        PerformanceRow, PerformanceProblem, PerformanceImport,
        Scene, SceneFonts, TextLine, SceneStage, SceneLane, SceneCard, SceneChannelBadge,
        SceneAuthor, SceneConnector, SceneBounds, SceneEmotionLine, SceneEmotionPoint, SceneLadder, SceneRung, SceneLadderStep, SceneHeat,
        ListPatch<SceneCard>, ScenePatch,
        crate::state::DocumentState, crate::state::SceneUpdate, crate::error::ErrorPayload, crate::commands::Roster, crate::commands::AppliedEdit,
        export::ExportFormat, export::PaperSize, export::Orientation, export::Background,
        export::ExportOptions, crate::export::ExportProgress, crate::export::ExportOutcome,
        crate::export::ExportFinished, crate::export::ExportPreview, crate::export::ImportResult,
        crate::views::MapView, crate::gallery::TemplateCard,
        crate::present::PresentationStep, crate::present::PresentationTimer,
    ];
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand:\n\
         // run `UPDATE_BINDINGS=1 cargo test --test tests bindings` after changing a type.\n\n",
    );
    for d in decls {
        out.push_str(d.trim_end());
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
