import { describe, expect, it } from 'vitest';
import { cleanName, renameMapEdit, type RenamableMap } from './edits';

const map: RenamableMap = {
  id: 'map-1',
  name: 'Donor journey',
  description: 'From first touch to monthly giving',
  personaIds: ['p-ada', 'p-bo'],
};

describe('renameMapEdit', () => {
  it('builds an UpdateMap edit that keeps the description and personas', () => {
    expect(renameMapEdit(map, 'Donor path')).toEqual({
      type: 'UpdateMap',
      mapId: 'map-1',
      props: { name: 'Donor path', description: 'From first touch to monthly giving', personaIds: ['p-ada', 'p-bo'] },
    });
  });

  it('trims the new name', () => {
    const edit = renameMapEdit(map, '  Donor path \t');
    expect(edit?.type === 'UpdateMap' && edit.props.name).toBe('Donor path');
  });

  it('sends nothing for an empty or whitespace-only name', () => {
    expect(renameMapEdit(map, '')).toBeNull();
    expect(renameMapEdit(map, '   \n')).toBeNull();
  });

  it('sends nothing for an unchanged name, even with extra whitespace', () => {
    expect(renameMapEdit(map, 'Donor journey')).toBeNull();
    expect(renameMapEdit(map, ' Donor journey ')).toBeNull();
  });

  it('does not share the persona list with the map it was built from', () => {
    const edit = renameMapEdit(map, 'Other');
    expect(edit?.type === 'UpdateMap' && edit.props.personaIds).not.toBe(map.personaIds);
  });

  it('keeps an empty description and no personas as they are', () => {
    expect(renameMapEdit({ id: 'm', name: 'A', description: '', personaIds: [] }, 'B')).toEqual({
      type: 'UpdateMap',
      mapId: 'm',
      props: { name: 'B', description: '', personaIds: [] },
    });
  });
});

describe('cleanName', () => {
  it('drops surrounding whitespace only', () => {
    expect(cleanName('  a  b ')).toBe('a  b');
  });
});
