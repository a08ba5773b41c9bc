// `npm start [-- args]`: the central server and the console connected to it. Starts the sync server
// (server/main.ts: SQLite var/server.db, demo accounts printed on its first start) unless
// HOTLINE_SERVER_URL names one already, waits until it is ready, then starts the console with
// HOTLINE_SERVER_URL set. The console is Electron from source; where the Electron binary is missing
// (this machine cannot download it) it says so in one line and runs browser mode
// (scripts/start-web.mjs) with the same args. Electron: builds out/ when it is missing or older than
// its sources, then launches it on the built app (package.json "main": out/main/index.js).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildIsStale } from './buildFreshness.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

/**
 * The Electron executable exactly as node_modules/electron/index.js finds it (path.txt names it
 * under dist/, ELECTRON_OVERRIDE_DIST_PATH replaces dist/), without requiring that module: it
 * would try to download the binary when it is missing.
 */
function electronBinary() {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, relative || 'electron');
  if (!relative) return null;
  const binary = path.join(electronDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

function build() {
  console.error('正在构建坐席台（electron-vite build）…');
  const electronViteDir = path.dirname(createRequire(import.meta.url).resolve('electron-vite/package.json'));
  const result = spawnSync(process.execPath, [path.join(electronViteDir, 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) {
    console.error('构建失败，请查看上面的错误信息；修复后重新运行 npm start。');
    process.exit(1);
  }
}

const SERVER_START_TIMEOUT_MS = 60_000;

async function serverReady(url) {
  try {
    const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    // Not listening (yet) or not answering: the caller decides whether to wait or start one.
    return false;
  }
}

/**
 * The sync server on 127.0.0.1:PORT (default 8316): reuses one already running there, else starts
 * server/main.ts and waits for /ready. Its JSON log goes to var/server.log; anything else it prints
 * (the demo accounts on a first start, a fatal error) to our stderr.
 */
async function startLocalServer() {
  const url = `http://127.0.0.1:${Number(process.env.PORT ?? 8316)}`;
  if (await serverReady(url)) {
    console.error(`使用本机已在运行的同步服务器：${url}`);
    return { url, stop: async () => {} };
  }
  fs.mkdirSync(path.join(root, 'var'), { recursive: true });
  const logFile = path.join(root, 'var', 'server.log');
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'main.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, HOST: '127.0.0.1' },
  });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('{')) log.write(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let running = false;
  void exited.then((code) => {
    if (running)
      console.error(`同步服务器已退出（代码 ${code}）。坐席台继续工作，变更留在本机，服务器恢复后自动上传。`);
  });

  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (!(await serverReady(url))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      console.error(`同步服务器未能启动，请查看上面的错误信息和日志 ${logFile}。`);
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  running = true;
  const database = process.env.DATABASE_URL ? 'PostgreSQL（DATABASE_URL）' : (process.env.SERVER_DB ?? 'var/server.db');
  console.error(`同步服务器已启动：${url}（数据库 ${database}，日志 ${logFile}）`);
  return {
    url,
    async stop() {
      running = false;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Runs the console with our stdio, passes Ctrl+C / SIGTERM on (so the seat database closes cleanly),
 * stops the server we started once the console has closed, and mirrors the console's exit.
 */
function runChild(command, childArgs, env, server) {
  const child = spawn(command, childArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  const exit = async (code) => {
    await server?.stop();
    process.exit(code);
  };
  child.on('error', (err) => {
    console.error(`无法启动 ${command}：${err.message}`);
    void exit(1);
  });
  child.on('exit', (code, signal) => void exit(code ?? (signal ? 1 : 0)));
}

const server = process.env.HOTLINE_SERVER_URL ? null : await startLocalServer(root);
const serverUrl = server?.url ?? process.env.HOTLINE_SERVER_URL;
// Set by some tools (and by Electron itself for child processes); it would start Electron as plain Node.
const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
const consoleEnv = { ...env, HOTLINE_SERVER_URL: serverUrl };

const binary = electronBinary();
if (!binary) {
  // stderr: browser mode prints its URL alone on stdout, where scripts read it.
  console.error('未找到 Electron 可执行文件（本机无法下载），改用浏览器模式：');
  runChild(process.execPath, [path.join(root, 'scripts', 'start-web.mjs'), ...args], consoleEnv, server);
} else {
  if (buildIsStale(root, OUTPUTS, SOURCES)) build();
  runChild(binary, [root, ...args], consoleEnv, server);
}
