# Installs what Waymark needs on Debian/Ubuntu, skipping whatever is already there.
# Sourced by scripts/start and scripts/test; safe to run again and again.

set -euo pipefail

WAYMARK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else echo "error: installing system packages needs root or sudo: $*" >&2; exit 1
    fi
}

# Debian packages: the WebKitGTK stack the window needs, plus (for tests) Xvfb, the
# WebKit WebDriver, poppler and sqlite3, and what scripts/check-package checks the .deb
# and .rpm with (dpkg-deb is in dpkg; rpm and rpm2cpio read and unpack the .rpm;
# `mimetype` is what xdg-mime asks outside a desktop session).
APP_PACKAGES=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libssl-dev build-essential pkg-config file curl
    shared-mime-info)
TEST_PACKAGES=(webkit2gtk-driver xvfb xauth poppler-utils sqlite3 xdotool dbus-daemon
    desktop-file-utils libxml2-utils xdg-utils libfile-mimeinfo-perl rpm rpm2cpio)

ensure_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "Installing Debian packages: ${missing[*]}"
        as_root apt-get update -q
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "${missing[@]}"
    fi
}

ensure_rust() {
    if ! command -v cargo >/dev/null; then
        say "Installing Rust with rustup"
        curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt
    fi
    local v; v="$(rustc --version | awk '{print $2}')"
    if [ "$(printf '%s\n1.85.0\n' "$v" | sort -V | head -1)" != "1.85.0" ]; then
        echo "error: Waymark needs Rust 1.85 or newer (found $v); run: rustup update stable" >&2; exit 1
    fi
}

ensure_node() {
    if ! command -v npm >/dev/null; then
        say "Installing Node.js and npm"
        ensure_packages nodejs npm
    fi
    local v; v="$(node --version | tr -d v)"
    if [ "$(printf '%s\n20.19.0\n' "$v" | sort -V | head -1)" != "20.19.0" ]; then
        echo "error: Waymark's UI build needs Node.js 20.19 or newer (found $v)" >&2; exit 1
    fi
}

# npm ci only when the lock file changed since the last install.
ensure_ui_deps() {
    local stamp="$WAYMARK_ROOT/ui/node_modules/.waymark-lock"
    if [ ! -f "$stamp" ] || ! cmp -s "$WAYMARK_ROOT/ui/package-lock.json" "$stamp"; then
        say "Installing the UI's npm packages"
        (cd "$WAYMARK_ROOT/ui" && npm ci --no-audit --no-fund)
        cp "$WAYMARK_ROOT/ui/package-lock.json" "$stamp"
    fi
}

build_ui() {
    say "Building the UI"
    (cd "$WAYMARK_ROOT/ui" && npm run --silent build)
}

ensure_tauri_driver() {
    if ! tauri-driver --help >/dev/null 2>&1 || [ "$(cargo install --list | grep -c '^tauri-driver v2.1.0:')" = 0 ]; then
        say "Installing tauri-driver 2.1.0"
        cargo install tauri-driver --version 2.1.0 --locked
    fi
}

# cargo-fuzz, for scripts/fuzz only (libFuzzer itself comes with its libfuzzer-sys crate).
ensure_cargo_fuzz() {
    if ! cargo fuzz --version >/dev/null 2>&1; then
        say "Installing cargo-fuzz"
        cargo install cargo-fuzz --locked
    fi
}
