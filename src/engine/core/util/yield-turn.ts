/**
 * Gives the event loop a turn. A pool of workers is fed from the thread that drives it (their
 * replies are handled there), so a long run of work on that thread leaves the workers idle; work
 * that runs beside a pool yields between its steps. A macrotask, not a microtask, so that
 * messages get in; `setTimeout` is the one every runtime here has (Node, browsers, workers).
 */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
