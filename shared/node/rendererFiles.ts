import path from 'node:path';

/**
 * Serving the built renderer (out/renderer) safely, shared by the Electron app:// handler and the
 * browser-mode host so both refuse exactly the same paths.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Content type of a built renderer file; unknown kinds are served as opaque bytes (with nosniff). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// Separators, NUL/control characters and ':' (Windows drive letters, NTFS streams) never belong in a file name here.
const FORBIDDEN_IN_SEGMENT = /[\\/:\p{Cc}]/u;

/**
 * The file segments of a raw URL path (`/assets/x.js` → ['assets', 'x.js']; `/` → ['index.html']),
 * or null when it could name anything outside the renderer folder. Checked segment by segment on the
 * raw text, because URL parsing would silently fold `/../x` or `/%2e%2e/x` into `/x`: `..`, `.`, empty
 * segments, encoded separators, backslashes, NUL and drive letters are refused.
 */
export function rendererPathSegments(rawPath: string): string[] | null {
  if (rawPath === '/') return ['index.html'];
  if (!rawPath.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // Malformed %-escapes: not a file the renderer build ever produced.
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** Second line of defence after the segment check: the resolved file must stay under `root`. */
export function resolveInside(rootDir: string, segments: readonly string[]): string | null {
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}
