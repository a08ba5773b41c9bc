/** Retry delays after failed sync cycles: exponential, capped, with jitter so many service points do not retry in step. */
export type BackoffOptions = { baseMs: number; capMs: number; random: () => number };

export function backoff({ baseMs, capMs, random }: BackoffOptions) {
  let failures = 0;
  return {
    /** The delay before the next attempt after one more failure: half fixed, half random ("equal jitter"). */
    fail(): number {
      const ceiling = Math.min(capMs, baseMs * 2 ** failures);
      failures += 1;
      return Math.round(ceiling / 2 + (random() * ceiling) / 2);
    },
    reset(): void {
      failures = 0;
    },
    get failures(): number {
      return failures;
    },
  };
}

export type Backoff = ReturnType<typeof backoff>;
