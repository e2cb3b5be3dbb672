import { describe, expect, it } from 'vitest';
import type { Card, Edit, Map as JourneyMap } from '../../generated/types';
import {
  addCardEdit,
  addedCardIds,
  deleteCardsEdit,
  duplicateCardsEdit,
  moveCardsEdit,
  pasteCardsEdit,
  updateCardTextEdit,
} from './cardEdits';
import { scene } from '../../../test/fixtures';
import { emptyCardPlan } from './inspectorEdits';

const sc = scene();
const discover = { stageId: 'st-discover', laneId: 'lane-touch' };
const convert = { stageId: 'st-convert', laneId: 'lane-touch' };
const ids = (prefix: string) => {
  let n = 0;
  return () => `${prefix}-${++n}`;
};

function card(id: string, stageId: string, title: string, extra: Partial<Card> = {}): Card {
  return {
    id, stageId, laneId: 'lane-touch', kind: 'touchpoints', title, body: `${title} body`, color: '#ffe066',
    channelId: 'ch-social', personaIds: ['p-ada'],
    flags: { passionPoint: true, shareableMoment: false, pointOfVulnerability: false }, plan: emptyCardPlan(), author: null, tags: [], ...extra,
  };
}

const map: JourneyMap = {
  id: 'map-1', name: 'Donor journey', description: '', personaIds: [], stages: [], lanes: [],
  cards: [card('card-a', 'st-discover', 'A'), card('card-b', 'st-convert', 'B'), card('card-x', 'st-convert', 'X')],
  connectors: [], emotionPoints: [], voteRounds: [],
};

describe('card edit builders', () => {
  it('adds a card with the lane kind, or nothing for an empty title', () => {
    const edit = addCardEdit('map-1', { stageId: 'st-convert', laneId: 'lane-emo' }, 'emotions', '  Happy ', 0, '', ids('n'));
    expect(edit).toEqual({
      type: 'AddCard', mapId: 'map-1', index: 0,
      card: {
        id: 'n-1', stageId: 'st-convert', laneId: 'lane-emo', kind: 'emotions', title: 'Happy', body: '',
        color: null, channelId: null, personaIds: [],
        flags: { passionPoint: false, shareableMoment: false, pointOfVulnerability: false },
        plan: emptyCardPlan(), author: null, tags: [],
      },
    });
    expect(addCardEdit('map-1', discover, 'touchpoints', '   ', 0)).toBeNull();
  });

  it('moves one card with a MoveCard, several with one Batch', () => {
    expect(moveCardsEdit(sc, ['card-a'], convert, 1)).toEqual({
      type: 'MoveCard', mapId: 'map-1', cardId: 'card-a', stageId: 'st-convert', laneId: 'lane-touch', index: 1,
    });
    const batch = moveCardsEdit(sc, ['card-x', 'card-a'], { stageId: 'st-convert', laneId: 'lane-emo' }, 0);
    expect(batch?.type).toBe('Batch');
    const moves = (batch as Extract<Edit, { type: 'Batch' }>).edits;
    // In canonical order (Discover before Convert), one after the other.
    expect(moves.map((m) => (m.type === 'MoveCard' ? [m.cardId, m.index] : null))).toEqual([
      ['card-a', 0],
      ['card-x', 1],
    ]);
  });

  it('sends nothing when the cards land where they were', () => {
    expect(moveCardsEdit(sc, ['card-b'], convert, 0)).toBeNull();
    expect(moveCardsEdit(sc, ['card-x'], convert, 1)).toBeNull();
    expect(moveCardsEdit(sc, ['card-b', 'card-x'], convert, 0)).toBeNull();
    // Below card-x: a real move.
    expect(moveCardsEdit(sc, ['card-b'], convert, 1)).toMatchObject({ type: 'MoveCard', cardId: 'card-b', index: 1 });
  });

  it('works out indices step by step when moving cards already in the target cell', () => {
    // card-x (in Convert) and card-a (from Discover) to the top of Convert, above card-b.
    const edit = moveCardsEdit(sc, ['card-x', 'card-a'], convert, 0) as Extract<Edit, { type: 'Batch' }>;
    // Simulate the backend: take the card out, insert at index within the cell.
    let cell = ['card-b', 'card-x'];
    for (const m of edit.edits) {
      if (m.type !== 'MoveCard') throw new Error('not a move');
      cell = cell.filter((c) => c !== m.cardId);
      cell.splice(m.index, 0, m.cardId);
    }
    expect(cell).toEqual(['card-a', 'card-x', 'card-b']);
  });

  it('deletes one card with a DeleteCard, several with one Batch', () => {
    expect(deleteCardsEdit('map-1', ['card-a'])).toEqual({ type: 'DeleteCard', mapId: 'map-1', cardId: 'card-a' });
    expect(deleteCardsEdit('map-1', new Set(['card-a', 'card-b']))).toEqual({
      type: 'Batch',
      edits: [
        { type: 'DeleteCard', mapId: 'map-1', cardId: 'card-a' },
        { type: 'DeleteCard', mapId: 'map-1', cardId: 'card-b' },
      ],
    });
    expect(deleteCardsEdit('map-1', [])).toBeNull();
  });

  it('duplicates with fresh ids into the same cell, right after each original', () => {
    const edit = duplicateCardsEdit(map, ['card-x', 'card-b'], ids('dup')) as Extract<Edit, { type: 'Batch' }>;
    expect(edit.type).toBe('Batch');
    const adds = edit.edits.map((e) => (e.type === 'AddCard' ? e : null));
    expect(adds.map((a) => [a?.card.id, a?.card.stageId, a?.card.laneId, a?.card.title, a?.index])).toEqual([
      ['dup-1', 'st-convert', 'lane-touch', 'B', 1],
      ['dup-2', 'st-convert', 'lane-touch', 'X', 3],
    ]);
    // Everything but the id is kept.
    expect(adds[0]!.card).toEqual({ ...map.cards[1]!, id: 'dup-1' });
    expect(addedCardIds(edit)).toEqual(['dup-1', 'dup-2']);
    expect(duplicateCardsEdit(map, ['card-a'], ids('d'))?.type).toBe('AddCard');
  });

  it('pastes with fresh ids into the target cell, taking its kind and dropping unknown links', () => {
    const edit = pasteCardsEdit(
      'map-1',
      [map.cards[0]!, map.cards[1]!],
      { stageId: 'st-convert', laneId: 'lane-emo', kind: 'emotions', index: 2 },
      { channelIds: new Set(), personaIds: new Set(['p-ada']) },
      ids('p'),
    ) as Extract<Edit, { type: 'Batch' }>;
    const cards = edit.edits.map((e) => (e.type === 'AddCard' ? [e.card.id, e.card.stageId, e.card.laneId, e.card.kind, e.card.channelId, e.index] : null));
    expect(cards).toEqual([
      ['p-1', 'st-convert', 'lane-emo', 'emotions', null, 2],
      ['p-2', 'st-convert', 'lane-emo', 'emotions', null, 3],
    ]);
  });

  it('updates the text with a patch of title and body alone; nothing when unchanged', () => {
    const c = { ...map.cards[0]!, plan: { ...emptyCardPlan(), rungId: 'rung-donor' } };
    expect(updateCardTextEdit('map-1', c, ' New ', 'Line 1\nLine 2\n')).toEqual({
      type: 'UpdateCard', mapId: 'map-1', cardId: 'card-a',
      props: { title: 'New', body: 'Line 1\nLine 2' },
    });
    expect(updateCardTextEdit('map-1', c, 'A', 'A body')).toBeNull();
  });

  it('carries only the field the user changed: a new title without the body', () => {
    const c = map.cards[0]!;
    expect(updateCardTextEdit('map-1', c, 'Renamed', c.body)).toEqual({
      type: 'UpdateCard', mapId: 'map-1', cardId: 'card-a', props: { title: 'Renamed' },
    });
  });
});
