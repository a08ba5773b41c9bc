import { z } from 'zod';
import { User } from '../../../shared/sync/auth';
import type { SyncMetaRepo } from '../db/syncMetaRepo';
import { OfflineVerifier } from './verifier';

/**
 * The current session as kept in `sync_meta`, so a restart keeps the operator logged in until it
 * expires. `token` is the server's session token, null for an offline login; the whole entry is
 * kept sealed (`SecretBox`) because of it.
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
  function read<S extends z.ZodType>(schema: S, raw: string | null): z.infer<S> | null {
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
    session: () => read(StoredSession, meta.getSecret(SESSION_KEY)),
    setSession: (session: StoredSession | null) =>
      meta.setSecret(SESSION_KEY, session ? JSON.stringify(session) : null),
    verifier: (username: string) => read(OfflineVerifier, meta.get(verifierKey(username))),
    setVerifier: (verifier: OfflineVerifier) => meta.set(verifierKey(verifier.username), JSON.stringify(verifier)),
    dropVerifier: (username: string) => meta.set(verifierKey(username), ''),
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;
