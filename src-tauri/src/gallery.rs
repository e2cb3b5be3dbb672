//! File › New's template gallery: a card per template (title, description, counts and a
//! thumbnail of its first map), and creating a document from the one chosen.
//!
//! The thumbnails are the render crate's export preview of each template's first map (its
//! Scene → SVG → resvg, the map alone), so the gallery shows what the new document will
//! look like. Templates
//! are compiled in, so the cards are made once per run and kept.

use std::path::Path;
use std::sync::OnceLock;

use base64::Engine;
use serde::{Deserialize, Serialize};
use tauri::{Runtime, WebviewWindow};
use ts_rs::TS;
use waymark_model::Document;
use waymark_render::export::{
    info_for, preview, Background, ExportFormat, ExportOptions, PaperSize,
};
use waymark_render::{Layouter, Scene};

use crate::error::AppError;
use crate::state::{lock, DocumentExt, DocumentState};
use crate::{actions, dialogs, templates};

/// The thumbnail's longer side in CSS pixels (the gallery fits it into its frame).
pub const THUMBNAIL_SIZE: u32 = 320;
/// Device pixels per CSS pixel in the PNG, so the thumbnail stays sharp on HiDPI screens.
pub const THUMBNAIL_SCALE: u32 = 2;

/// One template as the gallery shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateCard {
    /// What `create_from_template` (and `waymark new --template`) takes.
    pub name: String,
    /// The short display name.
    pub title: String,
    pub description: String,
    /// Of the first map, which the thumbnail shows.
    pub stage_count: u32,
    pub lane_count: u32,
    /// Over every map of the template.
    pub card_count: u32,
    pub map_count: u32,
    /// `data:image/png;base64,…`: the first map, `THUMBNAIL_SCALE` pixels per CSS pixel.
    pub thumbnail: String,
    /// The thumbnail's size in CSS pixels (its longer side is `THUMBNAIL_SIZE`).
    pub thumbnail_width: u32,
    pub thumbnail_height: u32,
}

/// Every template, in the order File › New shows them (the blank one first).
#[tauri::command]
pub async fn template_gallery<R: Runtime>(
    window: WebviewWindow<R>,
) -> Result<Vec<TemplateCard>, AppError> {
    static CARDS: OnceLock<Vec<TemplateCard>> = OnceLock::new();
    if let Some(cards) = CARDS.get() {
        return Ok(cards.clone());
    }
    let document = window.document();
    let cards = tauri::async_runtime::spawn_blocking(move || {
        // The window's layouter: its fonts are already loaded. Held per template only.
        cards(&mut || lock(&document.layouter))
    })
    .await
    .map_err(|e| AppError::Export(e.to_string()))??;
    Ok(CARDS.get_or_init(|| cards).clone())
}

/// Asks where to save (the native Save dialog), then creates the document there from
/// `template` and opens it; `None` if the user cancelled. An unknown template is refused
/// before the dialog shows.
#[tauri::command]
pub async fn create_from_template<R: Runtime>(
    window: WebviewWindow<R>,
    template: String,
) -> Result<Option<DocumentState>, AppError> {
    let title = templates::find(&template)?.title;
    match dialogs::new_document_path(&window, title).await {
        Some(path) => create_at(&window, &path, &template).map(Some),
        None => Ok(None),
    }
}

/// Creates the document at `path` from `template` and shows it in `window` in place of
/// its document, listed in Open Recent, as File › New does for the blank template.
pub fn create_at<R: Runtime>(
    window: &WebviewWindow<R>,
    path: &Path,
    template: &str,
) -> Result<DocumentState, AppError> {
    actions::create(window, path, template)
}

/// The gallery's cards, laying each template out with the layouter `layouter` hands out.
pub fn cards<L: std::ops::DerefMut<Target = Layouter>>(
    layouter: &mut dyn FnMut() -> L,
) -> Result<Vec<TemplateCard>, AppError> {
    templates::TEMPLATES
        .iter()
        .map(|t| {
            let fail = |message: String| AppError::Template {
                name: t.name.to_string(),
                message,
            };
            let doc = templates::template(t.name)?;
            let map = doc.maps.first().ok_or_else(|| fail("has no map".into()))?;
            let scene = layouter().layout(&doc, &map.id)?;
            let (png, width, height) = thumbnail(&doc, &scene).map_err(fail)?;
            Ok(TemplateCard {
                name: t.name.to_string(),
                title: t.title.to_string(),
                description: t.description.to_string(),
                stage_count: map.stages.len() as u32,
                lane_count: map.lanes.len() as u32,
                card_count: doc.maps.iter().map(|m| m.cards.len() as u32).sum(),
                map_count: doc.maps.len() as u32,
                thumbnail: format!(
                    "data:image/png;base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(&png)
                ),
                thumbnail_width: width.div_ceil(THUMBNAIL_SCALE),
                thumbnail_height: height.div_ceil(THUMBNAIL_SCALE),
            })
        })
        .collect()
}

/// The map alone (no title block, legend or margin) drawn as its PNG export would be,
/// `THUMBNAIL_SIZE × THUMBNAIL_SCALE` pixels on its longer side; answers the PNG and its
/// size in pixels.
pub fn thumbnail(doc: &Document, scene: &Scene) -> Result<(Vec<u8>, u32, u32), String> {
    let options = ExportOptions {
        format: ExportFormat::Png,
        page: PaperSize::Fit,
        margin_mm: 0.0,
        background: Background::White,
        title_block: false,
        legend: false,
        ..ExportOptions::default()
    };
    let info = info_for(doc, scene, "", "");
    let shown = preview(
        doc,
        scene,
        &options,
        &info,
        THUMBNAIL_SIZE * THUMBNAIL_SCALE,
    )
    .map_err(|e| e.to_string())?;
    // The size as written in the PNG's header (IHDR: width, height after the signature).
    let header = |at: usize| {
        shown
            .png
            .get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    match (header(16), header(20)) {
        (Some(w), Some(h)) => Ok((shown.png, w, h)),
        _ => Err("the thumbnail is not a PNG".into()),
    }
}
