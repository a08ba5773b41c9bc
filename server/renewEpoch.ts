import path from 'node:path';
import { openStore, readEpoch, renewEpoch } from './store/openStore';

/**
 * `npm run server:renew-epoch`: run once after restoring the server database from a backup, before
 * starting the server, so that seats re-send what the restore lost (same database env as `npm run server`).
 */
async function main(): Promise<void> {
  const store = await openStore({
    databaseUrl: process.env.DATABASE_URL,
    sqliteFile: path.resolve(process.env.SERVER_DB ?? path.join('var', 'server.db')),
  });
  try {
    const before = await readEpoch(store.db);
    const after = await renewEpoch(store.db);
    process.stdout.write(`服务器纪元已更新 / server epoch renewed: ${before} → ${after}\n`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`更新服务器纪元失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
