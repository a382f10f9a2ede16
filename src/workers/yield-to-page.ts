/**
 * Lets the page handle pending input and rendering before the caller goes on: `scheduler.yield`
 * where the browser has it, else a macrotask through a MessageChannel (setTimeout would be
 * clamped to 4 ms after a few nested calls).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
