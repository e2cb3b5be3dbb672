import { describe, expect, it } from 'vitest';
import { DRAG_THRESHOLD, GestureMachine, passedThreshold, type PointerInput } from './machine.svelte';
import { CardDrag } from './cardDrag.svelte';
import { Marquee } from './marquee';
import { Panning } from './panning';
import { Reordering } from './reordering';
import { Resizing } from './resizing';
import { SettingEmotion } from './settingEmotion';
import { Connecting } from './connecting';
import { PressHistory } from './pressHistory';
import { scene } from '../../../test/fixtures';

const sc = scene();

/** A pointer at a window point that is also the map point (zoom 1, no scroll). */
const at = (x: number, y: number, pointerId = 1): PointerInput => ({ pointerId, client: { x, y }, at: { x, y } });

describe('the gesture machine', () => {
  it('has one threshold: under it a press is a click, at it a drag', () => {
    expect(passedThreshold({ x: 0, y: 0 }, { x: DRAG_THRESHOLD - 1, y: 0 })).toBe(false);
    expect(passedThreshold({ x: 0, y: 0 }, { x: 0, y: DRAG_THRESHOLD })).toBe(true);
  });

  it('feeds only the pointer that started the gesture, and is idle after the release', () => {
    const m = new GestureMachine();
    m.begin(new Panning(1, { x: 10, y: 10 }));
    expect(m.move(at(50, 50, 2), sc)).toBeNull();
    const g = m.move(at(15, 12), sc);
    expect(g).toBeInstanceOf(Panning);
    expect((g as Panning).by).toEqual({ x: 5, y: 2 });
    expect(m.up(at(15, 12, 2), sc)).toBeNull();
    expect(m.up(at(15, 12), sc)?.outcome).toBe('drag');
    expect(m.current).toBeNull();
    expect(m.up(at(15, 12), sc)).toBeNull();
  });

  it('a pan never counts toward a double-click, even without moving', () => {
    const m = new GestureMachine();
    const presses = new PressHistory();
    m.begin(new Panning(1, { x: 10, y: 10 }));
    presses.record(m.up(at(10, 10), sc)!.outcome);
    presses.record('click');
    expect(presses.allowsDoubleClick()).toBe(false);
  });

  it('cancel ends the gesture without a release', () => {
    const m = new GestureMachine();
    m.begin(new Reordering('stage', 'st-discover', 1, { x: 200, y: 20 }));
    expect(m.cancel()).toBeInstanceOf(Reordering);
    expect(m.current).toBeNull();
    expect(m.move(at(400, 20), sc)).toBeNull();
  });

  it('a card press becomes a drag of the cards past the threshold', () => {
    const m = new GestureMachine();
    const d = new CardDrag();
    d.press(['card-a'], { x: 200, y: 100 }, { x: 200, y: 100 }, 1);
    m.begin(d);
    m.move(at(202, 101), sc);
    expect(d.phase).toBe('pressed');
    m.move(at(500, 200), sc);
    expect(d.dragging).toBe(true);
    const released = m.up(at(500, 200), sc);
    expect(released?.outcome).toBe('drag');
    expect(d.released.kind).toBe('drop');
  });
});

describe('marquee', () => {
  it('is a click on the map until it passes the threshold, then selects what it touches', () => {
    const m = new Marquee(1, { x: 170, y: 60 }, { x: 170, y: 60 }, [], false);
    const near = m.onPointerMove(at(172, 61));
    expect(near.moved).toBe(false);
    expect(near.onPointerUp().outcome).toBe('click');
    const far = near.onPointerMove(at(600, 100));
    expect(far.moved).toBe(true);
    expect(far.selected(sc).sort()).toEqual(['card-a', 'card-b']);
    expect(far.onPointerUp().outcome).toBe('drag');
  });

  it('with Shift or Ctrl adds to the selection held before', () => {
    const m = new Marquee(1, { x: 410, y: 150 }, { x: 410, y: 150 }, ['card-a'], true).onPointerMove(at(630, 250));
    expect(m.selected(sc).sort()).toEqual(['card-a', 'card-x']);
  });
});

describe('reordering a header', () => {
  it('selects on a click, follows its axis past the threshold', () => {
    const click = new Reordering('lane', 'lane-touch', 1, { x: 50, y: 100 });
    const up = click.onPointerUp(at(52, 101));
    expect(up.outcome).toBe('click');
    const moved = click.onPointerMove(at(60, 300));
    expect(moved.moved).toBe(true);
    expect(moved.pos).toBe(300);
    const stage = new Reordering('stage', 'st-discover', 1, { x: 200, y: 20 }).onPointerMove(at(560, 22));
    expect(stage.pos).toBe(560);
  });
});

describe('resizing a stage', () => {
  it('snaps the width and is no change when it ends where it began', () => {
    const r = new Resizing('st-discover', 1, 400, 240);
    expect(r.onPointerMove(at(437, 20)).width).toBe(280);
    expect(r.onPointerUp(at(402, 20)).outcome).toBe('click');
    const { outcome, last } = r.onPointerUp(at(437, 20));
    expect(outcome).toBe('drag');
    expect((last as Resizing).width).toBe(280);
  });
});

describe('dragging an emotion point', () => {
  it('takes the value under the pointer in its lane’s band', () => {
    const e = new SettingEmotion('p-ada', 'st-discover', 256, 1, 1);
    const { outcome, last } = e.onPointerUp(at(281, 380));
    expect(outcome).toBe('drag');
    expect((last as SettingEmotion).value).toBeLessThan(1);
    expect((last as SettingEmotion).old).toBe(1);
  });
});

describe('connecting two cards', () => {
  it('targets the card under the pointer, never the one it starts from', () => {
    const c = new Connecting('card-a', 1, { x: 376, y: 122 });
    expect(c.onPointerMove(at(200, 100), sc).targetId).toBeNull();
    const over = c.onPointerMove(at(450, 110), sc);
    expect(over.targetId).toBe('card-b');
    expect(over.end).toEqual({ x: 450, y: 110 });
    expect(c.onPointerUp(at(300, 300), sc).outcome).toBe('click');
  });
});
