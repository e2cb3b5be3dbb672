import { afterEach, describe, expect, it } from 'vitest';
import { RegionFocus, isTabStop, regionStep } from './regions';

afterEach(() => {
  document.body.innerHTML = '';
});

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false });

describe('regions', () => {
  it('F6 steps forward, Shift+F6 back, other keys not at all', () => {
    expect(regionStep(key('F6'))).toBe(1);
    expect(regionStep(key('F6', true))).toBe(-1);
    expect(regionStep({ ...key('F6'), ctrlKey: true })).toBeNull();
    expect(regionStep(key('F5'))).toBeNull();
  });

  it('goes to the next region’s first Tab stop, wraps, and returns to where the focus was', () => {
    document.body.innerHTML = `
      <button id="top">top bar</button>
      <nav data-region="a"><button id="a1" tabindex="-1">x</button><button id="a2">y</button></nav>
      <div data-region="empty"><span>nothing to focus</span></div>
      <main data-region="b"><svg tabindex="-1"><g id="b1" tabindex="0"></g></svg><input id="b2" disabled></main>`;
    const regions = new RegionFocus();
    const $ = (id: string) => document.getElementById(id);
    expect(regions.target(document, $('top'), 1)).toBe($('a2'));
    expect(regions.target(document, $('top'), -1)).toBe($('b1'));
    expect(regions.target(document, $('a2'), 1)).toBe($('b1'));
    expect(regions.target(document, $('b1'), 1)).toBe($('a2'));
    regions.remember($('a1'));
    expect(regions.target(document, $('b1'), 1)).toBe($('a2')); // a1 is not a Tab stop
    $('a1')!.setAttribute('tabindex', '0');
    regions.remember($('a1'));
    expect(regions.target(document, $('b1'), -1)).toBe($('a1'));
    expect(isTabStop($('b2')!)).toBe(false);
  });
});
