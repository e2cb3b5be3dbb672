import { describe, expect, it } from 'vitest';
import type { Card, Edit } from '../generated/types';
import { clonePlan, emptyCardPlan, sameJson, updateCardEdit, updateCardPlanEdit } from '../editor/edits/inspectorEdits';
import { addKpi, addNote, addReading, newKpi, parseNumber, removeKpi, removeReading, setRung, setVulnerability, kpiSummary, updateKpi } from './kpi';
import { addRungEdit, cardsByRung, defaultLadderEdit, moveRungEdit, removeRungEdit, updateRungEdit } from './ladder/ladder';
import { countsText, filterAndSort, passionRows, statusCounts } from './passion/passion';
import { initials, mapPersonaEdit, updatePersonaEdit } from './personas/personaEdits';
import { heatDots, levelWords, otherMapsAtRisk, stageLevels } from './risks/heat';
import { dimmedCardIds, dimsLine } from './personas/personaFilter.svelte';
import { mapData } from '../../test/mapData';
import { scene } from '../../test/fixtures';
import { LADDER, persona, report } from '../../test/planFixtures';

const cardB = (): Card => mapData().cards[1]!;

function props(edit: Edit | null) {
  if (edit?.type !== 'UpdateCard') throw new Error(`not an UpdateCard: ${JSON.stringify(edit)}`);
  return edit.props;
}

describe('card plan edits', () => {
  it('do not send the plan when another prop changes, and send nothing when nothing does', () => {
    const card = cardB();
    const p = props(updateCardEdit('map-1', card, { title: 'Gives $20' }));
    expect(p).toEqual({ title: 'Gives $20' });
    expect(updateCardEdit('map-1', card, { plan: clonePlan(card.plan) })).toBeNull();
  });

  it('add a KPI at the end, keeping the other KPIs; the patch is the KPI list alone', () => {
    const card = cardB();
    const kpi = newKpi('kpi-new');
    const p = props(updateCardPlanEdit('map-1', card, (plan) => addKpi(plan, kpi)));
    const kpis = p.plan?.passion?.kpis ?? [];
    expect(kpis.map((k) => k.id)).toEqual(['kpi-conv', 'kpi-new']);
    expect(kpis[1]).toEqual({
      id: 'kpi-new', name: 'New KPI', metric: '', target: null, actual: null, unit: '', better: 'up', history: [],
    });
    expect(kpis[0]).toEqual(card.plan.passion.kpis[0]);
    expect(p).toEqual({ plan: { passion: { kpis } } });
  });

  it('edit and remove a KPI, its readings in period order, notes and the vulnerability', () => {
    let plan = clonePlan(cardB().plan);
    plan = updateKpi(plan, 'kpi-conv', { actual: 4.5 });
    expect(plan.passion.kpis[0]?.actual).toBe(4.5);
    plan = addReading(plan, 'kpi-conv', { period: '2025-12', value: 2 });
    plan = addReading(plan, 'kpi-conv', { period: '2026-01', value: 3.5 }); // replaces January
    expect(plan.passion.kpis[0]?.history).toEqual([{ period: '2025-12', value: 2 }, { period: '2026-01', value: 3.5 }]);
    plan = removeReading(plan, 'kpi-conv', '2025-12');
    expect(plan.passion.kpis[0]?.history).toHaveLength(1);
    plan = addNote(plan, 'idea', 'Show the impact', 'note-2');
    expect(plan.passion.notes.map((n) => n.kind)).toEqual(['quote', 'idea']);
    plan = setVulnerability(plan, { severity: 1 });
    expect(plan.vulnerability).toEqual({ risk: 'Card declined', severity: 1, owner: '', mitigation: '' });
    plan = removeKpi(plan, 'kpi-conv');
    expect(plan.passion.kpis).toEqual([]);
  });

  it('fill in the empty plan for a card from an older backend', () => {
    const { plan: _, ...old } = cardB();
    void _;
    const p = props(updateCardPlanEdit('map-1', old as Card, (plan) => setRung(plan, 'rung-donor')));
    expect(p.plan?.rungId).toBe('rung-donor');
    expect(clonePlan(undefined)).toEqual(emptyCardPlan());
  });

  it('compare JSON structurally', () => {
    expect(sameJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });
});

describe('numbers', () => {
  it('reads what people type, refusing what is not a number', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('3.5')).toBe(3.5);
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('-0.25')).toBe(-0.25);
    expect(parseNumber('12 000')).toBe(12000);
    expect(parseNumber('abc')).toBeUndefined();
    expect(parseNumber('1e999')).toBeUndefined();
    expect(parseNumber('3,5')).toBeUndefined();
  });

  it('summarises a KPI as name: actual / target unit', () => {
    expect(kpiSummary({ name: 'Conversion', actual: 3.2, target: 4, unit: '%' })).toBe('Conversion: 3.2 / 4 %');
    expect(kpiSummary({ name: '', actual: null, target: 1200, unit: '' })).toBe('Unnamed KPI: — / 1,200');
  });
});

describe('ladder edits', () => {
  it('add a rung on top, as one SetLadder with the others unchanged', () => {
    expect(addRungEdit(LADDER, '  Major donor ', '$1m', 'rung-major')).toEqual({
      type: 'SetLadder',
      rungs: [...LADDER, { id: 'rung-major', name: 'Major donor', commitment: '$1m' }],
    });
    expect(addRungEdit(LADDER, '   ')).toBeNull();
  });

  it('move a rung up or down, and not past the ends', () => {
    const edit = moveRungEdit(LADDER, 'rung-donor', 'up');
    expect(edit?.type === 'SetLadder' && edit.rungs.map((r) => r.id)).toEqual(['rung-volunteer', 'rung-donor', 'rung-advocate']);
    expect(moveRungEdit(LADDER, 'rung-advocate', 'up')).toBeNull();
    expect(moveRungEdit(LADDER, 'rung-donor', 'down')).toBeNull();
    const down = moveRungEdit(LADDER, 'rung-advocate', 'down');
    expect(down?.type === 'SetLadder' && down.rungs.map((r) => r.id)).toEqual(['rung-donor', 'rung-advocate', 'rung-volunteer']);
  });

  it('rename and remove rungs; an empty or unchanged name sends nothing', () => {
    const edit = updateRungEdit(LADDER, 'rung-volunteer', { name: 'Helper' });
    expect(edit?.type === 'SetLadder' && edit.rungs[1]).toEqual({ id: 'rung-volunteer', name: 'Helper', commitment: 'Gives time every month' });
    expect(updateRungEdit(LADDER, 'rung-volunteer', { name: ' ' })).toBeNull();
    expect(updateRungEdit(LADDER, 'rung-volunteer', { name: 'Volunteer' })).toBeNull();
    const removed = removeRungEdit(LADDER, 'rung-donor');
    expect(removed?.type === 'SetLadder' && removed.rungs.map((r) => r.id)).toEqual(['rung-volunteer', 'rung-advocate']);
  });

  it('offers the usual ladder and groups cards by rung', () => {
    let n = 0;
    const edit = defaultLadderEdit(() => `r${++n}`);
    expect(edit.type === 'SetLadder' && edit.rungs.map((r) => r.name)).toEqual(['Donor', 'Participant', 'Volunteer', 'Advocate', 'Major donor']);
    const cards = [
      { id: 'a', plan: { rungId: 'r1' } },
      { id: 'b', plan: { rungId: null } },
      { id: 'c', plan: { rungId: 'r1' } },
    ];
    expect([...cardsByRung(cards)].map(([r, cs]) => [r, cs.map((c) => c.id)])).toEqual([['r1', ['a', 'c']]]);
  });
});

describe('passion points overview', () => {
  const points = report().passionPoints;
  const rows = passionRows(points, (mapId, cardId) => (mapId === 'map-1' ? (mapData().cards.find((c) => c.id === cardId)?.plan.passion.kpis ?? []) : null));

  it('joins the report’s statuses with the cards’ KPIs', () => {
    expect(rows[1]?.kpis).toEqual([{ kpi: mapData().cards[1]!.plan.passion.kpis[0], status: 'at_risk' }]);
    expect(rows[2]?.kpis).toEqual([]); // its map is not loaded
  });

  it('filters to the points off target, and sorts worst first', () => {
    expect(filterAndSort(rows, true, 'map').map((r) => r.point.cardId)).toEqual(['card-b', 'card-v']);
    expect(filterAndSort(rows, false, 'status').map((r) => r.point.cardId)).toEqual(['card-v', 'card-b', 'card-w', 'card-a']);
  });

  it('counts the statuses', () => {
    expect(countsText(statusCounts(points))).toBe('1 off track · 1 at risk · 1 on track · 1 with no data yet');
    expect(countsText(statusCounts(points.slice(1)))).toBe('1 off track · 1 at risk · 1 on track');
  });
});

describe('personas', () => {
  const ada = persona('p-ada', 'Ada Lovelace', { goals: 'Give', photo: { width: 1, height: 1, png: 'iVBO' } });

  it('update with a patch of the changed field alone; an empty name sends nothing', () => {
    expect(updatePersonaEdit(ada, { segment: ' Donors ' })).toEqual({
      type: 'UpdatePersona', personaId: 'p-ada',
      props: { segment: 'Donors' },
    });
    expect(updatePersonaEdit(ada, { photo: null })).toEqual({ type: 'UpdatePersona', personaId: 'p-ada', props: { photo: null } });
    expect(updatePersonaEdit(ada, { name: '  ' })).toBeNull();
    expect(updatePersonaEdit(ada, { goals: 'Give' })).toBeNull();
  });

  it('put on and take off a map with a patch of its persona list alone', () => {
    const map = { id: 'map-1', name: 'Donor journey', description: 'Why', personaIds: ['p-ada'] };
    expect(mapPersonaEdit(map, 'p-bo', true)).toEqual({
      type: 'UpdateMap', mapId: 'map-1', props: { personaIds: ['p-ada', 'p-bo'] },
    });
    expect(mapPersonaEdit(map, 'p-ada', false)).toMatchObject({ props: { personaIds: [] } });
    expect(mapPersonaEdit(map, 'p-ada', true)).toBeNull();
  });

  it('have initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  bo ')).toBe('B');
    expect(initials('Mary Ann Evans')).toBe('ME');
    expect(initials('')).toBe('');
  });
});

describe('risk', () => {
  it('gives every stage of the Scene its backend level, colour and points, and names the level', () => {
    const sc = { ...scene(), heat: [{ stageId: 'st-convert', x: 400, width: 240, level: 3, color: '#e38a8a' }] };
    expect(stageLevels(sc)).toEqual([
      { stageId: 'st-discover', name: 'Discover', level: 0, color: null, points: 0 },
      { stageId: 'st-convert', name: 'Convert', level: 3, color: '#e38a8a', points: 1 },
    ]);
    expect(levelWords({ level: 0, points: 0 })).toBe('No risk');
    expect(levelWords({ level: 3, points: 1 })).toBe('Risk level 3 of 9 · 1 point');
    expect(levelWords({ level: 9, points: 4 })).toBe('Risk level 9 of 9 · 4 points');
    expect(otherMapsAtRisk(report().vulnerabilities, 'map-1')).toEqual([]);
    expect(otherMapsAtRisk(report().vulnerabilities, 'map-2')).toEqual([{ mapId: 'map-1', mapName: 'Donor journey', points: 2 }]);
    expect(heatDots(2)).toBe('●●');
    expect(heatDots(7)).toBe('●●● 7');
  });

  it('fades the cards and lines not on the filtered persona’s path', () => {
    expect([...dimmedCardIds(mapData().cards, 'p-ada')]).toEqual(['card-x']);
    expect(dimmedCardIds(mapData().cards, null).size).toBe(0);
    expect(dimsLine('p-bo', 'p-ada')).toBe(true);
    expect(dimsLine('p-ada', 'p-ada')).toBe(false);
    expect(dimsLine('p-ada', null)).toBe(false);
  });
});
