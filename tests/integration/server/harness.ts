import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { type Role, type Scope, type User } from '../../../shared/sync/auth';
import { hashPassword } from '../../../server/auth/password';
import { buildServer, type BuildServerOptions } from '../../../server/http/buildServer';
import { openStore, type Store } from '../../../server/store/openStore';
import { type ServerDatabase } from '../../../server/store/schema';
import { usersRepo } from '../../../server/store/usersRepo';

export type Variant = 'sqlite' | 'postgres';
export const DATABASE_URL = process.env.DATABASE_URL;
/** The same suites run on SQLite always and on PostgreSQL when DATABASE_URL names one. */
export const VARIANTS: Variant[] = DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export const PASSWORD = 'correct-horse-12316';

export interface TestDatabase {
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

/** A fresh database per test: a temp SQLite file, or a PostgreSQL schema of its own. */
export function testDatabase(variant: Variant): TestDatabase {
  if (variant === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-server-'));
    return {
      open: () => openStore({ sqliteFile: path.join(dir, 'server.db') }),
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  return {
    open: () => openStore({ databaseUrl: DATABASE_URL, pgSchema: schema }),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

const TABLES: (keyof ServerDatabase)[] = [
  'users',
  'sessions',
  'devices',
  'sync_client',
  'mutation_ledger',
  'change_log',
  'inquiry',
  'inquiry_event',
];

export interface Seat {
  clientId: string;
  installNonce: string;
  seatCode: string;
  deviceToken: string;
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  /** The server's clock in ms; tests move it instead of sleeping. */
  clock: { now: number };
  request(opts: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  createUser(username: string, role: Role, scope: Scope): Promise<User>;
  login(username: string): Promise<string>;
  registerSeat(token: string, seatCode: string): Promise<Seat>;
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function startTestServer(
  db: TestDatabase,
  opts: Partial<Omit<BuildServerOptions, 'store' | 'now'>> = {},
): Promise<TestServer> {
  const store = await db.open();
  const clock = { now: Date.parse('2026-11-28T06:00:00Z') };
  const app = await buildServer({ store, log: pino({ level: 'silent' }), now: () => clock.now, ...opts });
  const request: TestServer['request'] = ({ token, ...rest }) =>
    app.inject({ ...rest, headers: { ...rest.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const server: TestServer = {
    app,
    store,
    clock,
    request,
    async createUser(username, role, scope) {
      return usersRepo(store.db).create({
        username,
        displayName: `${username} 显示名`,
        role,
        scope,
        passwordHash: await hashPassword(PASSWORD),
      });
    },
    async login(username) {
      const res = await request({ method: 'POST', url: '/auth/login', payload: { username, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return res.json<{ token: string }>().token;
    },
    async registerSeat(token, seatCode) {
      const seat = { clientId: randomUUID(), installNonce: randomBytes(12).toString('hex'), seatCode };
      const res = await request({ method: 'POST', url: '/devices/register', token, payload: seat });
      if (res.statusCode !== 200) throw new Error(`register ${seatCode}: ${res.statusCode} ${res.body}`);
      return { ...seat, deviceToken: res.json<{ deviceToken: string }>().deviceToken };
    },
    async counts() {
      const out: Record<string, number> = {};
      for (const table of TABLES) {
        const r = await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        out[table] = Number(r.n);
      }
      return out;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
  return server;
}
