// Small timing helpers shared by the benchmark scripts.

/** The median of a non-empty list (the upper middle of an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Milliseconds since an arbitrary start, with sub-millisecond resolution. */
export function now(): number {
  return performance.now();
}

/** Runs `run` `times` times (collecting garbage between runs when --expose-gc allows) and returns every duration. */
export function timeRuns<T>(times: number, run: () => T): { result: T; durations: number[] } {
  const durations: number[] = [];
  let result: T | undefined;
  for (let attempt = 0; attempt < times; attempt++) {
    collectGarbage();
    const start = now();
    const value = run();
    durations.push(now() - start);
    if (attempt === 0) result = value;
  }
  return { result: result as T, durations };
}

/** Frees what earlier runs left behind, so a peak RSS reflects one run; a no-op without --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The process's high-water resident set size in MB (Linux reports maxRSS in KiB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
