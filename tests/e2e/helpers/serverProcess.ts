import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
/** `  op-s01       operator             Xy3…` — the demo accounts the server prints on its first start. */
const ACCOUNT_LINE = /^\s+(\S+)\s+(operator|expert|supervisor|department_liaison|admin)\s+(\S+)\s*$/gm;

export type ServerProcess = {
  url: string;
  port: number;
  /** username → password of the demo accounts, shown once by the server. */
  passwords: Map<string, string>;
  stop(): Promise<number | null>;
};

/** A port nobody listens on right now (the OS picks it), for the server's PORT. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The central server as `npm run server` runs it, on a SQLite file of the caller's and a free port
 * (or `fixedPort`, to restart it where the seats expect it); resolves once it listens, with the demo
 * accounts it created (none on a restart: they exist already).
 */
export async function startServerProcess(sqliteFile: string, fixedPort?: number): Promise<ServerProcess> {
  const port = fixedPort ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'main.ts')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SERVER_DB: sqliteFile, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!output.includes('server listening')) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      const passwords = new Map([...output.matchAll(ACCOUNT_LINE)].map((m) => [m[1] ?? '', m[3] ?? '']));
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        passwords,
        stop: () => stop(child, exited),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

/** SIGTERM (the server drains and closes its database); SIGKILL if it has not exited in time. */
function stop(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  return exited.finally(() => clearTimeout(killer));
}
