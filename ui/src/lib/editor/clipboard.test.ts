import { describe, expect, it } from 'vitest';
import type { Card } from '../generated/types';
import { cardsToJson, cardsToText, parseClipboard } from './clipboard';
import { emptyCardPlan } from './edits/inspectorEdits';

const card: Card = {
  id: 'card-a', stageId: 'st', laneId: 'ln', kind: 'touchpoints', title: 'Gives $10', body: 'First\ngift',
  color: null, channelId: null, personaIds: [], flags: { passionPoint: true, shareableMoment: false, pointOfVulnerability: false },
  plan: emptyCardPlan(), author: null, tags: [],
};

describe('clipboard', () => {
  it('copies as JSON and as "title — body" text', () => {
    const json = JSON.parse(cardsToJson([card]));
    expect(json).toEqual({ waymark: 'cards', version: 1, cards: [card] });
    expect(cardsToText([card, { ...card, title: 'Only title', body: '' }])).toBe('Gives $10 — First gift\nOnly title');
  });

  it('reads its own JSON back', () => {
    const parsed = parseClipboard(cardsToJson([card]));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.cards[0]).toMatchObject({ title: 'Gives $10', body: 'First\ngift', flags: card.flags });
  });

  it('rejects bad content with a message', () => {
    for (const bad of [
      '',
      'just some text',
      '{"waymark":"cards"',
      '{"hello":1}',
      '{"waymark":"cards","version":1,"cards":[]}',
      '{"waymark":"cards","version":1,"cards":[{"title":5}]}',
      '{"waymark":"cards","version":1,"cards":[{"title":"ok","personaIds":"p"}]}',
      '{"waymark":"cards","version":1,"cards":[{"title":"ok","flags":{"passionPoint":"yes"}}]}',
      '{"waymark":"cards","version":2,"cards":[{"title":"ok"}]}',
    ]) {
      const parsed = parseClipboard(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(0);
    }
  });
});
