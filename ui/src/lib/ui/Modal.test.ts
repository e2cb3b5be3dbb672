// The kit's Modal on its own: a native modal <dialog>, Tab kept inside at its ends,
// Escape (or the browser's cancel) handed to the owner, and the focus given back.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRawSnippet, flushSync, mount, unmount } from 'svelte';
import Modal from './Modal.svelte';

let component: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
});

const content = createRawSnippet(() => ({
  render: () =>
    '<div><h2 id="t">Title</h2><button data-testid="first">First</button><input data-testid="middle" /><button data-testid="last">Last</button></div>',
}));

function open(onescape = vi.fn()): HTMLDialogElement {
  component = mount(Modal, {
    target: document.body,
    props: { labelledby: 't', width: '480px', onescape, children: content, 'data-testid': 'modal' },
  });
  flushSync();
  return document.querySelector<HTMLDialogElement>('[data-testid="modal"]')!;
}

const $ = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;

function key(target: Element, k: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  flushSync();
  return event;
}

describe('Modal', () => {
  it('opens as a native modal dialog, labelled by its title, with the focus inside', () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    const dialog = open();
    expect(dialog.tagName).toBe('DIALOG');
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Title');
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('keeps Tab inside at its ends; the browser makes the page behind inert', () => {
    open();
    $('last').focus();
    expect(key($('last'), 'Tab').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe($('first'));
    expect(key($('first'), 'Tab', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe($('last'));
    // In between, Tab is the browser's.
    $('middle').focus();
    expect(key($('middle'), 'Tab').defaultPrevented).toBe(false);
  });

  it('hands Escape to its owner once, and never closes behind the owner’s back', async () => {
    const onescape = vi.fn();
    const dialog = open(onescape);
    expect(key($('middle'), 'Escape').defaultPrevented).toBe(true);
    expect(onescape).toHaveBeenCalledTimes(1);
    // The browser's cancel for that same Escape is not a second one…
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(onescape).toHaveBeenCalledTimes(1);
    // …but a cancel of its own (Escape with the focus outside the controls) is.
    await new Promise((r) => setTimeout(r, 0));
    const later = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(true);
    expect(onescape).toHaveBeenCalledTimes(2);
    expect(dialog.open).toBe(true);
  });

  it('keeps the app’s shortcuts out', () => {
    open();
    const shortcut = vi.fn();
    window.addEventListener('keydown', shortcut);
    key($('middle'), 'z', { ctrlKey: true });
    window.removeEventListener('keydown', shortcut);
    expect(shortcut).not.toHaveBeenCalled();
  });

  it('gives the focus back to the opener when it goes', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const dialog = open();
    expect(document.activeElement).not.toBe(opener);
    unmount(component!);
    component = null;
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });
});
