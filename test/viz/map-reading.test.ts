import { describe, expect, it } from 'vitest';
import { LabelSpace, labelSettings, labelSpot } from '../../src/viz/map/label-placement.ts';
import { mapKeyAction, stepInList } from '../../src/viz/map/map-keyboard.ts';

const VIEW = { width: 400, height: 300 };

describe('where a name goes', () => {
  it('beside the person, as sigma draws it, when there is room', () => {
    const spot = labelSpot(100, 100, 5, 60, 14, VIEW);
    expect(spot.x).toBe(108);
    expect(spot.y).toBeCloseTo(100 + 14 / 3);
  });

  it('to their left near the right edge, and inside the canvas at every edge', () => {
    const right = labelSpot(380, 100, 5, 60, 14, VIEW);
    expect(right.x).toBe(380 - 8 - 60);
    expect(right.box.x + right.box.width).toBeLessThanOrEqual(VIEW.width);
    // At the left edge with no room either side: pulled in to the margin.
    const left = labelSpot(-20, 100, 5, 60, 14, VIEW);
    expect(left.x).toBe(4);
    // Top and bottom: the text stays between the edges.
    const top = labelSpot(100, -30, 5, 60, 14, VIEW);
    expect(top.box.y).toBeGreaterThanOrEqual(0);
    const bottom = labelSpot(100, 310, 5, 60, 14, VIEW);
    expect(bottom.box.y + bottom.box.height).toBeLessThanOrEqual(VIEW.height);
    // Wider than the canvas: starts at its left edge.
    expect(labelSpot(200, 100, 5, 500, 14, VIEW).x).toBe(4);
  });

  it('not over a name already drawn in the frame', () => {
    const space = new LabelSpace(32);
    space.reset(VIEW);
    const first = labelSpot(100, 100, 5, 80, 14, VIEW).box;
    expect(space.place(first)).toBe(true);
    // A neighbour 4 px below would write over it; one 30 px below fits.
    expect(space.place(labelSpot(104, 104, 5, 80, 14, VIEW).box)).toBe(false);
    expect(space.place(labelSpot(104, 130, 5, 80, 14, VIEW).box)).toBe(true);
    // A new frame starts empty.
    space.reset(VIEW);
    expect(space.place(labelSpot(104, 104, 5, 80, 14, VIEW).box)).toBe(true);
  });

  it('checks boxes that reach past the canvas too', () => {
    const space = new LabelSpace(32);
    space.reset(VIEW);
    expect(space.place({ x: -10, y: -10, width: 20, height: 20 })).toBe(true);
    expect(space.fits({ x: -5, y: -5, width: 4, height: 4 })).toBe(false);
  });
});

describe('label density', () => {
  it('shows fewer, larger-spaced names for "few", every name for "all" on a small map', () => {
    const few = labelSettings('few', 14, 140);
    const some = labelSettings('some', 14, 140);
    const all = labelSettings('all', 14, 140);
    expect(few.labelDensity).toBeLessThan(some.labelDensity);
    expect(few.labelGridCellSize).toBeGreaterThan(some.labelGridCellSize);
    expect(few.labelRenderedSizeThreshold).toBeGreaterThan(some.labelRenderedSizeThreshold);
    expect(all.labelRenderedSizeThreshold).toBe(0);
    expect(some).toEqual({ labelDensity: 1, labelGridCellSize: 100, labelRenderedSizeThreshold: 8, labelSize: 14 });
  });

  it('grows the grid with the names, and keeps a big map from drawing every dot\'s name', () => {
    expect(labelSettings('some', 21, 140).labelGridCellSize).toBe(150);
    const big = labelSettings('all', 14, 50_000);
    expect(big.labelRenderedSizeThreshold).toBeGreaterThan(0);
    expect(big.labelDensity).toBeLessThan(10);
    expect(labelSettings('some', 14, 50_000).labelRenderedSizeThreshold).toBe(12);
  });
});

describe('the map by keyboard', () => {
  it('maps keys to actions, leaving other keys alone', () => {
    expect(mapKeyAction('ArrowRight')).toEqual({ kind: 'step', by: 1 });
    expect(mapKeyAction('ArrowUp')).toEqual({ kind: 'step', by: -1 });
    expect(mapKeyAction('Enter')).toEqual({ kind: 'select' });
    expect(mapKeyAction('+')).toEqual({ kind: 'zoom', in: true });
    expect(mapKeyAction('=')).toEqual({ kind: 'zoom', in: true });
    expect(mapKeyAction('-')).toEqual({ kind: 'zoom', in: false });
    expect(mapKeyAction('Escape')).toEqual({ kind: 'escape' });
    expect(mapKeyAction('f')).toEqual({ kind: 'focus' });
    expect(mapKeyAction('Tab')).toBeNull();
    expect(mapKeyAction('a')).toBeNull();
  });

  it('steps through the list, wrapping around, starting at an end from outside it', () => {
    const list = ['a', 'b', 'c'];
    expect(stepInList(list, null, 1)).toBe('a');
    expect(stepInList(list, null, -1)).toBe('c');
    expect(stepInList(list, 'a', 1)).toBe('b');
    expect(stepInList(list, 'c', 1)).toBe('a');
    expect(stepInList(list, 'a', -1)).toBe('c');
    expect(stepInList(list, 'zed', 1)).toBe('a');
    expect(stepInList([], 'a', 1)).toBeNull();
  });
});
