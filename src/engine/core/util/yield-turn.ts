/**
 * Gives the event loop a turn. A pool of workers is fed from the thread that drives it (their
 * replies are handled there), so a long run of work on that thread leaves the workers idle; work
 * that runs beside a pool yields between its steps. A macrotask, not a microtask, so that
 * messages get in; not `setTimeout(0)`, which waits at least 1 ms in Node and 4 ms in browsers
 * once nested, where `setImmediate` (Node) and a message to oneself (browsers, workers) do not.
 */
export function yieldTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
