// The window's theme: the user's choice (System, Light, Dark), remembered in localStorage,
// resolved against the system's colour scheme and shown as `data-theme` on <html> (the
// chrome's CSS variables follow it). The canvas reads `theme.resolved` to map its colours.

import type { Theme } from './theme';

export type ThemeSetting = 'system' | 'light' | 'dark';

export const THEME_SETTINGS: readonly ThemeSetting[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'waymark.theme';
export const DARK_QUERY = '(prefers-color-scheme: dark)';

export interface ThemeEnv {
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  matchMedia?: ((query: string) => MediaQueryList) | null;
  root?: HTMLElement | null;
}

const isSetting = (value: unknown): value is ThemeSetting =>
  typeof value === 'string' && (THEME_SETTINGS as readonly string[]).includes(value);

export class ThemeStore {
  setting = $state<ThemeSetting>('system');
  /** Whether the system asks for dark (followed live). */
  systemDark = $state(false);
  /** The theme in effect. */
  readonly resolved: Theme = $derived(
    this.setting === 'system' ? (this.systemDark ? 'dark' : 'light') : this.setting,
  );

  readonly #storage: ThemeEnv['storage'];
  readonly #root: HTMLElement | null;
  readonly #media: MediaQueryList | null;
  readonly #onchange = (event: MediaQueryListEvent) => {
    this.systemDark = event.matches;
    this.#apply();
  };

  constructor(env: ThemeEnv = {}) {
    this.#storage = env.storage ?? null;
    this.#root = env.root ?? null;
    try {
      const stored = this.#storage?.getItem(THEME_STORAGE_KEY);
      if (isSetting(stored)) this.setting = stored;
    } catch {
      // Storage can be unavailable; the default stands.
    }
    this.#media = env.matchMedia?.(DARK_QUERY) ?? null;
    this.systemDark = this.#media?.matches ?? false;
    this.#media?.addEventListener?.('change', this.#onchange);
    this.#apply();
  }

  /** Chooses a theme and remembers it. */
  set(setting: ThemeSetting): void {
    if (!isSetting(setting)) return;
    this.setting = setting;
    try {
      this.#storage?.setItem(THEME_STORAGE_KEY, setting);
    } catch {
      // Not remembered, but still applied.
    }
    this.#apply();
  }

  /** Stops following the system (tests). */
  dispose(): void {
    this.#media?.removeEventListener?.('change', this.#onchange);
  }

  #apply(): void {
    if (this.#root) this.#root.dataset.theme = this.resolved;
  }
}

function browserEnv(): ThemeEnv {
  if (typeof window === 'undefined') return {};
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  return {
    storage,
    matchMedia: typeof window.matchMedia === 'function' ? (q) => window.matchMedia(q) : null,
    root: document.documentElement,
  };
}

/** The app's theme. */
export const theme = new ThemeStore(browserEnv());
