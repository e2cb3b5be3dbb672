// Capture as a pure matter: where the notes go, and the AddCard each one is.
import { describe, expect, it } from 'vitest';
import type { Map as JourneyMap } from '../generated/types';
import { mapData } from '../../test/mapData';
import { captureEdit, captureLanes, cellCounts, cellLabel, defaultCell } from './capture';
import { addParticipantEdit, participantByDigit, renameParticipantEdit } from './participants';

const withThoughts = (): JourneyMap => {
  const m = mapData();
  return {
    ...m,
    lanes: [...m.lanes, { id: 'lane-room', name: 'Sticky notes', kind: 'thoughts', color: null, collapsed: false, hidden: false, hiddenForOutsiders: false }],
  };
};

describe('the cell capture starts in', () => {
  it('is the selected card’s cell', () => {
    expect(defaultCell(withThoughts(), 'card-b')).toEqual({ stageId: 'st-convert', laneId: 'lane-touch' });
  });

  it('else the first stage and the room’s thoughts lane, else the first lane that takes notes', () => {
    expect(defaultCell(withThoughts(), null)).toEqual({ stageId: 'st-discover', laneId: 'lane-room' });
    expect(defaultCell(mapData(), null)).toEqual({ stageId: 'st-discover', laneId: 'lane-touch' });
  });

  it('never an emotion curve or a hidden lane', () => {
    expect(captureLanes(mapData()).map((l) => l.id)).toEqual(['lane-touch']);
    expect(defaultCell({ ...mapData(), lanes: mapData().lanes.filter((l) => l.kind === 'emotions') }, null)).toBeNull();
  });
});

describe('a captured note', () => {
  const map = withThoughts();
  const cell = { stageId: 'st-convert', laneId: 'lane-room' };

  it('is an AddCard at the end of the cell, in the lane’s kind, with its author', () => {
    const edit = captureEdit(map, cell, '  Too many forms  ', 'p-ada', () => 'card-new');
    expect(edit?.type).toBe('AddCard');
    if (edit?.type !== 'AddCard') return;
    expect(edit.mapId).toBe('map-1');
    expect(edit.index).toBeGreaterThanOrEqual(1_000_000);
    expect(edit.card).toMatchObject({
      id: 'card-new', stageId: 'st-convert', laneId: 'lane-room', kind: 'thoughts', title: 'Too many forms', body: '', author: 'p-ada', tags: [],
    });
  });

  it('without anybody chosen has no author; empty text adds nothing', () => {
    const edit = captureEdit(map, cell, 'Idea', null);
    expect(edit?.type === 'AddCard' && edit.card.author).toBeNull();
    expect(captureEdit(map, cell, '   ', 'p-ada')).toBeNull();
    expect(captureEdit(map, cell, '', 'p-ada')).toBeNull();
  });

  it('is named and counted by its cell', () => {
    const cards = [...map.cards, { ...map.cards[0]!, id: 'n1', ...cell, author: 'p-ada' }, { ...map.cards[0]!, id: 'n2', ...cell, author: 'p-bo' }];
    expect(cellLabel(map, cell)).toBe('Convert × Sticky notes');
    const counts = cellCounts({ ...map, cards }, cell);
    expect(counts.total).toBe(2);
    expect(counts.byAuthor.get('p-ada')).toBe(1);
  });
});

describe('participants', () => {
  it('are added by name, the model choosing initials and colour', () => {
    expect(addParticipantEdit('  Ada   Lovelace ', 2, 'p1')).toEqual({
      type: 'AddParticipant', participant: { id: 'p1', name: 'Ada Lovelace', initials: '', color: '' }, index: 2,
    });
    expect(addParticipantEdit('  ', 0)).toBeNull();
  });

  it('renamed, their initials following the name', () => {
    const p = { id: 'p1', name: 'Ada', initials: 'AD', color: '#1d4ed8' };
    expect(renameParticipantEdit(p, 'Ada Byron')).toEqual({ type: 'UpdateParticipant', participantId: 'p1', props: { name: 'Ada Byron', initials: '' } });
    expect(renameParticipantEdit(p, ' Ada ')).toBeNull();
  });

  it('picked by digit, in order', () => {
    const ps = [{ id: 'a', name: 'A', initials: 'A', color: '#000000' }, { id: 'b', name: 'B', initials: 'B', color: '#000000' }];
    expect(participantByDigit(ps, 2)?.id).toBe('b');
    expect(participantByDigit(ps, 3)).toBeNull();
    expect(participantByDigit(ps, 0)).toBeNull();
  });
});
