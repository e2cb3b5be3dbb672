import { describe, expect, it } from 'vitest';
import { linkedSpot, nextSpot, sameSpot, spotOf, spotSelector, type Spot } from './mapNav';
import { scene } from '../../../test/fixtures';

// Stages Discover | Convert; lanes Touchpoints (card-a | card-b, card-x) and Emotions
// (Ada's points in both stages); conn-1 runs card-a → card-b, conn-2 card-b → card-a.
const sc = scene();
const card = (id: string): Spot => ({ kind: 'card', id });

describe('map keyboard travel', () => {
  it('moves between the cards of a cell, then on to the next cell or header', () => {
    expect(nextSpot(sc, card('card-b'), 'down')).toEqual(card('card-x'));
    expect(nextSpot(sc, card('card-x'), 'up')).toEqual(card('card-b'));
    expect(nextSpot(sc, card('card-b'), 'up')).toEqual({ kind: 'stage', id: 'st-convert' });
    expect(nextSpot(sc, card('card-a'), 'left')).toEqual({ kind: 'lane', id: 'lane-touch' });
    expect(nextSpot(sc, card('card-a'), 'right')).toEqual(card('card-b'));
    expect(nextSpot(sc, card('card-x'), 'left')).toEqual(card('card-a'));
    expect(nextSpot(sc, card('card-b'), 'right')).toBeNull();
  });

  it('lands on an emotion point below, and goes along the persona’s line', () => {
    const ada = (stageId: string): Spot => ({ kind: 'emotion', personaId: 'p-ada', stageId });
    expect(nextSpot(sc, card('card-a'), 'down')).toEqual(ada('st-discover'));
    expect(nextSpot(sc, ada('st-discover'), 'right')).toEqual(ada('st-convert'));
    expect(nextSpot(sc, ada('st-discover'), 'left')).toEqual({ kind: 'lane', id: 'lane-emo' });
    expect(nextSpot(sc, ada('st-convert'), 'up')).toEqual(card('card-x'));
  });

  it('reaches every persona’s points, stage by stage', () => {
    const two = scene();
    const ada = two.emotionLines[0]!;
    two.emotionLines.push({ ...ada, personaId: 'p-bo', personaName: 'Bo' });
    const at = (personaId: string, stageId: string): Spot => ({ kind: 'emotion', personaId, stageId });
    expect(nextSpot(two, at('p-ada', 'st-discover'), 'right')).toEqual(at('p-bo', 'st-discover'));
    expect(nextSpot(two, at('p-bo', 'st-discover'), 'right')).toEqual(at('p-ada', 'st-convert'));
    expect(nextSpot(two, at('p-ada', 'st-convert'), 'left')).toEqual(at('p-bo', 'st-discover'));
    expect(nextSpot(two, at('p-bo', 'st-convert'), 'right')).toBeNull();
  });

  it('stops on an empty cell, which is left for its neighbours', () => {
    const empty = scene();
    empty.emotionLines = [];
    const cell: Spot = { kind: 'cell', stageId: 'st-discover', laneId: 'lane-emo' };
    expect(nextSpot(empty, card('card-a'), 'down')).toEqual(cell);
    expect(nextSpot(empty, cell, 'up')).toEqual(card('card-a'));
    expect(nextSpot(empty, cell, 'right')).toEqual({ ...cell, stageId: 'st-convert' });
    expect(nextSpot(empty, cell, 'down')).toBeNull();
    // A cell with cards is left for its first card.
    expect(nextSpot(empty, { kind: 'cell', stageId: 'st-convert', laneId: 'lane-touch' }, 'down')).toEqual(card('card-b'));
  });

  it('walks the headers and the "+" buttons at their ends', () => {
    expect(nextSpot(sc, { kind: 'stage', id: 'st-discover' }, 'right')).toEqual({ kind: 'stage', id: 'st-convert' });
    expect(nextSpot(sc, { kind: 'stage', id: 'st-convert' }, 'right')).toEqual({ kind: 'add-stage' });
    expect(nextSpot(sc, { kind: 'add-stage' }, 'left')).toEqual({ kind: 'stage', id: 'st-convert' });
    expect(nextSpot(sc, { kind: 'stage', id: 'st-convert' }, 'down')).toEqual(card('card-b'));
    expect(nextSpot(sc, { kind: 'lane', id: 'lane-touch' }, 'down')).toEqual({ kind: 'lane', id: 'lane-emo' });
    expect(nextSpot(sc, { kind: 'lane', id: 'lane-emo' }, 'down')).toEqual({ kind: 'add-lane' });
    expect(nextSpot(sc, { kind: 'lane', id: 'lane-touch' }, 'right')).toEqual(card('card-a'));
  });

  it('enters the map at its first cell', () => {
    expect(nextSpot(sc, null, 'right')).toEqual(card('card-a'));
  });

  it('follows a card’s connectors with Ctrl+arrows, and a connector to its ends', () => {
    expect(linkedSpot(sc, card('card-a'), 'right')).toEqual({ kind: 'connector', id: 'conn-1' });
    expect(linkedSpot(sc, card('card-a'), 'left')).toEqual({ kind: 'connector', id: 'conn-2' });
    expect(linkedSpot(sc, { kind: 'connector', id: 'conn-1' }, 'right')).toBeNull();
    expect(nextSpot(sc, { kind: 'connector', id: 'conn-1' }, 'right')).toEqual(card('card-b'));
    expect(nextSpot(sc, { kind: 'connector', id: 'conn-1' }, 'left')).toEqual(card('card-a'));
  });

  it('finds the element of a spot and the spot of an element', () => {
    document.body.innerHTML =
      '<svg><g data-testid="emotion-point" data-persona-id="p-ada" data-stage-id="st-convert"></g>' +
      '<rect data-testid="cell-focus" data-stage-id="st-discover" data-lane-id="lane-emo"></rect></svg>';
    const point: Spot = { kind: 'emotion', personaId: 'p-ada', stageId: 'st-convert' };
    const el = document.querySelector(spotSelector(point));
    expect(sameSpot(spotOf(el), point)).toBe(true);
    expect(spotOf(document.querySelector(spotSelector({ kind: 'cell', stageId: 'x', laneId: 'y' })))).toEqual({
      kind: 'cell',
      stageId: 'st-discover',
      laneId: 'lane-emo',
    });
    document.body.innerHTML = '';
  });
});
