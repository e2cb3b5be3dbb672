import { afterEach, describe, expect, it } from 'vitest';
import { DARK_QUERY, THEME_STORAGE_KEY, ThemeStore, type ThemeEnv } from './theme.svelte';

/** A matchMedia whose answer to the dark query can be flipped, like the system's. */
function fakeMedia(dark: boolean) {
  const listeners = new Set<(e: MediaQueryListEvent) => void>();
  const queries: string[] = [];
  const list = {
    get matches() {
      return dark;
    },
    media: DARK_QUERY,
    addEventListener: (_: string, fn: (e: MediaQueryListEvent) => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: (e: MediaQueryListEvent) => void) => listeners.delete(fn),
  } as unknown as MediaQueryList;
  return {
    queries,
    listeners,
    matchMedia: (query: string) => {
      queries.push(query);
      return list;
    },
    set(next: boolean) {
      dark = next;
      for (const fn of listeners) fn({ matches: next } as MediaQueryListEvent);
    },
  };
}

function fakeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

const stores: ThemeStore[] = [];
function store(env: ThemeEnv): ThemeStore {
  const s = new ThemeStore(env);
  stores.push(s);
  return s;
}

afterEach(() => {
  for (const s of stores.splice(0)) s.dispose();
});

describe('ThemeStore', () => {
  it('follows the system by default, live', () => {
    const media = fakeMedia(true);
    const root = document.createElement('html');
    const theme = store({ matchMedia: media.matchMedia, storage: fakeStorage(), root });

    expect(media.queries).toEqual(['(prefers-color-scheme: dark)']);
    expect(theme.setting).toBe('system');
    expect(theme.resolved).toBe('dark');
    expect(root.dataset.theme).toBe('dark');

    media.set(false);
    expect(theme.resolved).toBe('light');
    expect(root.dataset.theme).toBe('light');
  });

  it('lets a choice override the system and remembers it', () => {
    const media = fakeMedia(true);
    const storage = fakeStorage();
    const root = document.createElement('html');
    const theme = store({ matchMedia: media.matchMedia, storage, root });

    theme.set('light');
    expect(theme.resolved).toBe('light');
    expect(root.dataset.theme).toBe('light');
    expect(storage.data.get(THEME_STORAGE_KEY)).toBe('light');
    media.set(true); // the system changing does not undo the choice
    expect(theme.resolved).toBe('light');

    // The next start begins with the remembered choice.
    const next = store({ matchMedia: fakeMedia(true).matchMedia, storage, root: document.createElement('html') });
    expect(next.setting).toBe('light');
    expect(next.resolved).toBe('light');

    theme.set('system');
    expect(theme.resolved).toBe('dark');
    expect(storage.data.get(THEME_STORAGE_KEY)).toBe('system');
  });

  it('picks dark on a light system', () => {
    const theme = store({ matchMedia: fakeMedia(false).matchMedia, storage: fakeStorage({ [THEME_STORAGE_KEY]: 'dark' }) });
    expect(theme.resolved).toBe('dark');
  });

  it('ignores a stored value it does not know and storage that fails', () => {
    expect(store({ storage: fakeStorage({ [THEME_STORAGE_KEY]: 'sepia' }) }).setting).toBe('system');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const theme = store({ storage: broken, matchMedia: null });
    expect(theme.resolved).toBe('light');
    theme.set('dark');
    expect(theme.resolved).toBe('dark');
  });

  it('stops following the system once disposed', () => {
    const media = fakeMedia(false);
    const theme = new ThemeStore({ matchMedia: media.matchMedia });
    theme.dispose();
    expect(media.listeners.size).toBe(0);
  });
});
