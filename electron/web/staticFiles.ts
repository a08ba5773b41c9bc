import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Logger } from '../core/log/logger';
import type { Access } from './access';
import { securityHeaders } from './csp';
import { errorText } from './errorText';
import { sendPage } from './pages';

const CONTENT_TYPES: Record<string, string> = {
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

const INDEX = '/index.html';

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// Separators, NUL/control characters and ':' (Windows drive letters, NTFS streams) never belong in a file name here.
const FORBIDDEN_IN_SEGMENT = /[\\/:\p{Cc}]/u;

/**
 * The decoded request path, or null when it could name anything outside the renderer folder.
 * Checked segment by segment on the raw request line, because URL parsing would silently fold
 * `/../x` or `/%2e%2e/x` into `/x`: `..`, `.`, empty segments, encoded separators and NUL are refused.
 */
export function safeRequestPath(rawUrl: string): string | null {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (rawPath === '/') return INDEX;
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
  return `/${segments.join('/')}`;
}

export type StaticFiles = {
  serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
};

/**
 * Serves the built renderer (out/renderer) read-only. The page itself needs the launch token; its
 * scripts and styles do not, since they hold no data (the socket is what the token protects).
 */
export function createStaticFiles(rootDir: string, access: Access, port: number, log: Logger): StaticFiles {
  const root = path.resolve(rootDir);

  async function resolveInsideRoot(requestPath: string): Promise<string | null> {
    const candidate = path.resolve(root, `.${requestPath}`);
    if (!isInside(root, candidate)) return null;
    try {
      // Resolve symlinks too: a link inside out/renderer must not expose files outside it.
      const real = await fs.promises.realpath(candidate);
      const realRoot = await fs.promises.realpath(root);
      const stat = await fs.promises.stat(real);
      return stat.isFile() && isInside(realRoot, real) ? real : null;
    } catch {
      // Missing file or folder: answered with 404 by the caller.
      return null;
    }
  }

  return {
    async serve(req, res, url) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendPage(res, 405, port, '只支持读取页面。', { Allow: 'GET, HEAD' });
        return;
      }
      const requestPath = safeRequestPath(req.url ?? '/');
      if (requestPath === null) {
        log.warn({ status: 403 }, 'refused a path outside the renderer folder');
        sendPage(res, 403, port, '拒绝访问：路径不合法。');
        return;
      }
      if (requestPath === INDEX && !access.hasToken(url)) {
        sendPage(
          res,
          401,
          port,
          '缺少或错误的访问令牌。请复制启动坐席台时终端里显示的完整地址（包含 ?token=…）再打开。',
        );
        return;
      }
      const file = await resolveInsideRoot(requestPath);
      if (file === null) {
        sendPage(res, 404, port, '找不到该页面。');
        return;
      }
      const { size } = await fs.promises.stat(file);
      res.writeHead(200, {
        ...securityHeaders(port),
        'Content-Type': contentTypeOf(file),
        'Content-Length': String(size),
        // The page carries the per-launch token and the bundles change with every build.
        'Cache-Control': requestPath === INDEX ? 'no-store' : 'no-cache',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file)
        .on('error', (err) => {
          log.error({ err: errorText(err) }, 'failed to stream a renderer file');
          res.destroy(err);
        })
        .pipe(res);
    },
  };
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}
