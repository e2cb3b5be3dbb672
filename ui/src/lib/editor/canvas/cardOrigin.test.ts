import { describe, expect, it } from 'vitest';
import type { SceneCard } from '../../generated/types';
import { atOrigin } from './cardOrigin';

function card(x: number, y: number): SceneCard {
  return {
    id: 'c1',
    stageId: 's1',
    laneId: 'l1',
    kind: 'actions',
    index: 0,
    x,
    y,
    width: 180,
    height: 90,
    fill: '#ffffff',
    stroke: '#cccccc',
    title: [{ text: 'Gives $10', x: x + 12, y: y + 24, width: 80 }],
    body: [{ text: 'online', x: x + 12, y: y + 44, width: 40 }],
    titleText: 'Gives $10',
    channel: { id: 'ch', x: x + 12, y: y + 62, width: 150, height: 16, icon: 'E', name: 'E-mail', color: '#1c7ed6' },
    flags: { passionPoint: false, shareableMoment: false, pointOfVulnerability: false },
    severity: null,
  };
}

describe('atOrigin', () => {
  it('puts the card at (0, 0) and its text and badge where they were inside it', () => {
    const local = atOrigin(card(300, 140));
    expect(local).toMatchObject({ x: 0, y: 0, width: 180, height: 90 });
    expect(local.title[0]).toMatchObject({ text: 'Gives $10', x: 12, y: 24 });
    expect(local.body[0]).toMatchObject({ x: 12, y: 44 });
    expect(local.channel).toMatchObject({ x: 12, y: 62, name: 'E-mail' });
  });

  it('draws a card that only moved exactly as before, so nothing inside it changes', () => {
    expect(atOrigin(card(300, 140))).toEqual(atOrigin(card(520, 410)));
  });

  it('leaves the scene card itself alone', () => {
    const original = card(300, 140);
    atOrigin(original);
    expect(original.title[0]?.x).toBe(312);
    expect(original.x).toBe(300);
  });
});
