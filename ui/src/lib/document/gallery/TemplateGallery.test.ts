// File › New's gallery mounted on its own, against a fake backend: every template shown
// with its thumbnail, the keyboard (arrows, Enter, Escape), and a document created through
// the DocumentStore as File › New does.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import TemplateGallery from './TemplateGallery.svelte';
import { DocumentStore } from '../state.svelte';
import { Toasts } from '../toasts.svelte';
import { XSS_TITLE, documentState, scene } from '../../../test/fixtures';
import type { DocumentState, TemplateCard } from '../../generated/types';

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const card = (name: string, title: string, cards: number, description = `What ${title} holds`): TemplateCard => ({
  name,
  title,
  description,
  stageCount: 5,
  laneCount: 5,
  cardCount: cards,
  mapCount: 1,
  thumbnail: `${PIXEL}#${name}`,
  thumbnailWidth: 320,
  thumbnailHeight: 130,
});

const TEMPLATES: TemplateCard[] = [
  card('blank', 'Blank journey', 0),
  card('classic-journey', 'Classic five-stage journey', 30),
  card('nonprofit-supporter', 'Non-profit supporter journey', 33),
  card('kickoff-workshop', 'Kickoff workshop board', 16),
  card('service-blueprint', XSS_TITLE, 20, '<img src=x onerror=alert(1)>'),
];

const CREATED: DocumentState = documentState({ path: '/home/ada/Kickoff.waymark', name: 'Kickoff', undoLabel: null });

interface Fake {
  calls: Array<[string, unknown]>;
}

/** `created`: what create_from_template answers (null: the Save dialog was cancelled). */
function backend(created: DocumentState | null = CREATED, gallery: unknown = TEMPLATES): Fake {
  const fake: Fake = { calls: [] };
  mockIPC((cmd, args) => {
    fake.calls.push([cmd, args]);
    switch (cmd) {
      case 'template_gallery':
        if (gallery instanceof Error) throw { kind: 'template', message: gallery.message };
        return gallery;
      case 'create_from_template':
        return created;
      case 'map_scene_update':
        return { kind: 'full', revision: 7, scene: scene() };
      default:
        throw { kind: 'unknown', message: `unexpected ${cmd}` };
    }
  });
  return fake;
}

let component: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  clearMocks();
});

function open(store = new DocumentStore(new Toasts())) {
  const onclose = vi.fn();
  const oncreate = vi.fn((template: string) => store.newDocument(template));
  component = mount(TemplateGallery, { target: document.body, props: { oncreate, onclose } });
  flushSync();
  return { store, onclose, oncreate };
}

const cards = () => [...document.querySelectorAll<HTMLButtonElement>('[data-testid="template-card"]')];

async function loaded(): Promise<HTMLButtonElement[]> {
  await vi.waitFor(() => expect(cards()).toHaveLength(TEMPLATES.length));
  await vi.waitFor(() => expect(document.activeElement).toBe(cards()[0]));
  return cards();
}

function key(k: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  (document.activeElement ?? document.body).dispatchEvent(event);
  flushSync();
  return event;
}

const selected = () => cards().find((c) => c.getAttribute('aria-selected') === 'true')?.dataset.template;

describe('the template gallery', () => {
  it('shows every template with its thumbnail, title, description and counts, the blank one first and focused', async () => {
    const fake = backend();
    open();
    const dialog = document.querySelector('[data-testid="template-gallery"]')!;
    expect(dialog.tagName).toBe('DIALOG');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toContain('New document');
    const shown = await loaded();
    expect(shown.map((c) => c.dataset.template)).toEqual(TEMPLATES.map((t) => t.name));
    expect(shown[0]!.textContent).toContain('Blank journey');
    expect(shown[0]!.textContent).toContain('5 stages · 5 lanes · no cards');
    expect(shown[3]!.textContent).toContain('Kickoff workshop board');
    expect(shown[3]!.textContent).toContain('16 cards');
    const thumbnails = [...document.querySelectorAll<HTMLImageElement>('[data-testid="template-thumbnail"]')];
    expect(thumbnails.map((img) => img.getAttribute('src'))).toEqual(TEMPLATES.map((t) => t.thumbnail));
    expect(thumbnails[0]!.getAttribute('width')).toBe('320');
    expect(selected()).toBe('blank');
    expect(shown.map((c) => c.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    expect(fake.calls.map(([cmd]) => cmd)).toEqual(['template_gallery']);
  });

  it('shows a template’s words as text, never as markup', async () => {
    backend();
    open();
    const shown = await loaded();
    expect(shown[4]!.querySelector('[data-testid="template-title"]')!.textContent).toBe(XSS_TITLE);
    expect(shown[4]!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelectorAll('img')).toHaveLength(TEMPLATES.length);
  });

  it('moves with the arrows and creates the chosen template with Enter, as File › New does', async () => {
    const fake = backend();
    const { store, onclose } = open();
    await loaded();
    key('ArrowRight');
    expect(selected()).toBe('classic-journey');
    expect(document.activeElement).toBe(cards()[1]);
    key('ArrowDown');
    expect(selected()).toBe('service-blueprint');
    key('ArrowLeft');
    expect(selected()).toBe('kickoff-workshop');
    expect(cards().map((c) => c.tabIndex)).toEqual([-1, -1, -1, 0, -1]);
    expect(fake.calls.map(([cmd]) => cmd)).toEqual(['template_gallery']);

    const enter = key('Enter');
    expect(enter.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(onclose).toHaveBeenCalledOnce());
    expect(fake.calls).toContainEqual(['create_from_template', { template: 'kickoff-workshop' }]);
    // The new document is the open one, its first map shown.
    expect(store.doc?.path).toBe('/home/ada/Kickoff.waymark');
    await vi.waitFor(() => expect(store.drawn?.scene.mapId).toBe('map-1'));
  });

  it('creates from the selected card with Create… and from a double-click', async () => {
    const fake = backend();
    const { oncreate, onclose } = open();
    const shown = await loaded();
    shown[2]!.click();
    flushSync();
    expect(selected()).toBe('nonprofit-supporter');
    (document.querySelector('[data-testid="gallery-create"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(onclose).toHaveBeenCalledOnce());
    expect(oncreate).toHaveBeenCalledWith('nonprofit-supporter');
    shown[1]!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await vi.waitFor(() => expect(oncreate).toHaveBeenLastCalledWith('classic-journey'));
    expect(fake.calls.filter(([cmd]) => cmd === 'create_from_template')).toHaveLength(2);
  });

  it('closes with Escape without asking the backend for anything but the templates', async () => {
    const fake = backend();
    const { onclose, oncreate } = open();
    await loaded();
    key('ArrowRight');
    const escape = key('Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(onclose).toHaveBeenCalledOnce();
    expect(oncreate).not.toHaveBeenCalled();
    expect(fake.calls.map(([cmd]) => cmd)).toEqual(['template_gallery']);
  });

  it('stays open on the same card when the Save dialog is cancelled', async () => {
    const fake = backend(null);
    const { store, onclose } = open();
    await loaded();
    key('End');
    key('Enter');
    expect((document.querySelector('[data-testid="gallery-create"]') as HTMLButtonElement).textContent).toContain('Creating…');
    await vi.waitFor(() => expect(fake.calls.map(([cmd]) => cmd)).toContain('create_from_template'));
    await vi.waitFor(() => expect((document.querySelector('[data-testid="gallery-create"]') as HTMLButtonElement).disabled).toBe(false));
    await vi.waitFor(() => expect(document.activeElement).toBe(cards()[4]));
    expect(selected()).toBe('service-blueprint');
    expect(onclose).not.toHaveBeenCalled();
    expect(store.doc).toBeNull();
  });

  it('says why when the templates cannot be shown', async () => {
    backend(CREATED, new Error('template "blank": broken'));
    open();
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="gallery-problem"]')?.textContent).toContain('template "blank": broken'),
    );
    expect((document.querySelector('[data-testid="gallery-create"]') as HTMLButtonElement).disabled).toBe(true);
  });
});
