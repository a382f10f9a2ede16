/**
 * Wall-clock timing and resident-memory sampling for the benchmark. The engine runs
 * synchronously, so a timer would never fire mid-metric: RSS is sampled explicitly, before and
 * after each step and from progress callbacks, and the process's kernel-recorded peak
 * (getrusage maxRSS) is reported alongside.
 *
 * The machine may be shared, so each step also records the process's CPU time (user + system,
 * all threads, which includes V8's GC helpers) and the 1-minute load average is tracked: when
 * other work competes for the cores, wall time inflates and CPU time much less.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export class RssSampler {
  private peakBytes = 0;

  sample(): void {
    const rss = process.memoryUsage().rss;
    if (rss > this.peakBytes) this.peakBytes = rss;
  }

  reset(): void {
    this.peakBytes = 0;
    this.sample();
  }

  /** Highest sampled RSS since the last reset, in MiB. */
  get peakMiB(): number {
    return this.peakBytes / 2 ** 20;
  }
}

/** The process's peak RSS so far as the kernel records it, in MiB. */
export function processMaxRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Highest 1-minute load average seen at the samples taken (each progress line takes one). */
export class LoadTracker {
  private max = 0;

  sample(): number {
    const load = os.loadavg()[0] ?? 0;
    if (load > this.max) this.max = load;
    return load;
  }

  reset(): void {
    this.max = 0;
    this.sample();
  }

  get maxLoad(): number {
    return this.max;
  }
}

export const loadTracker = new LoadTracker();

export interface Timed<T> {
  /** Wall seconds (performance.now). */
  seconds: number;
  /** Process CPU seconds, user + system, over the same span. */
  cpuSeconds: number;
  value: T;
}

/** Runs `fn` once and returns its wall time and CPU time in seconds. */
export function timeOnce<T>(fn: () => T, sampler?: RssSampler): Timed<T> {
  sampler?.sample();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  sampler?.sample();
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, value };
}

export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds >= 100) return seconds.toFixed(1);
  if (seconds >= 1) return seconds.toFixed(2);
  if (seconds >= 0.01) return seconds.toFixed(3);
  if (seconds >= 0.001) return seconds.toFixed(4);
  // Sub-millisecond: two significant figures rather than a row of zeros.
  return seconds.toExponential(1);
}

export function formatRatio(ours: number | null | undefined, theirs: number | null | undefined): string {
  if (ours == null || theirs == null || theirs <= 0) return '—';
  const ratio = ours / theirs;
  return ratio >= 10 ? `${ratio.toFixed(0)}×` : `${ratio.toFixed(2)}×`;
}

/** A progress line, stamped with the UTC time of day, so a long run is watchable. */
export function logStep(size: string, message: string): void {
  const stamp = new Date().toISOString().slice(11, 19);
  const load = loadTracker.sample();
  process.stdout.write(`[${stamp}] [${size}] [load ${load.toFixed(2)}] ${message}\n`);
}
