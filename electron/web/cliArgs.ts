import path from 'node:path';
import { parseArgs } from 'node:util';
import { Settings } from '../../shared/domain/settings';

export type CliArgs = {
  port: number;
  dataDir: string | null;
  /** Seat code for a seat started the first time (e.g. a second seat S02 on this machine). */
  seat: string | null;
  /** Sync server address for a seat that has none yet. */
  server: string | null;
};

export const USAGE = `用法：npm run start:web -- [--port 端口] [--data-dir 数据目录] [--seat 坐席编号] [--server 服务器地址]
  --port      监听 127.0.0.1 上的端口（默认随机空闲端口）
  --data-dir  坐席数据目录（默认与桌面版相同；也可用环境变量 HOTLINE_DATA_DIR 指定）
  --seat      坐席编号，如 S02：首次启动时写入该坐席的设置；未给 --data-dir 时使用单独的数据目录
  --server    同步服务器地址，如 http://127.0.0.1:8316：该坐席尚未设置服务器时写入
              （也可用环境变量 HOTLINE_SERVER_URL 指定）`;

/** Parses the host's command line; a bad option is reported in Chinese with the usage text. */
export function parseCliArgs(
  argv: string[],
  env: { HOTLINE_SERVER_URL?: string | undefined } = {},
): { ok: true; args: CliArgs } | { ok: false; message: string } {
  let values: { port?: string; 'data-dir'?: string; seat?: string; server?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        seat: { type: 'string' },
        server: { type: 'string' },
      },
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

  const seatText = values.seat?.trim().toUpperCase();
  const seat = seatText ? Settings.shape.seatCode.safeParse(seatText) : null;
  if (seat && !seat.success)
    return { ok: false, message: `--seat ${values.seat}：${seat.error.issues[0]?.message}\n${USAGE}` };

  const serverText = values.server?.trim() || env.HOTLINE_SERVER_URL?.trim();
  const server = serverText ? Settings.shape.serverUrl.safeParse(serverText.replace(/\/+$/, '')) : null;
  if (server && !server.success) {
    return { ok: false, message: `服务器地址 ${serverText}：${server.error.issues[0]?.message}\n${USAGE}` };
  }
  return { ok: true, args: { port, dataDir, seat: seat?.data ?? null, server: server?.data ?? null } };
}

/** A seat named on the command line keeps its own data next to the default folder: `12316-seat-S02`. */
export function seatDataDir(args: CliArgs, defaultDir: string): string {
  if (args.dataDir) return path.resolve(args.dataDir);
  return args.seat ? `${defaultDir}-${args.seat}` : defaultDir;
}
