//! The drawing's constants shared by the exports and the canvas: the map's colours, how
//! each connector kind is stroked, the arrowhead. They are defined here only; the UI gets
//! them generated (`ui/src/lib/generated/drawing.ts`, written by the app's bindings), so
//! the screen and every export draw alike.

use waymark_model::ConnectorKind;

/// The map's own colours (light theme).
pub mod colors {
    pub const PAPER: &str = "#ffffff";
    pub const BAND_EVEN: &str = "#ffffff";
    pub const BAND_ODD: &str = "#f6f7f9";
    pub const GUTTER: &str = "#f1f3f5";
    pub const HEADER: &str = "#fbfbfc";
    pub const GRID: &str = "#e3e6ea";
    pub const GRID_STRONG: &str = "#cfd4da";
    pub const TEXT: &str = "#1f2328";
    pub const TEXT_MUTED: &str = "#4b5563";
    pub const TEXT_FAINT: &str = "#8a919c";
    pub const HALO: &str = "#ffffff";
    /// Fallback for a colour in the Scene that is not `#rrggbb` (the palette's grey).
    pub const FALLBACK: &str = "#495057";
}

/// How a connector kind is stroked, and its name in the legend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConnectorStyle {
    pub label: &'static str,
    pub color: &'static str,
    pub width: f32,
    pub dash: Option<&'static str>,
    pub linecap: &'static str,
}

pub fn connector_style(kind: ConnectorKind) -> ConnectorStyle {
    match kind {
        ConnectorKind::Flow => ConnectorStyle {
            label: "Flow",
            color: "#5c6470",
            width: 1.75,
            dash: None,
            linecap: "round",
        },
        ConnectorKind::LoopBack => ConnectorStyle {
            label: "Loop-back",
            color: "#d9480f",
            width: 2.0,
            dash: None,
            linecap: "round",
        },
        ConnectorKind::WordOfMouth => ConnectorStyle {
            label: "Word of mouth",
            color: "#7048e8",
            width: 2.0,
            dash: Some("8 5"),
            linecap: "butt",
        },
        ConnectorKind::HandOff => ConnectorStyle {
            label: "Hand-off",
            color: "#0c8599",
            width: 2.25,
            dash: Some("0.1 5"),
            linecap: "round",
        },
    }
}

/// A rounded arrowhead pointing right with its tip at 0,0 (an SVG path).
pub const ARROWHEAD: &str = "M0,0 L-10,-5 L-8,0 L-10,5 Z";

/// Every connector kind, in the order the legend lists them.
pub const CONNECTOR_KINDS: [ConnectorKind; 4] = [
    ConnectorKind::Flow,
    ConnectorKind::LoopBack,
    ConnectorKind::WordOfMouth,
    ConnectorKind::HandOff,
];

/// The map's colours by the name the UI gives them (`MAP_COLORS`).
pub const MAP_COLORS: [(&str, &str); 11] = [
    ("paper", colors::PAPER),
    ("bandEven", colors::BAND_EVEN),
    ("bandOdd", colors::BAND_ODD),
    ("gutter", colors::GUTTER),
    ("header", colors::HEADER),
    ("grid", colors::GRID),
    ("gridStrong", colors::GRID_STRONG),
    ("text", colors::TEXT),
    ("textMuted", colors::TEXT_MUTED),
    ("textFaint", colors::TEXT_FAINT),
    ("halo", colors::HALO),
];
