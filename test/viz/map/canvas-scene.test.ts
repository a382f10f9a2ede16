import { describe, expect, it } from 'vitest';
import { STAGE_PADDING, frame, framedToViewport, framingOf, pixelsPerUnit, scaledSize, viewportToFramed } from '../../../src/viz/map/canvas-scene.ts';

describe('the worker-drawn map: frame and screen', () => {
  const size = { width: 800, height: 500 };

  it('frames raw layout coordinates: the longer side spans [0, 1], centred', () => {
    const framing = framingOf([-100, 300, 100], [0, 50, 100], 3);
    expect(framing).toEqual({ cx: 100, cy: 50, extent: 400 });
    expect(frame(-100, framing.cx, framing)).toBe(0);
    expect(frame(300, framing.cx, framing)).toBe(1);
    // The shorter side is centred on 0.5.
    expect(frame(0, framing.cy, framing)).toBeCloseTo(0.375, 12);
    expect(frame(100, framing.cy, framing)).toBeCloseTo(0.625, 12);
  });

  it('frames one person, or no one, without dividing by zero', () => {
    expect(framingOf([5], [7], 1)).toEqual({ cx: 5, cy: 7, extent: 1 });
    expect(framingOf([], [], 0)).toEqual({ cx: 0, cy: 0, extent: 1 });
  });

  it('puts the whole frame inside the view at zoom 1, with the stage padding, y upwards', () => {
    const camera = { x: 0.5, y: 0.5, ratio: 1 };
    expect(framedToViewport(0.5, 0.5, size, camera)).toEqual({ x: 400, y: 250 });
    const top = framedToViewport(0.5, 1, size, camera);
    expect(top.y).toBeCloseTo(STAGE_PADDING, 9);
    const bottom = framedToViewport(0.5, 0, size, camera);
    expect(bottom.y).toBeCloseTo(size.height - STAGE_PADDING, 9);
  });

  it('maps the screen back to the frame exactly, at any zoom and camera', () => {
    for (const camera of [
      { x: 0.5, y: 0.5, ratio: 1 },
      { x: 0.2, y: 0.9, ratio: 0.05 },
      { x: -3, y: 4, ratio: 7 },
    ]) {
      for (const [x, y] of [
        [0, 0],
        [0.3, 0.8],
        [1, 1],
      ] as const) {
        const p = framedToViewport(x, y, size, camera);
        const back = viewportToFramed(p.x, p.y, size, camera);
        expect(back.x).toBeCloseTo(x, 9);
        expect(back.y).toBeCloseTo(y, 9);
      }
    }
  });

  it('zooms in by the ratio, and grows sizes as its square root', () => {
    expect(pixelsPerUnit(size, 0.5)).toBe(2 * pixelsPerUnit(size, 1));
    expect(scaledSize(4, 0.25)).toBe(8);
    expect(scaledSize(4, 1)).toBe(4);
  });
});
