import { describe, expect, it } from 'vitest';
import { applyList, applyScenePatch, emotionLineKey } from './scenePatch';
import type { ListPatch, Scene, SceneCard, ScenePatch } from '../generated/types';
import { scene } from '../../test/fixtures';

// ---- a reference diff, the same rules as `diff` in src-tauri/crates/render/src/patch.rs ----

function diffList<T>(old: T[], next: T[], key: (item: T) => string): ListPatch<T> {
  const oldByKey = new Map(old.map((item) => [key(item), item]));
  const newKeys = next.map(key);
  const inNew = new Set(newKeys);
  const upserted = next.filter((item) => {
    const before = oldByKey.get(key(item));
    return before === undefined || JSON.stringify(before) !== JSON.stringify(item);
  });
  const removed = old.map(key).filter((k) => !inNew.has(k));
  const implied = [...old.map(key).filter((k) => inNew.has(k)), ...newKeys.filter((k) => !oldByKey.has(k))];
  const order = implied.join('\n') === newKeys.join('\n') ? null : newKeys;
  return { upserted, removed, order };
}

function diffScene(old: Scene, next: Scene): ScenePatch {
  const id = (item: { id: string }) => item.id;
  return {
    mapId: next.mapId,
    mapName: next.mapName,
    width: next.width,
    height: next.height,
    headerHeight: next.headerHeight,
    gutterWidth: next.gutterWidth,
    fonts: next.fonts,
    stages: diffList(old.stages, next.stages, id),
    lanes: diffList(old.lanes, next.lanes, id),
    cards: diffList(old.cards, next.cards, id),
    connectors: diffList(old.connectors, next.connectors, id),
    emotionLines: diffList(old.emotionLines, next.emotionLines, emotionLineKey),
    ladder: diffList(old.ladder, next.ladder, (l) => l.laneId),
    heat: diffList(old.heat, next.heat, (h) => h.stageId),
  };
}

// ---- random-ish scenes and edits ----------------------------------------------------------

/** A small LCG: the same "random" edits on every run. */
function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return n <= 0 ? 0 : state % n;
  };
}

/** The fixture scene grown to `n` cards (copies of its cards under new ids). */
function bigScene(n: number): Scene {
  const base = scene();
  const cards: SceneCard[] = [];
  for (let i = 0; i < n; i++) {
    const template = base.cards[i % base.cards.length]!;
    cards.push({ ...structuredClone(template), id: `c${i}`, y: 72 + 90 * Math.floor(i / 2), index: i });
  }
  return { ...base, cards };
}

function randomEdit(s: Scene, rand: (n: number) => number): Scene {
  const next = structuredClone(s);
  const n = next.cards.length;
  switch (rand(9)) {
    case 0:
      if (n > 0) next.cards[rand(n)]!.title = [{ text: `Edited ${rand(1000)}`, x: 1, y: 2, width: 50 }];
      break;
    case 1:
      if (n > 0) next.cards.splice(rand(n), 1);
      break;
    case 2: {
      const card = { ...structuredClone(next.cards[0] ?? scene().cards[0]!), id: `new${rand(1_000_000)}` };
      if (!next.cards.some((c) => c.id === card.id)) next.cards.splice(rand(n + 1), 0, card);
      break;
    }
    case 3:
      if (n > 1) {
        const [card] = next.cards.splice(rand(n), 1);
        next.cards.splice(rand(n), 0, card!);
      }
      break;
    case 4:
      // Everything below a taller card moves down.
      for (const card of next.cards.slice(rand(n))) card.y += 20;
      next.height += 20;
      break;
    case 5:
      next.stages.reverse();
      break;
    case 6:
      next.connectors = next.connectors.filter(() => rand(2) === 0);
      break;
    case 7:
      for (const line of next.emotionLines) line.points[0]!.value = rand(5) - 2;
      next.emotionLines.push({ ...structuredClone(next.emotionLines[0]!), personaId: `p${rand(100)}` });
      next.emotionLines = next.emotionLines.filter(
        (l, i, all) => all.findIndex((m) => emotionLineKey(m) === emotionLineKey(l)) === i,
      );
      break;
    default:
      next.mapName = `Renamed ${rand(100)}`;
      next.lanes[0]!.collapsed = !next.lanes[0]!.collapsed;
  }
  return next;
}

describe('applyScenePatch', () => {
  it('turns the old scene into the new one for random edits', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rand = lcg(seed);
      let old = bigScene(40);
      for (let step = 0; step < 40; step++) {
        let next = randomEdit(old, rand);
        if (rand(2) === 0) next = randomEdit(next, rand);
        const patch = diffScene(old, next);
        // Through JSON, as it crosses IPC.
        const patched = applyScenePatch(old, JSON.parse(JSON.stringify(patch)) as ScenePatch);
        expect(patched, `seed ${seed}, step ${step}`).toEqual(next);
        // Items the patch did not touch are the same objects as before.
        const touched = new Set(patch.cards.upserted.map((c) => c.id));
        for (const card of patched.cards) {
          if (!touched.has(card.id)) expect(card).toBe(old.cards.find((c) => c.id === card.id));
        }
        old = patched;
      }
    }
  });

  it('replaces only the edited card for a one-card title edit', () => {
    const old = bigScene(200);
    const next = structuredClone(old);
    next.cards[17]!.title = [{ text: 'Gives $10 today', x: 188, y: 100, width: 110 }];
    const patch = diffScene(old, next);
    expect(patch.cards.upserted.map((c) => c.id)).toEqual(['c17']);
    expect(patch.cards.removed).toEqual([]);
    expect(patch.cards.order).toBeNull();
    for (const list of [patch.stages, patch.lanes, patch.connectors, patch.emotionLines]) {
      expect(list).toEqual({ upserted: [], removed: [], order: null });
    }

    const patched = applyScenePatch(old, patch);
    expect(patched).toEqual(next);
    expect(patched).not.toBe(old);
    expect(old.cards[17]!.title[0]!.text).not.toBe('Gives $10 today'); // old left alone
    expect(patched.cards[17]).toBe(patch.cards.upserted[0]);
    patched.cards.forEach((card, i) => {
      if (i !== 17) expect(card).toBe(old.cards[i]);
    });
    // Unchanged lists and fonts are kept whole.
    expect(patched.stages).toBe(old.stages);
    expect(patched.lanes).toBe(old.lanes);
    expect(patched.connectors).toBe(old.connectors);
    expect(patched.emotionLines).toBe(old.emotionLines);
    expect(patched.fonts).toBe(old.fonts);
  });

  it('appends new items without an order and reorders when told', () => {
    const key = (x: { id: string }) => x.id;
    const a = { id: 'a' };
    const b = { id: 'b' };
    const c = { id: 'c' };
    const b2 = { id: 'b', v: 2 };
    expect(applyList([a, b], { upserted: [c], removed: [], order: null }, key)).toEqual([a, b, c]);
    expect(applyList([a, b, c], { upserted: [b2], removed: ['a'], order: null }, key)).toEqual([b2, c]);
    const reordered = applyList([a, b], { upserted: [c], removed: [], order: ['c', 'b', 'a'] }, key);
    expect(reordered).toEqual([c, b, a]);
    expect(reordered[1]).toBe(b);
    const list = [a, b];
    expect(applyList(list, { upserted: [], removed: [], order: null }, key)).toBe(list);
  });

  it('keys emotion lines by lane and persona, as Rust does', () => {
    expect(emotionLineKey({ laneId: 'l2', personaId: 'p0' })).toBe('l2\u001fp0');
  });
});
