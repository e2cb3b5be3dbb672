// F6 and Shift+F6 cycle the focus through the window's regions, as desktop apps do: the
// maps list, the views bar, the map (or the plan view), the inspector. A region is an
// element marked `data-region`; the focus goes back to where it last was in that region,
// else to the region's first Tab stop.

import type { KeyPress } from './shortcuts';

export const REGION_ATTR = 'data-region';

/** 1 for F6, -1 for Shift+F6, else null. */
export function regionStep(e: KeyPress): 1 | -1 | null {
  if (e.key !== 'F6' || e.ctrlKey || e.metaKey || e.altKey) return null;
  return e.shiftKey ? -1 : 1;
}

const CANDIDATES = '[tabindex], button, input, select, textarea, a[href]';

/** In the Tab order: a tabindex of 0 or more, or a native control without one. */
export function isTabStop(el: Element): boolean {
  if (el.hasAttribute('disabled') || el.closest('[inert]')) return false;
  if ((el as HTMLInputElement).type === 'hidden') return false;
  const attr = el.getAttribute('tabindex');
  if (attr !== null) return Number(attr) >= 0;
  return el.matches('button, input, select, textarea, a[href]');
}

export function regionOf(el: Element | null): HTMLElement | null {
  return el?.closest<HTMLElement>(`[${REGION_ATTR}]`) ?? null;
}

export class RegionFocus {
  /** Where the focus last was in each region. */
  #last = new Map<string, Element>();

  /** Notes a focused element (every focusin of the window). */
  remember(target: EventTarget | null): void {
    if (!(target instanceof Element)) return;
    const region = regionOf(target);
    if (region) this.#last.set(region.getAttribute(REGION_ATTR)!, target);
  }

  /** The element F6 (`step` 1) or Shift+F6 (-1) moves the focus to from `from`, or null. */
  target(root: ParentNode, from: Element | null, step: 1 | -1): HTMLElement | null {
    const regions = [...root.querySelectorAll<HTMLElement>(`[${REGION_ATTR}]`)].filter(
      (r) => !r.closest('[inert]') && this.entry(r) !== null,
    );
    if (regions.length === 0) return null;
    const here = regions.indexOf(regionOf(from) as HTMLElement);
    const at = here < 0 ? (step > 0 ? 0 : regions.length - 1) : (here + step + regions.length) % regions.length;
    return this.entry(regions[at]!);
  }

  /** Where the focus goes in a region: where it last was (if still a Tab stop), else its first stop. */
  entry(region: HTMLElement): HTMLElement | null {
    const last = this.#last.get(region.getAttribute(REGION_ATTR)!);
    if (last?.isConnected && region.contains(last) && isTabStop(last)) return last as HTMLElement;
    return [...region.querySelectorAll<HTMLElement>(CANDIDATES)].find(isTabStop) ?? null;
  }

  /** Handles F6 / Shift+F6; true when the key was one of them. */
  onkey(event: KeyboardEvent): boolean {
    const step = regionStep(event);
    if (step === null) return false;
    event.preventDefault();
    const next = this.target(document, document.activeElement, step);
    next?.focus({ preventScroll: true });
    return true;
  }
}
