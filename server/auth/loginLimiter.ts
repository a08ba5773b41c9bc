import { type Kysely, sql } from 'kysely';
import { type ServerDatabase } from '../store/schema';

/** Stale windows are swept on every this many attempts rather than on each one. */
const SWEEP_EVERY = 500;

/**
 * Fixed-window login attempt counter kept in the database, so all server instances share one
 * allowance per client and user name. One upsert counts the attempt and answers whether it is
 * within the limit; concurrent attempts through different instances are serialised by the row.
 */
export function createLoginLimiter(db: Kysely<ServerDatabase>, limit: number, windowMs: number, now: () => number) {
  let sinceSweep = 0;
  return {
    /** Counts one attempt for `key`; false when the key has used up its window. */
    async tryAcquire(key: string): Promise<boolean> {
      const t = now();
      if (++sinceSweep >= SWEEP_EVERY) {
        sinceSweep = 0;
        await db
          .deleteFrom('login_attempt')
          .where('window_start', '<=', t - windowMs)
          .execute();
      }
      // Both SET expressions read the row as it was, so a lapsed window restarts at one attempt.
      const { rows } = await sql<{ attempts: number | string }>`
        INSERT INTO login_attempt (attempt_key, window_start, attempts) VALUES (${key}, ${t}, 1)
        ON CONFLICT (attempt_key) DO UPDATE SET
          attempts = CASE WHEN ${t} - login_attempt.window_start >= ${windowMs} THEN 1
                          ELSE login_attempt.attempts + 1 END,
          window_start = CASE WHEN ${t} - login_attempt.window_start >= ${windowMs} THEN ${t}
                              ELSE login_attempt.window_start END
        RETURNING attempts`.execute(db);
      return Number(rows[0]?.attempts ?? Infinity) <= limit;
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
