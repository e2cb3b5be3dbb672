// The round drawn on the map: rings on the cards that may get votes, each voted card's
// total (as HTML, never SVG text) and its dots — in the participants' colours when the
// round is named, all grey when it is anonymous.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import type { Participant, VoteRound } from '../generated/types';
import { scene } from '../../test/fixtures';
import VoteDots from './VoteDots.svelte';
import { cardDots } from './voting';

let shown: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = '';
});

const people: Participant[] = [
  { id: 'p-ada', name: 'Ada', initials: 'AD', color: '#1d4ed8' },
  { id: 'p-bo', name: 'Bo', initials: 'BO', color: '#b91c1c' },
];

function draw(anonymous: boolean) {
  const cards = scene().cards;
  const round: VoteRound = {
    id: 'r1', question: 'Q', votesPerParticipant: 3, maxPerCard: 2, anonymous, state: 'open',
    eligible: { by: 'cards', cardIds: cards.map((c) => c.id) },
    votes: [
      { participantId: 'p-ada', cardId: cards[0]!.id, count: 2 },
      { participantId: 'p-bo', cardId: cards[0]!.id, count: 1 },
    ],
  };
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  shown = mount(VoteDots, { target: svg, props: { cards, dots: cardDots(round, people), eligible: new Set([cards[0]!.id, cards[1]!.id]) } });
  flushSync();
  return { svg, cards };
}

describe('the round on the map', () => {
  it('rings the eligible cards and gives a voted card its total and a dot per vote, in each voter’s colour', () => {
    const { svg, cards } = draw(false);
    expect(svg.querySelectorAll('[data-testid="vote-eligible"]')).toHaveLength(2);
    const voted = svg.querySelectorAll<SVGGElement>('[data-testid="vote-card"]');
    expect(voted).toHaveLength(1);
    expect(voted[0]!.dataset.cardId).toBe(cards[0]!.id);
    expect(voted[0]!.querySelector('foreignObject')?.textContent?.trim()).toBe('3');
    expect(svg.querySelectorAll('text')).toHaveLength(0);
    const fills = [...voted[0]!.querySelectorAll('circle')].map((c) => c.getAttribute('fill'));
    expect(fills).toEqual(['#1d4ed8', '#1d4ed8', '#b91c1c']);
    expect(svg.querySelector('.vote-dots')?.getAttribute('pointer-events')).toBe('none');
  });

  it('shows how many on an anonymous round, never whose', () => {
    const { svg } = draw(true);
    const fills = new Set([...svg.querySelectorAll('[data-testid="vote-card"] circle')].map((c) => c.getAttribute('fill')));
    expect(fills.size).toBe(1);
    expect(fills.has('#1d4ed8') || fills.has('#b91c1c')).toBe(false);
  });
});
