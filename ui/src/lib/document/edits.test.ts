import { describe, expect, it } from 'vitest';
import { cleanName, renameMapEdit, type RenamableMap } from './edits';

const map: RenamableMap = { id: 'map-1', name: 'Donor journey' };

describe('renameMapEdit', () => {
  it('builds an UpdateMap edit of the name alone (the description and personas are not sent)', () => {
    expect(renameMapEdit(map, 'Donor path')).toEqual({ type: 'UpdateMap', mapId: 'map-1', props: { name: 'Donor path' } });
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

  it('needs only the id and the name shown', () => {
    expect(renameMapEdit({ id: 'm', name: 'A' }, 'B')).toEqual({ type: 'UpdateMap', mapId: 'm', props: { name: 'B' } });
  });
});

describe('cleanName', () => {
  it('drops surrounding whitespace only', () => {
    expect(cleanName('  a  b ')).toBe('a  b');
  });
});
