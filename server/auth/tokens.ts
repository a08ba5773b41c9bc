import { createHash, randomBytes } from 'node:crypto';

/** A bearer token: 256 random bits. Only its hash is stored, so a leaked database grants no sessions. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
