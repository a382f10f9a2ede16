/**
 * Progress and cancellation for long engine work. Engine functions call `report` between steps
 * and inside long loops; a caller (worker, CLI) decides what to do with it.
 */
export interface RunHooks {
  /** Called with a step name and the fraction of that step done (0..1). */
  onProgress?: (step: string, fraction: number) => void;
  /** Polled between batches; returning true stops the work with a CancelledError. */
  isCancelled?: () => boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'CancelledError';
  }
}

export function checkCancelled(hooks: RunHooks | undefined): void {
  if (hooks?.isCancelled?.()) throw new CancelledError();
}
