import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeOf, rendererPathSegments } from '../../shared/node/rendererFiles';
import type { Logger } from '../core/log/logger';
import type { Access } from './access';
import { securityHeaders } from './csp';
import { errorText } from './errorText';
import { sendPage } from './pages';

const INDEX = '/index.html';

/** The decoded request path (`/assets/x.js`), or null when it could name anything outside the renderer folder. */
export function safeRequestPath(rawUrl: string): string | null {
  const segments = rendererPathSegments(rawUrl.split(/[?#]/, 1)[0] ?? '');
  return segments ? `/${segments.join('/')}` : null;
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
