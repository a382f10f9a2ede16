import { describe, expect, it } from 'vitest';
import { clampZ, colorIndex, drawingOrder, sized } from '../../../src/viz/map/canvas-drawn.ts';

describe('the worker-drawn map: one pass', () => {
  it('draws lower zIndex first, keeping the order of equals', () => {
    const z = Int8Array.from([1, 0, 2, 0, 1, -1]);
    expect([...drawingOrder(z)]).toEqual([5, 1, 3, 0, 4, 2]);
  });

  it('keeps any zIndex within the range the order counts', () => {
    expect(clampZ(500)).toBe(100);
    expect(clampZ(-500)).toBe(-100);
    expect(clampZ(undefined)).toBe(0);
    expect(clampZ('x')).toBe(0);
    expect(clampZ(1.6)).toBe(2);
    expect([...drawingOrder(Int8Array.from([100, -100, 0]))]).toEqual([1, 2, 0]);
  });

  it('gives each colour one palette entry', () => {
    const drawn = sized(['a', 'b'], new Map([['a', 0], ['b', 1]]), ['A', 'B'], [], new Uint32Array(0), new Uint32Array(0));
    expect(colorIndex(drawn, '#111')).toBe(0);
    expect(colorIndex(drawn, '#222')).toBe(1);
    expect(colorIndex(drawn, '#111')).toBe(0);
    expect(drawn.palette).toEqual(['#111', '#222']);
    expect(drawn.x.length).toBe(2);
    expect(drawn.tieSize.length).toBe(0);
  });
});
