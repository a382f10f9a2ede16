/**
 * Work on the page in slices of a few milliseconds, so a long loop (building a map, the look-ups
 * of 50,000 people) never holds the page's main thread for more than a slice.
 */
export interface SliceOptions {
  /** Milliseconds of work between two awaits of `between`. Default 8. */
  budgetMs?: number;
  /** Awaited between slices, e.g. a yield to the page; returning false abandons the work. */
  between?: () => Promise<boolean>;
}

/**
 * Work in slices of a few milliseconds: `due(i)` says that the slice has used its time (asked
 * every 32 items: added under sigma's eyes, a person can cost a third of a millisecond; without
 * an item, asked now), `pause()` awaits `between` and starts the next slice, and `busyMs()` is
 * the time spent in slices, the waits between them left out.
 */
export class Slicer {
  private sliceStart = performance.now();
  private spent = 0;
  private readonly budget: number;
  private readonly between: () => Promise<boolean>;

  constructor(options: SliceOptions = {}) {
    this.budget = options.budgetMs ?? 8;
    this.between = options.between ?? (async () => true);
  }

  due(item?: number): boolean {
    return (item === undefined || (item & 31) === 31) && performance.now() - this.sliceStart >= this.budget;
  }

  busyMs(): number {
    return this.spent + performance.now() - this.sliceStart;
  }

  async pause(): Promise<boolean> {
    this.spent += performance.now() - this.sliceStart;
    const goOn = await this.between();
    this.sliceStart = performance.now();
    return goOn;
  }
}
