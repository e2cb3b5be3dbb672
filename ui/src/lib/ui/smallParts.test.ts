// The kit's small parts: a number field with its unit, an empty state, a plan view's frame,
// a pick-one field and a dialog's title bar.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRawSnippet, flushSync, mount, unmount, type Component } from 'svelte';
import EmptyState from './EmptyState.svelte';
import FieldWithUnit from './FieldWithUnit.svelte';
import PlanViewFrame from './PlanViewFrame.svelte';
import PickField from './PickField.svelte';
import DialogHead from './DialogHead.svelte';

let component: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mount's own bound for props
function show<P extends Record<string, any>>(c: Component<P>, props: P): void {
  component = mount(c, { target: document.body, props });
  flushSync();
}

const html = (markup: string) => createRawSnippet(() => ({ render: () => markup }));
const $ = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
/** What a screen reader reads for the elements an aria-describedby names (hidden parts left out). */
function description(el: Element): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => {
      const node = document.getElementById(id)!.cloneNode(true) as Element;
      node.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
      return node.textContent?.trim();
    })
    .join(' ');
}

describe('FieldWithUnit', () => {
  it('labels the field and reads its unit out with it', () => {
    show(FieldWithUnit, {
      id: 'margin',
      label: 'Margin',
      unit: 'mm',
      unitSpoken: 'millimetres',
      value: '12',
      testid: 'margin',
      inline: true,
      oninput: () => {},
      note: html('<span>≈ 0.47 in</span>'),
    });
    const input = $('margin') as HTMLInputElement;
    expect(input.type).toBe('number');
    expect(input.value).toBe('12');
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Margin');
    expect(description(input)).toBe('millimetres ≈ 0.47 in');
    // Drawn short beside the number, hidden from the screen reader.
    expect(input.parentElement?.querySelector('[aria-hidden="true"]')?.textContent).toBe('mm');
  });

  it('passes the text typed on and shows when it is wrong', () => {
    const oninput = vi.fn();
    show(FieldWithUnit, {
      id: 'dpi',
      label: 'Resolution',
      unit: 'dpi',
      unitSpoken: 'dots per inch',
      value: '700',
      invalid: true,
      testid: 'dpi',
      describedby: 'elsewhere',
      oninput,
    });
    const note = document.createElement('p');
    note.id = 'elsewhere';
    note.textContent = 'Enter a whole number from 72 to 600 dpi';
    document.body.append(note);
    const input = $('dpi') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.parentElement?.classList.contains('invalid')).toBe(true);
    expect(description(input)).toBe('dots per inch Enter a whole number from 72 to 600 dpi');
    input.value = '300';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(oninput).toHaveBeenCalledWith('300');
  });
});

describe('EmptyState', () => {
  it('says there is nothing yet, in bold, and what to do about it', () => {
    show(EmptyState, { title: 'No channels yet.', testid: 'empty', children: html('<p>Add a channel.</p>') });
    const box = $('empty')!;
    expect(box.querySelector('strong')?.textContent).toBe('No channels yet.');
    expect(box.textContent?.replace(/\s+/g, ' ').trim()).toBe('No channels yet. Add a channel.');
    expect(box.getAttribute('role')).toBeNull();
  });

  it('is a polite status line without a title', () => {
    show(EmptyState, { testid: 'loading', children: html('<span>Loading…</span>') });
    const line = $('loading')!;
    expect(line.tagName).toBe('P');
    expect(line.getAttribute('role')).toBe('status');
    expect(line.textContent).toBe('Loading…');
  });
});

describe('PlanViewFrame', () => {
  it('is a region named by its title, with the lead, the actions and the view inside', () => {
    show(PlanViewFrame, {
      title: 'Personas',
      titleId: 'personas-title',
      lead: 'Customers enact their own versions of the journey.',
      testid: 'frame',
      maxWidth: 1100,
      actions: html('<button data-testid="add">Add persona</button>'),
      children: html('<ul data-testid="content"></ul>'),
    });
    const frame = $('frame')!;
    expect(frame.tagName).toBe('SECTION');
    expect(document.getElementById(frame.getAttribute('aria-labelledby')!)?.textContent).toBe('Personas');
    expect(frame.querySelector('h2')?.id).toBe('personas-title');
    expect(frame.querySelector('header p')?.textContent).toBe('Customers enact their own versions of the journey.');
    expect(frame.querySelector('header [data-testid="add"]')).not.toBeNull();
    expect(frame.querySelector('[data-testid="content"]')?.closest('header')).toBeNull();
    expect(frame.style.maxWidth).toBe('1100px');
  });
});

describe('PickField', () => {
  const options = [
    { id: 'ch-web', name: 'Website' },
    { id: 'ch-mail', name: 'E-mail' },
  ];

  it('is labelled, offers None first, and picks by id (None as null)', () => {
    const picked: Array<string | null> = [];
    show(PickField, { label: 'Channel', value: 'ch-web', options, testid: 'pick', onpick: (id: string | null) => picked.push(id) });
    const select = $('pick') as HTMLSelectElement;
    expect(select.closest('label')?.textContent).toContain('Channel');
    expect([...select.options].map((o) => o.textContent)).toEqual(['None', 'Website', 'E-mail']);
    expect(select.value).toBe('ch-web');
    select.value = 'ch-mail';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(picked).toEqual(['ch-mail', null]);
  });

  it('keeps showing an id the list does not hold instead of claiming None', () => {
    show(PickField, { label: 'Channel', value: 'ch-gone', options, testid: 'pick', onpick: () => {} });
    const select = $('pick') as HTMLSelectElement;
    expect(select.value).toBe('ch-gone');
    expect([...select.options].map((o) => o.value)).toEqual(['', 'ch-web', 'ch-mail', 'ch-gone']);
  });
});

describe('DialogHead', () => {
  it('titles the dialog by its id and closes, unless closing is held', () => {
    let closed = 0;
    show(DialogHead, { titleId: 't1', children: html('<span>Export “Map”</span>'), onclose: () => closed++, closeTestId: 'close' });
    expect(document.getElementById('t1')?.textContent).toBe('Export “Map”');
    const close = $('close') as HTMLButtonElement;
    expect(close.getAttribute('aria-label')).toBe('Close');
    close.click();
    expect(closed).toBe(1);
    unmount(component!);
    show(DialogHead, { titleId: 't2', children: html('<span>Busy</span>'), onclose: () => closed++, closeTestId: 'close', closeDisabled: true });
    expect(($('close') as HTMLButtonElement).disabled).toBe(true);
  });
});
