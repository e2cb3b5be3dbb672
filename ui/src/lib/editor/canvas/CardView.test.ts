import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import CardView from './CardView.svelte';
import { scene } from '../../../test/fixtures';
import type { SceneCard } from '../../generated/types';

let component: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
});

function draw(card: SceneCard): SVGGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  component = mount(CardView, { target: svg, props: { card, fonts: scene().fonts } });
  flushSync();
  return svg.querySelector<SVGGElement>('[data-testid="card"]')!;
}

describe('a card’s accessible name', () => {
  it('is its title as typed, not its wrapped lines joined', () => {
    const base = scene().cards[1]!;
    const card: SceneCard = {
      ...base,
      title: [
        { text: 'Gives $10 and opts in to e-', x: 428, y: 94, width: 180 },
        { text: 'mail', x: 428, y: 112, width: 30 },
      ],
      titleText: 'Gives $10 and opts in to e-mail',
    };
    const el = draw(card);
    expect(el.getAttribute('aria-label')?.split(', ')[0]).toBe('Gives $10 and opts in to e-mail');
  });
});

describe('a workshop card’s author', () => {
  it('is a badge of the Scene’s initials and colour, and part of the card’s name', () => {
    const base = scene().cards[1]!;
    const author = { id: 'pt-ada', initials: 'AL', name: 'Ada Lovelace', color: '#1d4ed8', x: base.x + 23, y: base.y, width: 26, height: 14 };
    const el = draw({ ...base, author });
    const badge = el.querySelector('.marker-author')!;
    expect(badge.querySelector('text')?.textContent).toBe('AL');
    expect(badge.querySelector('rect')?.getAttribute('fill')).toBe('#1d4ed8');
    expect(badge.getAttribute('transform')).toBe('translate(23 0)');
    expect(badge.querySelector('title')?.textContent).toBe('Ada Lovelace');
    expect(el.getAttribute('aria-label')).toContain('written by Ada Lovelace');
  });

  it('is not drawn for a card without one', () => {
    expect(draw(scene().cards[1]!).querySelector('.marker-author')).toBeNull();
  });
});
