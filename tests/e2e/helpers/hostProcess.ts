import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const URL_LINE = /坐席台（浏览器模式）已启动：(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))/;
const START_TIMEOUT_MS = 60_000;

export type HostProcess = {
  url: string;
  port: number;
  token: string;
  pid: number;
  /** SIGTERM, then waits for the process to close the database and exit; resolves with its exit code. */
  stop(): Promise<number | null>;
};

/**
 * Starts the browser-mode host as its own process, exactly as `npm run start:web` runs it after the
 * build, and resolves once it printed its URL. A restart is a new process, port and token.
 * `extraArgs` are the host's own options, e.g. `['--seat', 'S02', '--server', url]`.
 */
export function startHostProcess(dataDir: string, extraArgs: string[] = []): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join('electron', 'web', 'main.ts'), '--data-dir', dataDir, ...extraArgs],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host did not print its URL within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({
        url: match[1] ?? '',
        port: Number(match[2]),
        token: match[3] ?? '',
        pid: child.pid ?? -1,
        stop: () => stop(child, exited),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before printing its URL:\n${output}`));
    });
  });
}

function stop(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  return exited;
}
