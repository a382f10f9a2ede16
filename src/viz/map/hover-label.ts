/**
 * The selected or hovered node drawn for reading, on both maps: a white halo around it, and its
 * name on a white box at the spot the caller chooses (kept inside the canvas, or kept free).
 */
import type { LabelSpot } from './label-placement.ts';

/** The label settings read here (sigma's names): the worker-drawn map passes its own. */
export interface HoverLabelSettings {
  labelSize: number;
  labelWeight: string;
  labelFont: string;
  labelColor: { color?: string };
}

export function drawHoverLabel(
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  data: { x: number; y: number; size: number; label: string | null },
  settings: HoverLabelSettings,
  spotOf: (textWidth: number, fontSize: number) => LabelSpot,
): void {
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  context.shadowOffsetX = 0;
  context.shadowOffsetY = 0;
  context.shadowBlur = 8;
  context.shadowColor = 'rgba(0, 0, 0, 0.45)';
  context.fillStyle = '#fff';
  context.beginPath();
  context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
  context.fill();
  const spot = data.label ? spotOf(context.measureText(data.label).width, size) : null;
  if (spot) context.fillRect(spot.box.x - 1, spot.box.y - 1, spot.box.width + 2, spot.box.height + 2);
  context.shadowBlur = 0;
  if (spot && data.label) {
    context.fillStyle = settings.labelColor.color ?? '#000';
    context.fillText(data.label, spot.x, spot.y);
  }
}
