import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { User } from '../../../shared/sync/auth';

const KEY_LENGTH = 32;
/** N=2^15 costs ~100 ms here: cheap for one login, expensive for guessing a stolen database. */
const COST: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/**
 * What lets an operator log in at this seat while the server cannot be reached: a salted scrypt
 * hash of the password from the last online login and the user's role and scope as the server gave
 * them. Never the password itself.
 */
export const OfflineVerifier = z.object({
  username: z.string(),
  salt: z.string(),
  hash: z.string(),
  user: User,
  savedAt: z.string(),
});
export type OfflineVerifier = z.infer<typeof OfflineVerifier>;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, COST, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function createVerifier(password: string, user: User, savedAt: string): Promise<OfflineVerifier> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt);
  return { username: user.username, salt: salt.toString('base64'), hash: hash.toString('base64'), user, savedAt };
}

export async function verifyOffline(verifier: OfflineVerifier, password: string): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64');
  const actual = await derive(password, Buffer.from(verifier.salt, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
