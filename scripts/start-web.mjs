// `npm run start:web [-- --port N --data-dir DIR --seat CODE --server URL]`: browser mode from source.
// Builds the renderer when out/renderer is missing or older than its sources, then runs the host
// (electron/web/main.ts) under tsx and passes Ctrl+C / SIGTERM on to it so the seat database is
// closed cleanly. Without --server or HOTLINE_SERVER_URL, a sync server already running on this
// machine (`npm start`, port 8316) becomes the seat's server, so a second seat joins the first.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './buildFreshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the renderer bundle is built from; a newer file here means the build is stale. */
const SOURCES = ['renderer', 'shared', 'electron.vite.config.ts', 'package-lock.json'];

if (buildIsStale(root, ['out/renderer/index.html'], SOURCES)) {
  console.error('正在构建界面（electron-vite build）…');
  // The bin file is not in the package's exports map; find it next to its package.json.
  const electronViteDir = path.dirname(createRequire(import.meta.url).resolve('electron-vite/package.json'));
  const electronVite = path.join(electronViteDir, 'bin', 'electron-vite.js');
  // Build output goes to stderr: stdout carries only the host's one-line URL, which scripts read.
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) {
    console.error('界面构建失败，请查看上面的错误信息；修复后重新运行 npm run start:web。');
    process.exit(1);
  }
}

const args = process.argv.slice(2);
const env = { ...process.env };
const serverGiven = args.some((a) => a === '--server' || a.startsWith('--server='));
if (!serverGiven && !env.HOTLINE_SERVER_URL) {
  const local = `http://127.0.0.1:${Number(env.PORT ?? 8316)}`;
  const ready = await fetch(`${local}/ready`, { signal: AbortSignal.timeout(1000) }).then(
    (res) => res.ok,
    // Nothing answers there: the seat starts with the server in its settings, or none.
    () => false,
  );
  if (ready) {
    console.error(`发现本机同步服务器 ${local}，坐席未设置服务器时将使用它。`);
    env.HOTLINE_SERVER_URL = local;
  }
}

const host = spawn(process.execPath, ['--import', 'tsx', path.join('electron', 'web', 'main.ts'), ...args], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
