import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import type { WireMessage } from '../../../shared/contract/wire';
import { silentLogger } from '../../../electron/core/log/logger';
import { sourceResourcesDir } from '../../../electron/core/paths';
import { startWebHost, type WebHost } from '../../../electron/web/host';

export const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>坐席台</body></html>';
export const SECRET_OUTSIDE = 'this file sits next to the renderer folder and must never be served';

export type HostFixture = { host: WebHost; dataDir: string; rendererDir: string; dispose(): Promise<void> };

/**
 * A host on a fresh temp data dir, serving a tiny renderer folder of its own (the real build may
 * be absent), with `secret.txt` placed beside that folder for the path-escape tests.
 */
export async function startHostFixture(): Promise<HostFixture> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-web-'));
  const dataDir = path.join(tmp, 'data');
  const rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("hotline");\n');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET_OUTSIDE);
  const host = await startWebHost({
    dataDir,
    resourcesDir: sourceResourcesDir(),
    rendererDir,
    log: silentLogger(),
    appVersion: '0.0.0-test',
    checkOutput: true,
  });
  return {
    host,
    dataDir,
    rendererDir,
    async dispose() {
      await host.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request with the path sent exactly as given (fetch would normalise `..` away before sending). */
export function rawRequest(
  port: number,
  requestPath: string,
  options: { method?: string; host?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: requestPath,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${port}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Opens the RPC socket; resolves with the socket, or with the HTTP status the upgrade was refused with. */
export function openSocket(url: string, origin: string | undefined): Promise<{ ws: WebSocket } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

export function socketUrl(host: WebHost, token: string | null = host.token): string {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return `ws://127.0.0.1:${host.port}/rpc${query}`;
}

export const ownOrigin = (host: WebHost) => `http://127.0.0.1:${host.port}`;

/** A minimal client of the wire protocol: calls by id, events collected in order. */
export function wireClient(ws: WebSocket) {
  const results = new Map<number, (message: Extract<WireMessage, { type: 'result' }>) => void>();
  const events: Extract<WireMessage, { type: 'event' }>[] = [];
  const eventWaiters: {
    match: (e: Extract<WireMessage, { type: 'event' }>) => boolean;
    resolve: (e: Extract<WireMessage, { type: 'event' }>) => void;
  }[] = [];
  let nextId = 1;

  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as WireMessage;
    if (message.type === 'result') {
      results.get(message.id)?.(message);
      results.delete(message.id);
      return;
    }
    events.push(message);
    for (const waiter of eventWaiters.filter((w) => w.match(message))) {
      eventWaiters.splice(eventWaiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });

  return {
    events,
    /** Sends a frame as is and waits for the result carrying `expectId`. */
    sendRaw(frame: string | Buffer, expectId: number) {
      return new Promise<Extract<WireMessage, { type: 'result' }>['result']>((resolve) => {
        results.set(expectId, (m) => resolve(m.result));
        ws.send(frame);
      });
    },
    call(method: string, input?: unknown) {
      const id = nextId++;
      return this.sendRaw(JSON.stringify({ type: 'call', id, method, input }), id);
    },
    nextEvent(match: (e: Extract<WireMessage, { type: 'event' }>) => boolean) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise<Extract<WireMessage, { type: 'event' }>>((resolve) => eventWaiters.push({ match, resolve }));
    },
  };
}
