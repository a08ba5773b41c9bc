import path from 'node:path';
import { z } from 'zod';
import { seedDemoAccounts } from './auth/demoAccounts';
import { buildServer } from './http/buildServer';
import { createServerLogger } from './http/logger';
import { openStore } from './store/openStore';
import { usersRepo } from './store/usersRepo';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).catch('info');

/**
 * `npm run server`: SQLite at var/server.db (or PostgreSQL when DATABASE_URL=postgres://…), port 8316
 * (PORT), demo accounts created and printed on the first start only.
 */
async function main(): Promise<void> {
  const log = createServerLogger(LogLevel.parse(process.env.LOG_LEVEL));
  const store = await openStore({
    databaseUrl: process.env.DATABASE_URL,
    sqliteFile: path.resolve(process.env.SERVER_DB ?? path.join('var', 'server.db')),
  });
  const accounts = await seedDemoAccounts(usersRepo(store.db));
  if (accounts.length > 0) {
    // Printed to the terminal, not the log: these passwords exist nowhere else.
    process.stdout.write('\n演示账号（只显示这一次，请记下密码）/ demo accounts, shown once:\n');
    for (const a of accounts) process.stdout.write(`  ${a.username.padEnd(12)} ${a.role.padEnd(20)} ${a.password}\n`);
    process.stdout.write('\n');
  }
  const app = await buildServer({ store, log });
  const port = Number(process.env.PORT ?? 8316);
  await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
  log.info({ port, dialect: store.dialect }, 'server listening');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    // Stop accepting, let in-flight pushes commit, then close the database.
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`服务器启动失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
