// `npm start [-- args]`: the Electron console from source. Where the Electron binary is missing (this
// machine cannot download it), says so in one line and runs browser mode (scripts/start-web.mjs) with
// the same args; that script builds the renderer it needs. Otherwise builds out/ when it is missing or
// older than its sources, then launches Electron on the built app (package.json "main": out/main/index.js).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
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

/** Runs a child with our stdio, passes Ctrl+C / SIGTERM on (so the seat database closes cleanly) and mirrors its exit. */
function runChild(command, childArgs, env = process.env) {
  const child = spawn(command, childArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`无法启动 ${command}：${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const binary = electronBinary();
if (!binary) {
  // stderr: browser mode prints its URL alone on stdout, where scripts read it.
  console.error('未找到 Electron 可执行文件（本机无法下载），改用浏览器模式：');
  runChild(process.execPath, [path.join(root, 'scripts', 'start-web.mjs'), ...args]);
} else {
  if (buildIsStale(root, OUTPUTS, SOURCES)) build();
  // Set by some tools (and by Electron itself for child processes); it would start Electron as plain Node.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
  runChild(binary, [root, ...args], env);
}
