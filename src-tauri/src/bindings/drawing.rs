//! `ui/src/lib/generated/drawing.ts`: the drawing's constants defined once in the render
//! crate (connector strokes, the map's colours, the arrowhead, paper sizes, export
//! limits), so the canvas and the Export dialog cannot drift from the exports.

use std::fmt::Write;

use waymark_render::export::{
    connector_style, ARROWHEAD, CONNECTOR_KINDS, DPI, KIT_POSTER, MAP_COLORS, MARGIN_MM,
    PAPER_SIZES, TILE_OVERLAP_MM,
};

/// Where the generated file lives, relative to the repository root.
pub const PATH: &str = "ui/src/lib/generated/drawing.ts";

/// The whole generated file.
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from the render crate's constants (export/style.rs, export/options.rs, export/page.rs)\n\
         // by src-tauri/src/bindings/drawing.rs. Do not edit by hand: run\n\
         // `UPDATE_BINDINGS=1 cargo test --test tests bindings` after changing them.\n\n\
         import type { ConnectorKind, PaperSize } from './types';\n\n",
    );
    out.push_str(
        "/** How a connector kind is stroked, and its name in the legend. */\n\
         export interface ConnectorStyle {\n  label: string;\n  color: string;\n  width: number;\n  \
         /** SVG stroke-dasharray, or undefined for a solid line. */\n  dash: string | undefined;\n  \
         linecap: 'butt' | 'round';\n}\n\n\
         export const CONNECTOR_STYLES: Record<ConnectorKind, ConnectorStyle> = {\n",
    );
    for kind in CONNECTOR_KINDS {
        let s = connector_style(kind);
        let dash = s.dash.map_or("undefined".to_string(), quote);
        let _ = writeln!(
            out,
            "  {}: {{ label: {}, color: {}, width: {}, dash: {dash}, linecap: {} }},",
            serde_json::to_value(kind)
                .expect("a kind's name")
                .as_str()
                .expect("a string"),
            quote(s.label),
            quote(s.color),
            s.width,
            quote(s.linecap)
        );
    }
    out.push_str("};\n\n/** The map's own colours (light theme; `theme.ts` maps them for dark). */\nexport const MAP_COLORS = {\n");
    for (name, color) in MAP_COLORS {
        let _ = writeln!(out, "  {name}: {},", quote(color));
    }
    out.push_str("} as const;\n\n");
    let _ = writeln!(
        out,
        "/** A rounded arrowhead pointing right with its tip at 0,0. */\nexport const ARROWHEAD = {};\n",
        quote(ARROWHEAD)
    );
    out.push_str(
        "export interface PaperInfo {\n  id: PaperSize;\n  label: string;\n  \
         /** Portrait width × height in millimetres; null for Fit to content. */\n  \
         mm: [number, number] | null;\n  \
         /** Sizes people know in inches (US Letter, Tabloid) are labelled in inches. */\n  \
         inches: boolean;\n}\n\n\
         /** Every paper size, in the order the Export dialog offers them. */\n\
         export const PAPERS: readonly PaperInfo[] = [\n",
    );
    for p in PAPER_SIZES {
        let mm = p
            .portrait_mm
            .map_or("null".to_string(), |(w, h)| format!("[{w}, {h}]"));
        let _ = writeln!(
            out,
            "  {{ id: {}, label: {}, mm: {mm}, inches: {} }},",
            serde_json::to_string(&p.size)
                .expect("a size's name")
                .replace('"', "'"),
            quote(p.label),
            p.inches
        );
    }
    out.push_str("];\n\n/** What an export accepts (the backend refuses anything else). */\n");
    let _ = writeln!(out, "export const DPI_MIN = {};", DPI.0);
    let _ = writeln!(out, "export const DPI_MAX = {};", DPI.1);
    let _ = writeln!(out, "export const MARGIN_MAX_MM = {};", MARGIN_MM.1);
    let _ = writeln!(out, "export const OVERLAP_MAX_MM = {};", TILE_OVERLAP_MM.1);
    out.push_str("\n/** The kickoff kit's poster when the page would be fitted to the map. */\n");
    let poster = serde_json::to_value(KIT_POSTER).expect("a paper size serializes");
    let _ = writeln!(
        out,
        "export const KIT_POSTER: PaperSize = {};",
        quote(poster.as_str().unwrap_or("a1"))
    );
    out
}

/// A TypeScript string literal.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}
