import fs from 'node:fs/promises';
import { APP_ORIGIN } from '../app/origins';
import { contentTypeOf, rendererPathSegments, resolveInside } from '../../../shared/node/rendererFiles';
import { CONTENT_SECURITY_POLICY } from './csp';

/** The parts of a fetch Request the app:// handler looks at. */
export type AppRequest = { readonly method: string; readonly url: string };

// APP_ORIGIN is plain letters and '://', so it can sit in the pattern as is.
const PATH_OF_APP_URL = new RegExp(`^${APP_ORIGIN}(/[^?#]*)?(?:[?#].*)?$`, 's');
/**
 * Maps an app://hotline URL to a file under `rootDir`, or null if it could name anything else
 * (see rendererPathSegments for what is refused).
 */
export function resolveRendererPath(url: string, rootDir: string): string | null {
  const match = PATH_OF_APP_URL.exec(url);
  if (!match) return null;
  const segments = rendererPathSegments(match[1] ?? '/');
  return segments ? resolveInside(rootDir, segments) : null;
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function refuse(status: 404 | 405): Response {
  const headers: Record<string, string> = { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' };
  if (status === 405) headers.Allow = 'GET, HEAD';
  return new Response(status === 405 ? 'Method Not Allowed' : 'Not Found', { status, headers });
}

/**
 * The app:// protocol handler, free of Electron so it can be tested directly: serves built renderer
 * files from `rootDir` (out/renderer) with the CSP header, GET and HEAD only, 404 for anything else.
 */
export async function serveRendererRequest(request: AppRequest, rootDir: string): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return refuse(405);
  const file = resolveRendererPath(request.url, rootDir);
  if (!file) return refuse(404);

  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    // Missing file, a directory, or unreadable: the page asked for something we did not build.
    return refuse(404);
  }
  const headers = {
    ...securityHeaders(),
    'Content-Type': contentTypeOf(file),
    'Content-Length': String(body.byteLength),
  };
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
