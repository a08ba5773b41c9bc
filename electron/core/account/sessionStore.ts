import { z } from 'zod';
import { User } from '../../../shared/sync/auth';
import type { SyncMetaRepo } from '../db/syncMetaRepo';
import { OfflineVerifier } from './verifier';

/**
 * The current session as kept in `sync_meta`, so a restart keeps the operator logged in until it
 * expires. `token` is the server's session token (a secret: stored in clear in the seat database
 * for now), null for an offline login.
 */
export const StoredSession = z.object({
  token: z.string().nullable(),
  expiresAt: z.string(),
  user: User,
  offline: z.boolean(),
});
export type StoredSession = z.infer<typeof StoredSession>;

const SESSION_KEY = 'session';
const verifierKey = (username: string) => `offline_verifier:${username.toLowerCase()}`;

/** Reads and writes the session and the offline verifiers; a value that no longer parses counts as absent. */
export function sessionStore(meta: SyncMetaRepo) {
  function read<S extends z.ZodType>(schema: S, key: string): z.infer<S> | null {
    const raw = meta.get(key);
    if (!raw) return null;
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      // A damaged entry only means logging in again online.
      return null;
    }
  }

  return {
    session: () => read(StoredSession, SESSION_KEY),
    setSession: (session: StoredSession | null) => meta.set(SESSION_KEY, session ? JSON.stringify(session) : ''),
    verifier: (username: string) => read(OfflineVerifier, verifierKey(username)),
    setVerifier: (verifier: OfflineVerifier) => meta.set(verifierKey(verifier.username), JSON.stringify(verifier)),
    dropVerifier: (username: string) => meta.set(verifierKey(username), ''),
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;
