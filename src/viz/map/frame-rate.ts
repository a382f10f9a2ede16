/**
 * How fast the map can be drawn here, and how often the animated layout may ask for a frame.
 * A frame drawn while the layout moves costs sigma's processing of every person and tie plus the
 * drawing itself, all on the page's main thread; where WebGL runs in software (no GPU: virtual
 * desktops, locked-down laptops, headless browsers) that is hundreds of milliseconds.
 */

/** A frame taking longer than this (main-thread milliseconds) is too slow to animate. */
export const FRAME_BUDGET_MS = 30;

/**
 * Milliseconds between two frames of the animated layout: three frames' cost, so the page keeps
 * two thirds of its time for the user, never more often than 20 a second. Watching anyway
 * (slow frames), at most one frame a second's worth of cost in three.
 */
export function frameMillisFor(renderMs: number | null, anyway = false): number {
  const cost = renderMs ?? 10;
  return Math.round(Math.min(anyway ? 3000 : 1000, Math.max(50, 3 * cost)));
}

let software: boolean | null = null;

/** Whether isSoftwareWebGL() has been asked already on this page. */
export function softwareWebGLKnown(): boolean {
  return software !== null;
}

/**
 * Whether WebGL runs in software here (SwiftShader, llvmpipe, Microsoft's basic renderer), read
 * once from the renderer's name; false when the browser does not say.
 */
export function isSoftwareWebGL(): boolean {
  if (software !== null) return software;
  software = false;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl');
    if (!gl) return software;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    software = /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    // No answer: assume a GPU, and let measured frames decide.
  }
  return software;
}

/**
 * Holds sigma's frames back while a graph is filled under its eyes: each person added is indexed
 * at once (in the slice that adds it) but the frame, which processes everyone, waits for
 * `release()`, so it runs once rather than after every slice.
 */
export function holdFrames(sigma: { scheduleRender(): unknown }): { release: () => void } {
  const target = sigma as unknown as { scheduleRender: () => unknown };
  target.scheduleRender = () => sigma;
  return {
    release: () => {
      delete (target as { scheduleRender?: unknown }).scheduleRender;
      sigma.scheduleRender();
    },
  };
}
