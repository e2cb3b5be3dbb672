//! How WebKitGTK paints the window on Linux.
//!
//! WebKitGTK composites the page with OpenGL. Without a GPU (no DRM render node: virtual
//! machines, remote desktops, Xvfb) that GL is Mesa's software rasteriser, and every frame
//! is drawn twice on the CPU: painted, then composited. On a 2,000-card map that made a
//! drag's frames 24–37 ms (p50) where painting straight into the window takes 9–11 ms, and
//! the first paint 2–3 s instead of 0.9 s (docs/BENCHMARKS.md). So without a render node
//! the app asks WebKit to paint without compositing. A value the user set for
//! `WEBKIT_DISABLE_COMPOSITING_MODE` (even `0`) is left as it is.
//!
//! Painting without compositing, the window itself needs no OpenGL either, yet GTK opens
//! GLX when it connects to the display, which loads Mesa's software driver (and LLVM with
//! it) before the window can be built. So in that case the app also sets `GDK_GL=disable`,
//! unless the user set `GDK_GL`: the start-up is shorter (docs/BENCHMARKS.md, cold start).

/// The variable WebKitGTK reads when its UI process starts.
pub const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// The variable GTK 3 reads for its OpenGL options when it opens the display.
pub const GDK_GL: &str = "GDK_GL";

/// Whether to keep GTK from opening OpenGL for the window: only when the page is painted
/// without compositing because the app chose so, and the user has not set `GDK_GL`.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn window_without_gl(painting_without_compositing: bool, user_choice: Option<&str>) -> bool {
    painting_without_compositing && user_choice.is_none()
}

/// Whether to paint without compositing: only when the machine has no GPU render node
/// and the user has not chosen either way.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn paint_without_compositing(has_render_node: bool, user_choice: Option<&str>) -> bool {
    user_choice.is_none() && !has_render_node
}

/// True when `/dev/dri` holds a render node (`renderD128`, …), i.e. a GPU Mesa can use.
#[cfg(target_os = "linux")]
fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// Chooses the painting mode. Call before the window (or any thread) is started: it may
/// set an environment variable.
pub fn choose() {
    #[cfg(target_os = "linux")]
    {
        let user = std::env::var(DISABLE_COMPOSITING).ok();
        let without_compositing = paint_without_compositing(has_render_node(), user.as_deref());
        if without_compositing {
            std::env::set_var(DISABLE_COMPOSITING, "1");
        }
        if window_without_gl(without_compositing, std::env::var(GDK_GL).ok().as_deref()) {
            std::env::set_var(GDK_GL, "disable");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{paint_without_compositing, window_without_gl};

    #[test]
    fn without_a_gpu_the_page_is_painted_without_compositing() {
        assert!(paint_without_compositing(false, None));
    }

    #[test]
    fn with_a_gpu_webkit_composites_as_usual() {
        assert!(!paint_without_compositing(true, None));
    }

    #[test]
    fn the_users_own_setting_wins_either_way() {
        assert!(!paint_without_compositing(false, Some("0")));
        assert!(!paint_without_compositing(true, Some("1")));
    }

    #[test]
    fn painting_without_compositing_the_window_opens_no_gl() {
        assert!(window_without_gl(true, None));
    }

    #[test]
    fn composited_the_window_keeps_gtks_gl() {
        // With a GPU, or the user's `WEBKIT_DISABLE_COMPOSITING_MODE`, WebKit may need it.
        assert!(!window_without_gl(false, None));
    }

    #[test]
    fn the_users_gdk_gl_is_left_as_it_is() {
        assert!(!window_without_gl(true, Some("")));
        assert!(!window_without_gl(true, Some("always")));
    }
}
