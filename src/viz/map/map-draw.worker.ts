/**
 * The map's drawing worker, where WebGL runs in software: draws each scene the page sends
 * (canvas-scene.ts) on the canvas the page handed over, so the page's main thread
 * never rasters the map. Messages are drained before drawing: only the latest scene and view
 * are drawn.
 */
import { drawScene, type Scene } from './draw-scene.ts';
import type { FromDrawWorker, SceneView, ToDrawWorker } from './canvas-scene.ts';

let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;
let scene: Scene | null = null;
let labels: string[] = [];
let view: SceneView | null = null;
let frame = 0;
let scheduled = false;

const post = (message: FromDrawWorker): void => self.postMessage(message);

function draw(): void {
  scheduled = false;
  if (!canvas || !context || !scene || !view) return;
  const started = performance.now();
  const width = Math.max(1, Math.round(view.width * view.pixelRatio));
  const height = Math.max(1, Math.round(view.height * view.pixelRatio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const names = drawScene(context, scene, view);
  post({ kind: 'drawn', frame, millis: performance.now() - started, names });
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // After the messages already queued: a burst of camera moves draws once.
  setTimeout(draw, 0);
}

async function picture(id: number, background: string): Promise<void> {
  if (!scene || !view) return post({ kind: 'picture', id, blob: null, error: 'nothing drawn yet' });
  try {
    const out = new OffscreenCanvas(Math.round(view.width * view.pixelRatio), Math.round(view.height * view.pixelRatio));
    const ctx = out.getContext('2d')!;
    drawScene(ctx, scene, { ...view, moving: false }, background);
    post({ kind: 'picture', id, blob: await out.convertToBlob({ type: 'image/png' }) });
  } catch (error) {
    post({ kind: 'picture', id, blob: null, error: error instanceof Error ? error.message : String(error) });
  }
}

self.onmessage = (event: MessageEvent<ToDrawWorker>) => {
  const message = event.data;
  switch (message.kind) {
    case 'canvas':
      canvas = message.canvas;
      context = canvas.getContext('2d', { alpha: true });
      break;
    case 'labels':
      labels = message.labels;
      break;
    case 'scene':
      scene = { nodes: message.nodes, ties: message.ties, style: message.style, labels };
      frame = Math.max(frame, message.frame);
      schedule();
      break;
    case 'view':
      view = message.view;
      frame = Math.max(frame, message.frame);
      schedule();
      break;
    case 'picture':
      void picture(message.id, message.background);
      break;
  }
};
