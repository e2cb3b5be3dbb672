// The kit's segmented control: radios in a labelled group, one selected, arrow keys.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import Segmented from './Segmented.svelte';

let component: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
});

const SEGMENTS = [
  { value: 'a', label: 'Alpha', testid: 'seg-a' },
  { value: 'b', label: 'Beta', testid: 'seg-b' },
  { value: 'c', label: 'Gamma', testid: 'seg-c', disabled: true, title: 'Not for this one' },
];

function show(value: string, onchange = vi.fn()): HTMLElement {
  const heading = document.createElement('h3');
  heading.id = 'seg-h';
  heading.textContent = 'Kind';
  document.body.append(heading);
  component = mount(Segmented, {
    target: document.body,
    props: { value, segments: SEGMENTS, labelledby: 'seg-h', onchange },
  });
  flushSync();
  return document.querySelector<HTMLElement>('[role="radiogroup"]')!;
}

const radio = (v: string) => document.querySelector<HTMLInputElement>(`[data-testid="seg-${v}"]`)!;

function key(target: Element, k: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  flushSync();
  return event;
}

describe('Segmented', () => {
  it('is a labelled group of radios with exactly one selected', () => {
    const group = show('b');
    expect(group.getAttribute('aria-labelledby')).toBe('seg-h');
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.closest('label')?.textContent?.trim())).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(radios.filter((r) => r.checked)).toEqual([radio('b')]);
    expect(radio('c').disabled).toBe(true);
    expect(radio('c').closest('label')?.title).toBe('Not for this one');
  });

  it('picks a segment when it is clicked', () => {
    const onchange = vi.fn();
    show('b', onchange);
    radio('a').click();
    expect(onchange).toHaveBeenCalledWith('a');
  });

  it('moves the choice with the arrow keys, skipping what is off and wrapping at the ends', () => {
    const onchange = vi.fn();
    show('b', onchange);
    radio('b').focus();
    expect(key(radio('b'), 'ArrowRight').defaultPrevented).toBe(true);
    expect(onchange).toHaveBeenLastCalledWith('a');
    expect(document.activeElement).toBe(radio('a'));
    key(radio('a'), 'ArrowLeft');
    expect(onchange).toHaveBeenLastCalledWith('b');
    expect(document.activeElement).toBe(radio('b'));
    key(radio('b'), 'ArrowUp');
    expect(onchange).toHaveBeenLastCalledWith('a');
    // Other keys are left alone.
    expect(key(radio('a'), 'Enter').defaultPrevented).toBe(false);
  });
});
