import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { type Role, type Scope, type User } from '../../shared/sync/auth';
import { newToken, hashToken } from '../../server/auth/tokens';
import { buildServer } from '../../server/http/buildServer';
import { openStore, type Store } from '../../server/store/openStore';
import { usersRepo } from '../../server/store/usersRepo';
import { coverage } from './coverage';
import { copyServerTemplate } from './templates';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The real server app on a SQLite file the simulator can crash (close and reopen), back up (a
 * consistent copy of the file) and restore from that copy. Requests go through `app.inject`.
 */
export async function openSimServer(dir: string) {
  const file = path.join(dir, 'server.db');
  const clock = { now: Date.parse('2026-11-28T06:00:00Z') };
  await copyServerTemplate(file);
  let store: Store = await openStore({ sqliteFile: file });
  let app: FastifyInstance = await start(store);
  let backups = 0;

  async function start(s: Store): Promise<FastifyInstance> {
    return buildServer({ store: s, log: pino({ level: 'silent' }), now: () => clock.now });
  }

  async function stop(): Promise<void> {
    await app.close();
    await store.close();
  }

  return {
    app: () => app,
    store: () => store,
    clock,
    /** A user with a live session made directly in the database (no scrypt per run: it would dominate the run time). */
    async userWithSession(username: string, role: Role, scope: Scope): Promise<{ user: User; session: string }> {
      const users = usersRepo(store.db);
      const user = await users.create({
        username,
        displayName: `${username} 显示名`,
        role,
        scope,
        passwordHash: 'not-used-by-the-simulator',
      });
      const session = newToken();
      await users.createSession(hashToken(session), user.id, clock.now + 365 * DAY_MS);
      return { user, session };
    },
    /** kill -9 of the server between requests: every committed transaction is on disk, nothing else survives. */
    async crash(): Promise<void> {
      coverage.serverCrashes += 1;
      await stop();
      store = await openStore({ sqliteFile: file });
      app = await start(store);
    },
    /** A consistent copy of the live database, as an operator's nightly backup would take. */
    async backup(): Promise<string> {
      backups += 1;
      const target = path.join(dir, `backup-${backups}.db`);
      await sql`VACUUM INTO ${target}`.execute(store.db);
      return target;
    },
    /**
     * The restore procedure (DESIGN.md §6 rule 5): put the backup in place, give the database a new
     * epoch so seats know it lost history, start again.
     */
    async restore(backupFile: string, newEpoch = true): Promise<void> {
      coverage.restores += 1;
      await stop();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
      fs.copyFileSync(backupFile, file);
      store = await openStore({ sqliteFile: file });
      if (newEpoch) {
        await store.db.updateTable('server_meta').set({ value: randomUUID() }).where('key', '=', 'epoch').execute();
      }
      app = await start(store);
    },
    close: stop,
  };
}

export type SimServer = Awaited<ReturnType<typeof openSimServer>>;
