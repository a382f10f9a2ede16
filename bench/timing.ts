/**
 * Wall-clock timing and resident-memory sampling for the benchmark. The engine runs
 * synchronously, so a timer would never fire mid-metric: RSS is sampled explicitly, before and
 * after each step and from progress callbacks, and the process's kernel-recorded peak
 * (VmHWM, reset per size) is reported alongside. While the worker pool runs, the main thread is idle
 * and a timer does fire, so `watch` samples on an interval too. Worker threads live in the same
 * process, so every sample includes their heaps.
 *
 * The machine may be shared, so each step also records the process's CPU time (user + system,
 * all threads, which includes V8's GC helpers) and the 1-minute load average is tracked: when
 * other work competes for the cores, wall time inflates and CPU time much less.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

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

  /** Samples every `ms` whenever the event loop is free (during pool runs); returns a stop. */
  watch(ms = 100): () => void {
    const timer = setInterval(() => this.sample(), ms);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Highest sampled RSS since the last reset, in MiB. */
  get peakMiB(): number {
    return this.peakBytes / 2 ** 20;
  }
}

/** The process's RSS now, in MiB. */
export function currentRssMiB(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

/**
 * The process's peak RSS as the kernel records it, in MiB: VmHWM from /proc/self/status, which
 * belongs to this process's own address space and can be reset (`resetKernelPeakRss`). getrusage's
 * maxRSS is the fallback off Linux; on Linux it is not used because it carries over from the
 * parent across fork and exec (a child spawned from a 1 GiB Node process reports at least ~1 GiB).
 */
export function kernelPeakRssMiB(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Resets the kernel's peak RSS to the current RSS (Linux: writing 5 to /proc/self/clear_refs),
 * so the next `kernelPeakRssMiB` is the peak since now. Returns false where that is unsupported
 * and the peak stays the process's lifetime peak.
 */
export function resetKernelPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * A full garbage collection, run when a size starts so its memory figures do not carry the
 * previous size's garbage. Not run before every step: measured on the small graph, a forced GC
 * before each step made the allocation-heavy steps that followed (Louvain, clustering) 2-7x
 * slower, which says more about the forced GC than about them. `--expose-gc` cannot be passed
 * through `npm run bench`, so it is switched on at run time; where that fails, collection is
 * left to V8.
 */
let gcFunction: (() => void) | null | undefined;

/** Runs a full GC; returns false where it could not be enabled. Enabled on first use only. */
export function collectGarbage(): boolean {
  if (gcFunction === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      gcFunction = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      gcFunction = null;
    }
  }
  gcFunction?.();
  return gcFunction !== null;
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

/** `timeOnce` for work that awaits (the worker pool); CPU time covers the workers' threads too. */
export async function timeOnceAsync<T>(fn: () => Promise<T>, sampler?: RssSampler): Promise<Timed<T>> {
  sampler?.sample();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
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
