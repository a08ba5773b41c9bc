import fs from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../shared/errors';
import { createLogger } from '../core/log/logger';
import { defaultDataDir, seatPaths, sourceResourcesDir } from '../core/paths';
import { openConfBackend } from '../core/settings/confBackend';
import { createSettingsService } from '../core/settings/settingsService';
import { parseCliArgs, seatDataDir } from './cliArgs';
import { errorText } from './errorText';
import { startWebHost } from './host';
import { initialSettingsPatch } from '../core/settings/initialSettings';

// Browser-mode host, run from source:
// `node --import tsx electron/web/main.ts [--port N] [--data-dir DIR] [--seat CODE] [--server URL]`
// (scripts/start-web.mjs builds the renderer first). Prints the URL on one line, then serves until stopped.

const parsed = parseCliArgs(process.argv.slice(2), process.env);
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(2);
}

const dataDir = seatDataDir(parsed.args, defaultDataDir());
const log = createLogger(seatPaths(dataDir).logFile);
const settingsBackend = openConfBackend(dataDir, log);
const cliSettings = initialSettingsPatch(settingsBackend.store, parsed.args);
if (cliSettings) {
  createSettingsService(settingsBackend, log).update(cliSettings);
  log.info({ ...cliSettings, dataDir }, 'settings taken from the command line');
}
const resourcesDir = sourceResourcesDir();
const rendererDir = path.join(resourcesDir, 'out', 'renderer');
const { version } = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'package.json'), 'utf8')) as { version: string };

if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error(`未找到界面文件 ${rendererDir}/index.html，请先运行 npm run build（npm run start:web 会自动构建）。`);
}

try {
  const host = await startWebHost({
    dataDir,
    resourcesDir,
    rendererDir,
    log,
    appVersion: version,
    port: parsed.args.port,
    settingsBackend,
  });
  log.info({ port: host.port, dataDir }, 'browser-mode host started');
  console.log(`坐席台（浏览器模式）已启动：${host.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Ctrl+C reaches both this process and scripts/start-web.mjs, which passes it on: close once.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'browser-mode host stopping');
    host.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err: errorText(err) }, 'error while closing the browser-mode host');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  console.error(startFailureMessage(err, parsed.args.port));
  log.error({ err: errorText(err) }, 'browser-mode host failed to start');
  process.exit(1);
}

function startFailureMessage(err: unknown, port: number): string {
  if (isAppError(err)) return err.message;
  if (err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') {
    return `端口 ${port} 已被占用。请换一个端口（--port），或不指定端口让系统自动选择。`;
  }
  return `坐席台启动失败：${err instanceof Error ? err.message : String(err)}。日志：${seatPaths(dataDir).logFile}`;
}
