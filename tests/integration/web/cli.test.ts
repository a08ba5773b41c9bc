import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seatPaths, sourceResourcesDir } from '../../../electron/core/paths';
import { startHostProcess } from '../../e2e/helpers/hostProcess';

/** Runs the host command line to completion (for the cases where it must refuse to start). */
function runHostToExit(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join('electron', 'web', 'main.ts'), ...args], {
    cwd: sourceResourcesDir(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('browser-mode host command line', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-web-cli-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints its URL on one line, and on SIGTERM closes the database cleanly', async () => {
    const host = await startHostProcess(dataDir);
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    const db = seatPaths(dataDir).db;
    expect(fs.existsSync(db)).toBe(true);

    expect(await host.stop()).toBe(0);
    // SQLite removes the WAL file only when the last connection closes properly.
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
  });

  it('refuses a database from a newer version with its Chinese message, and leaves the file alone', () => {
    const file = seatPaths(dataDir).db;
    const future = new Database(file);
    future.pragma('user_version = 9999');
    future.close();
    const before = fs.readFileSync(file);

    const run = runHostToExit(['--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('已启动');
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('says so when the chosen port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const run = runHostToExit(['--data-dir', dataDir, '--port', String(port)]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`端口 ${port} 已被占用`);
    } finally {
      blocker.close();
    }
  });

  it('explains a bad option instead of starting', () => {
    const run = runHostToExit(['--port', 'eighty']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('用法');
  });
});
