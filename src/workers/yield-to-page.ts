/**
 * Lets the page handle pending input and rendering before the caller goes on: `scheduler.yield`
 * where the browser has it, else the engine's turn of the event loop (a macrotask through a
 * MessageChannel in browsers; setTimeout would be clamped to 4 ms after a few nested calls).
 */
import { yieldTurn } from '../engine/core/util/yield-turn.ts';

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return yieldTurn();
}
