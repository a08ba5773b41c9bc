import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { TOKEN_PARAM, WIRE_PATH } from '../../shared/contract/wire';
import type { Logger } from '../core/log/logger';
import { createAccess, newLaunchToken, requestUrl, type Access } from './access';
import { errorText } from './errorText';
import { sendPage } from './pages';
import { createRpcSocket, type SeatLink } from './rpcSocket';
import { createStaticFiles, type StaticFiles } from './staticFiles';

export type WebServerOptions = {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
};

export type WebServer = {
  /** The page to open, token included: `http://127.0.0.1:<port>/?token=…`. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
};

const LOOPBACK = '127.0.0.1';

/**
 * The loopback HTTP + WebSocket server of browser mode, bound to an already open seat. Every
 * request must name this host (no DNS rebinding); the page and the socket need the launch token;
 * the socket also needs this host's own Origin.
 */
export async function serveSeat(seat: SeatLink, options: WebServerOptions): Promise<WebServer> {
  const { log } = options;
  const token = newLaunchToken();
  const server = http.createServer();
  const port = await listen(server, options.port);
  const access = createAccess(token, port);
  const files = createStaticFiles(options.rendererDir, access, port, log);
  const rpc = createRpcSocket(seat, log);

  server.on('request', (req, res) => handleRequest(req, res, access, files, port, log));
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', (err) => log.warn({ err: errorText(err) }, 'upgrade socket error'));
    const refusal = upgradeRefusal(req, access);
    if (refusal) {
      log.warn({ status: refusal.status }, 'refused a socket upgrade');
      refuseUpgrade(socket, refusal.status, refusal.message);
      return;
    }
    rpc.accept(req, socket, head);
  });

  let closing: Promise<void> | null = null;
  return {
    url: `${access.origin}/?${TOKEN_PARAM}=${token}`,
    port,
    token,
    close() {
      closing ??= (async () => {
        await rpc.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function handleRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  access: Access,
  files: StaticFiles,
  port: number,
  log: Logger,
): void {
  if (!access.isOwnHost(req.headers.host)) {
    sendPage(res, 403, port, `请通过 ${access.origin} 打开坐席台。`);
    return;
  }
  const url = requestUrl(req.url, access);
  if (url === null) {
    sendPage(res, 400, port, '地址格式不正确。');
    return;
  }
  files.serve(req, res, url).catch((err: unknown) => {
    log.error({ err: errorText(err) }, 'static request failed');
    if (!res.headersSent) sendPage(res, 500, port, '读取页面文件失败，请重新启动坐席台。');
    else res.destroy();
  });
}

function upgradeRefusal(req: http.IncomingMessage, access: Access): { status: number; message: string } | null {
  const url = requestUrl(req.url, access);
  if (url === null || url.pathname !== WIRE_PATH) return { status: 404, message: '没有这个接口' };
  if (!access.hasToken(url)) return { status: 401, message: '缺少或错误的访问令牌' };
  if (!access.isOwnHost(req.headers.host) || !access.isOwnOrigin(req.headers.origin)) {
    return { status: 403, message: '只允许坐席台自己的页面连接' };
  }
  return null;
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
