import { parseArgs } from 'node:util';

export type CliArgs = { port: number; dataDir: string | null };

export const USAGE = `用法：npm run start:web -- [--port 端口] [--data-dir 数据目录]
  --port      监听 127.0.0.1 上的端口（默认随机空闲端口）
  --data-dir  坐席数据目录（默认与桌面版相同；也可用环境变量 HOTLINE_DATA_DIR 指定）`;

/** Parses the host's command line; a bad option is reported in Chinese with the usage text. */
export function parseCliArgs(argv: string[]): { ok: true; args: CliArgs } | { ok: false; message: string } {
  let values: { port?: string; 'data-dir'?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return {
      ok: false,
      message: `无法识别的启动参数（${err instanceof Error ? err.message : String(err)}）\n${USAGE}`,
    };
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    return { ok: false, message: `端口应为 0–65535 之间的整数，收到：${values.port}\n${USAGE}` };
  }
  const dataDir = values['data-dir']?.trim() || null;
  return { ok: true, args: { port, dataDir } };
}
