import { describe, expect, it } from 'vitest';
import {
  addLaneEdit,
  addStageEdit,
  cardsInStage,
  collapseLaneEdit,
  deleteStageEdit,
  dropIndex,
  hideLaneEdit,
  newLane,
  newStage,
  recolorStageEdit,
  renameStageEdit,
  reorderIndex,
  resizeStageEdit,
  snapWidth,
  updateStageEdit,
} from './structureEdits';
import { addConnectorEdit, connectorKindFor, updateConnectorEdit } from './connectorEdits';
import { bandOf, setEmotionEdit, valueForY, yForValue } from '../emotion';
import { flagState, updateCardEdit, updateCardPlanEdit, updateCardsEdit } from './inspectorEdits';
import { mapData } from '../../../test/mapData';

const map = mapData();
const discover = map.stages[0]!;
const touch = map.lanes[0]!;

describe('stage edits', () => {
  it('adds a "New stage" 240 wide at the end', () => {
    const edit = addStageEdit('map-1', 2, newStage('s-new'));
    expect(edit).toEqual({ type: 'AddStage', mapId: 'map-1', index: 2, stage: { id: 's-new', name: 'New stage', color: null, width: 240, rungId: null, speakerNotes: '' } });
  });

  it('renames with a patch of the name alone; refuses empty or unchanged names', () => {
    expect(renameStageEdit('map-1', discover, '  Awareness ')).toEqual({
      type: 'UpdateStage', mapId: 'map-1', stageId: 'st-discover', props: { name: 'Awareness' },
    });
    // Built from what the user changed: the stage's id is all it needs.
    expect(renameStageEdit('map-1', { id: 'st-discover' }, 'Awareness')).toEqual({
      type: 'UpdateStage', mapId: 'map-1', stageId: 'st-discover', props: { name: 'Awareness' },
    });
    expect(renameStageEdit('map-1', discover, '   ')).toBeNull();
    expect(renameStageEdit('map-1', discover, 'Discover')).toBeNull();
  });

  it('snaps widths to 20 px within 120–1200', () => {
    expect(snapWidth(287)).toBe(280);
    expect(snapWidth(291)).toBe(300);
    expect(snapWidth(10)).toBe(120);
    expect(snapWidth(5000)).toBe(1200);
    expect(resizeStageEdit('map-1', discover, 333)).toEqual({ type: 'UpdateStage', mapId: 'map-1', stageId: 'st-discover', props: { width: 340 } });
    expect(resizeStageEdit('map-1', discover, 245)).toBeNull();
  });

  it('recolours to a palette colour or back to the default', () => {
    expect(recolorStageEdit('map-1', discover, '#2F9E44')).toEqual({ type: 'UpdateStage', mapId: 'map-1', stageId: 'st-discover', props: { color: '#2f9e44' } });
    expect(recolorStageEdit('map-1', discover, null)).toEqual({ type: 'UpdateStage', mapId: 'map-1', stageId: 'st-discover', props: { color: null } });
  });

  it('keeps speaker notes as typed, and sends them alone', () => {
    const withNotes = { ...discover, speakerNotes: '' };
    expect(updateStageEdit('map-1', withNotes, { speakerNotes: 'Ask: who found us how?\n  Then the quotes.' })).toEqual({
      type: 'UpdateStage',
      mapId: 'map-1',
      stageId: 'st-discover',
      props: { speakerNotes: 'Ask: who found us how?\n  Then the quotes.' },
    });
    expect(updateStageEdit('map-1', { ...withNotes, speakerNotes: 'Same' }, { speakerNotes: 'Same' })).toBeNull();
  });

  it('deletes a stage and counts the cards that go with it', () => {
    expect(deleteStageEdit('map-1', 'st-convert')).toEqual({ type: 'DeleteStage', mapId: 'map-1', stageId: 'st-convert' });
    expect(cardsInStage(map.cards, 'st-convert')).toBe(2);
  });

  it('reorders by the pointer crossing a neighbour’s middle', () => {
    const spans = [
      { id: 'a', start: 0, size: 100 },
      { id: 'b', start: 100, size: 100 },
      { id: 'c', start: 200, size: 100 },
    ];
    expect(dropIndex(spans, 'a', 140)).toBe(0);
    expect(dropIndex(spans, 'a', 160)).toBe(1);
    expect(reorderIndex(spans, 'a', 160, ['a', 'b', 'c'])).toBe(1);
    expect(reorderIndex(spans, 'a', 40, ['a', 'b', 'c'])).toBeNull();
    expect(reorderIndex(spans, 'c', 10, ['a', 'b', 'c'])).toBe(0);
    // A hidden lane between b and c keeps its place in the stored order.
    expect(reorderIndex(spans, 'a', 290, ['a', 'b', 'h', 'c'])).toBe(3);
    expect(reorderIndex(spans, 'c', 120, ['a', 'b', 'h', 'c'])).toBe(1);
  });
});

describe('lane edits', () => {
  it('adds a lane of a kind with its friendly name', () => {
    const edit = addLaneEdit('map-1', 3, 'pain_points', newLane('pain_points', 'l-new'));
    expect(edit).toEqual({
      type: 'AddLane', mapId: 'map-1', index: 3,
      lane: { id: 'l-new', name: 'Pain points', kind: 'pain_points', color: null, collapsed: false, hidden: false, hiddenForOutsiders: false },
    });
  });

  it('collapses and hides with a patch of that field alone', () => {
    expect(collapseLaneEdit('map-1', touch)).toEqual({
      type: 'UpdateLane', mapId: 'map-1', laneId: 'lane-touch',
      props: { collapsed: true },
    });
    expect(hideLaneEdit('map-1', touch)).toEqual({ type: 'UpdateLane', mapId: 'map-1', laneId: 'lane-touch', props: { hidden: true } });
    expect(hideLaneEdit('map-1', touch, false)).toBeNull();
  });
});

describe('connector edits', () => {
  it('loops back automatically when the target is in an earlier stage', () => {
    expect(connectorKindFor(1, 0)).toBe('loop_back');
    expect(connectorKindFor(0, 1)).toBe('flow');
    expect(connectorKindFor(1, 1)).toBe('flow');
    expect(addConnectorEdit('m', { id: 'b', stageIndex: 1 }, { id: 'a', stageIndex: 0 }, 2, 'c-1')).toEqual({
      type: 'AddConnector', mapId: 'm', index: 2,
      connector: { id: 'c-1', fromCardId: 'b', toCardId: 'a', kind: 'loop_back', label: '' },
    });
    expect(addConnectorEdit('m', { id: 'a', stageIndex: 0 }, { id: 'a', stageIndex: 0 }, 0)).toBeNull();
  });

  it('updates kind or label, carrying only that field', () => {
    const c = map.connectors[0]!;
    expect(updateConnectorEdit('m', c, { kind: 'hand_off' })).toEqual({
      type: 'UpdateConnector', mapId: 'm', connectorId: 'conn-1', props: { kind: 'hand_off' },
    });
    expect(updateConnectorEdit('m', c, { label: 'then' })).toBeNull();
  });
});

describe('emotion snapping', () => {
  const band = bandOf(256);

  it('maps a y in the band to −2..+2', () => {
    expect(valueForY(yForValue(2, band), band)).toBe(2);
    expect(valueForY(yForValue(-1, band), band)).toBe(-1);
    expect(valueForY(256 + 22 + 58 + 10, band)).toBe(0);
    expect(valueForY(0, band)).toBe(2);
    expect(valueForY(10_000, band)).toBe(-2);
    expect(Object.is(valueForY(256 + 80, band), -0)).toBe(false);
  });

  it('sends nothing for an unchanged value', () => {
    expect(setEmotionEdit('m', 'p', 's', 1, 1)).toBeNull();
    expect(setEmotionEdit('m', 'p', 's', 1, 5)).toEqual({ type: 'SetEmotion', mapId: 'm', personaId: 'p', stageId: 's', value: 2 });
  });
});

describe('card edits', () => {
  it('sets one flag with a patch of that marker alone', () => {
    const a = map.cards[0]!;
    expect(updateCardEdit('m', a, { flags: { passionPoint: true } })).toEqual({
      type: 'UpdateCard', mapId: 'm', cardId: 'card-a',
      props: { flags: { passionPoint: true } },
    });
    expect(updateCardEdit('m', a, { flags: { shareableMoment: true } })).toBeNull();
  });

  it('changes one part of the plan without the rest of it', () => {
    const a = map.cards[0]!;
    const edit = updateCardPlanEdit('m', a, (plan) => {
      plan.vulnerability.severity = 3;
    });
    expect(edit).toEqual({ type: 'UpdateCard', mapId: 'm', cardId: 'card-a', props: { plan: { vulnerability: { severity: 3 } } } });
  });

  it('applies to several cards as one Batch', () => {
    const edit = updateCardsEdit('m', map.cards, { color: '#1c7ed6' });
    expect(edit?.type).toBe('Batch');
    expect(edit?.type === 'Batch' && edit.edits.length).toBe(3);
    expect(flagState(map.cards, 'passionPoint')).toBe('mixed');
  });
});
