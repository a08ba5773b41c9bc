/** Timing and memory readings shared by the bench's child processes. */

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export const round3 = (n: number) => Math.round(n * 1000) / 1000;
export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export type Latency = { p50_ms: number; p95_ms: number; p99_ms: number };

export function latency(samples: readonly number[]): Latency {
  return {
    p50_ms: round3(percentile(samples, 50)),
    p95_ms: round3(percentile(samples, 95)),
    p99_ms: round3(percentile(samples, 99)),
  };
}

export function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/**
 * Resident memory once the work is done, after a full GC when the child runs with --expose-gc, so
 * garbage left by building does not count; the peak is reported beside it.
 */
export function memory(): { rss_mb: number; peak_rss_mb: number } {
  globalThis.gc?.();
  return { rss_mb: mb(process.memoryUsage().rss), peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024) };
}
