import crypto from 'node:crypto';
import { TOKEN_PARAM } from '../../shared/contract/wire';

/** A fresh secret per launch: only whoever sees the printed URL can open the page or the socket. */
export function newLaunchToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export type Access = {
  /** The host's own origin, `http://127.0.0.1:<port>`: the only page allowed to open the socket. */
  origin: string;
  hasToken(url: URL): boolean;
  isOwnOrigin(origin: string | undefined): boolean;
  /** Refuses a foreign Host header, so a DNS-rebound name cannot reach the loopback server. */
  isOwnHost(host: string | undefined): boolean;
};

export function createAccess(token: string, port: number): Access {
  const expected = Buffer.from(token);
  const hostPort = `127.0.0.1:${port}`;
  const origin = `http://${hostPort}`;
  return {
    origin,
    hasToken(url) {
      const given = Buffer.from(url.searchParams.get(TOKEN_PARAM) ?? '');
      // Constant-time comparison: the token must not leak through response timing.
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    },
    isOwnOrigin: (value) => value === origin,
    isOwnHost: (value) => value === hostPort,
  };
}

/**
 * The request's path and query. The raw request target is appended to the host's own origin, so
 * neither the client's Host header nor a `//other-host/…` target can change where it points.
 */
export function requestUrl(rawUrl: string | undefined, access: Access): URL | null {
  try {
    return new URL(`${access.origin}${rawUrl ?? '/'}`);
  } catch {
    // An unparsable request target is refused by the caller; nothing to recover.
    return null;
  }
}
