/**
 * Fixed-window attempt counter kept in process memory. Enough for login throttling per server
 * process; several processes each allow `limit`, which still bounds guessing.
 */
export function createRateLimiter(limit: number, windowMs: number, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one attempt for `key`; false when the key has used up its window. */
    tryAcquire(key: string): boolean {
      const t = now();
      const w = windows.get(key);
      if (!w || t - w.start >= windowMs) {
        if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= windowMs) windows.delete(k);
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      w.count += 1;
      return w.count <= limit;
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
