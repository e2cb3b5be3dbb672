//! Drawing [`Op`]s onto a krilla surface: shapes as paths, text as glyph runs in the
//! embedded Inter (selectable, searchable; krilla subsets the font).

use krilla::geom::Point;
use krilla::paint::FillRule;
use krilla::surface::Surface;

use super::read::Op;

pub(super) fn draw(ops: &[Op], surface: &mut Surface) {
    for op in ops {
        match op {
            Op::Push(t) => surface.push_transform(t),
            Op::Clip(path) => surface.push_clip_path(path, &FillRule::NonZero),
            Op::Opacity(o) => surface.push_opacity(*o),
            Op::Pop => surface.pop(),
            Op::Shape { path, fill, stroke } => {
                surface.set_fill(fill.clone());
                surface.set_stroke(stroke.clone());
                surface.draw_path(path);
            }
            Op::Text {
                x,
                y,
                font,
                size,
                fill,
                stroke,
                glyphs,
                text,
            } => {
                surface.set_fill(fill.clone());
                surface.set_stroke(stroke.clone());
                surface.draw_glyphs(
                    Point::from_xy(*x, *y),
                    glyphs,
                    font.clone(),
                    text,
                    *size,
                    false,
                );
            }
        }
    }
}
