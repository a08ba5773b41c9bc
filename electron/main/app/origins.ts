/** Where the UI is served from in every packaged or `npm start` build (DESIGN.md §8). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hotline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it has none.
 * Not `URL.origin`: WHATWG gives custom schemes such as app:// the opaque origin "null".
 */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // An unparsable URL has no origin; callers treat that as untrusted.
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * Origins whose pages may call the seat and be navigated within: app://hotline, plus the
 * electron-vite dev server only while running unpackaged from source.
 */
export function trustedOrigins(isPackaged: boolean, devServerUrl: string | undefined): readonly string[] {
  const dev = isPackaged ? null : originOf(devServerUrl);
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN];
}

export function isTrustedUrl(url: string | null | undefined, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/** The page the window loads: the dev server when unpackaged and running under `electron-vite dev`. */
export function entryUrl(isPackaged: boolean, devServerUrl: string | undefined): string {
  if (!isPackaged && devServerUrl && originOf(devServerUrl)) return devServerUrl;
  return APP_ENTRY_URL;
}
