/**
 * What the people map asks of whatever draws it: sigma (WebGL) on a GPU, or the worker-drawn
 * canvas (canvas-renderer.ts) where WebGL runs in software. Sigma's own names and shapes, so
 * sigma fits it as it is.
 */
import type { Camera } from 'sigma';
import type { MapGraph } from './map-graph.ts';

export interface MapRendererDisplayData {
  x: number;
  y: number;
  size: number;
  label: string | null;
  hidden?: boolean;
}

export interface MapRenderer {
  getCamera(): Camera;
  getGraph(): MapGraph;
  setGraph(graph: MapGraph): void;
  getDimensions(): { width: number; height: number };
  getCanvases(): Partial<Record<string, HTMLCanvasElement>>;
  getSetting(key: 'labelWeight' | 'labelFont'): unknown;
  setSettings(settings: object): unknown;
  scaleSize(size?: number): number;
  framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number };
  getNodeDisplayData(id: string): MapRendererDisplayData | undefined;
  on(event: 'clickNode' | 'enterNode' | 'leaveNode', listener: (payload: { node: string }) => void): unknown;
  on(event: 'clickStage' | 'beforeRender' | 'afterRender', listener: () => void): unknown;
  once(event: 'afterRender', listener: () => void): unknown;
  refresh(options?: { partialGraph?: { nodes?: string[] }; skipIndexation?: boolean }): unknown;
  scheduleRender(): unknown;
  kill(): void;
  /** Main-thread milliseconds of the last frame, where the renderer knows it better than the time between its events. */
  readonly mainThreadMs?: number;
}
