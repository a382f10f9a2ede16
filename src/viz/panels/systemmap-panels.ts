/**
 * The System map view's panels, drawn where the shell asks: feedback loops (Loops), where to push
 * (Leverage), gaps and introductions (Who works where), editing with undo (Edit), and the summary
 * beside the map. Each `renderX` draws its component (../components/systemmap-*.tsx) and keeps it
 * across redraws (a loop traced, an edit made), so a list stays on the page the reader was on.
 */
import { h } from 'preact';
import { mountKept } from '../components/keep-mount.ts';
import { LoopsPanel } from '../components/systemmap-loops.tsx';
import { LeveragePanel } from '../components/systemmap-leverage.tsx';
import { ActorsPanel } from '../components/systemmap-actors.tsx';
import { MapEditor } from '../components/systemmap-editor.tsx';
import { SystemMapSummary } from '../components/systemmap-summary.tsx';
import type { SystemMapActions } from '../components/systemmap-actions.ts';
import type { SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';

export type SystemMapPanelActions = SystemMapActions;

export function renderLoops(target: HTMLElement, report: SystemMapReport, actions: SystemMapPanelActions, activeLoop: string | null): void {
  mountKept(target, 'systemmap-loops', h(LoopsPanel, { report, activeLoop, trace: (loop) => actions.highlightLoop(loop ? loop.factors : null) }));
}

export function renderLeverage(target: HTMLElement, report: SystemMapReport, actions: SystemMapPanelActions): void {
  mountKept(target, 'systemmap-leverage', h(LeveragePanel, { report, selectFactor: (id) => actions.selectFactor(id) }));
}

export function renderActors(target: HTMLElement, report: SystemMapReport): void {
  mountKept(target, 'systemmap-actors', h(ActorsPanel, { report }));
}

export function renderEditor(target: HTMLElement, map: SystemMap, selected: string | null, actions: SystemMapPanelActions): void {
  mountKept(target, 'systemmap-editor', h(MapEditor, { map, selected, actions }));
}

/** The summary beside the map: counts, loops, leverage points, gaps, and how to use the view. */
export function renderSystemMapSummary(target: HTMLElement, map: SystemMap, report: SystemMapReport | null): void {
  mountKept(target, 'systemmap-summary', h(SystemMapSummary, { map, report }));
}
