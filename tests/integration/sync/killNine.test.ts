import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scope } from '../../../shared/sync/auth';
import { inScope, type Actor } from '../../../shared/sync/reducer';
import { foldLedger, type LedgerEntry } from '../../../shared/sync/referenceModel';
import { hashToken, newToken } from '../../../server/auth/tokens';
import { openStore, type Store } from '../../../server/store/openStore';
import { usersRepo } from '../../../server/store/usersRepo';
import { tempDir } from '../../../electron/core/db/tempStore';
import { DATABASE_URL, VARIANTS, type Variant } from '../server/harness';
import { differingFields, readSeat, readServer } from './fixtures/oracle';
import { freePort, spawnTs, waitHealthy, type Child } from './fixtures/processes';

const SAVES = 24;
const DAY_MS = 24 * 60 * 60 * 1000;

type SeatSpec = { seatCode: string; session: string; actor: Actor; db: string };

/** Where the server keeps its data, seen by the test (to prepare and check) and by the server process. */
async function serverDatabase(
  variant: Variant,
  dir: string,
): Promise<{ open: () => Promise<Store>; env: Record<string, string>; drop: () => Promise<void> }> {
  if (variant === 'sqlite') {
    const file = path.join(dir, 'server.db');
    // DATABASE_URL emptied: a server started from a shell that has it set must still use the file.
    return {
      open: () => openStore({ sqliteFile: file }),
      env: { SERVER_DB: file, DATABASE_URL: '' },
      drop: async () => {},
    };
  }
  const schema = `kill9_${randomBytes(5).toString('hex')}`;
  const url = `${DATABASE_URL}${DATABASE_URL!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    open: () => openStore({ databaseUrl: DATABASE_URL, pgSchema: schema }),
    env: { DATABASE_URL: url },
    drop: async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

async function userWithSession(store: Store, username: string, role: Actor['role'], scope: Scope) {
  const users = usersRepo(store.db);
  const user = await users.create({ username, displayName: username, role, scope, passwordHash: 'unused' });
  const session = newToken();
  await users.createSession(hashToken(session), user.id, Date.now() + DAY_MS);
  return { session, actor: { userId: user.id, role, scope } satisfies Actor };
}

describe.each(VARIANTS)('kill -9 of real server and seat processes (%s)', (variant) => {
  let temp: { dir: string; cleanup: () => void };
  let children: Child[];
  let drop: () => Promise<void>;

  beforeEach(() => {
    temp = tempDir('kill9-');
    children = [];
    drop = async () => {};
  });
  afterEach(async () => {
    for (const c of children) c.kill9();
    await Promise.all(children.map((c) => c.exited));
    await drop();
    temp.cleanup();
  });

  it('server killed mid-push and mid-pull, seats killed after commit and on ack: nothing lost, nothing duplicated, seats converge', async () => {
    const database = await serverDatabase(variant, temp.dir);
    drop = database.drop;
    const setup = await database.open();
    const sup = await userWithSession(setup, 'sup', 'supervisor', { kind: 'all' });
    const op = await userWithSession(setup, 'op', 'operator', { kind: 'seats', seatCodes: ['S02'] });
    await setup.close();

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const serverEnv = { ...database.env, PORT: String(port), LOG_LEVEL: 'silent' };
    let server = spawnTs('server/main.ts', serverEnv);
    children.push(server);
    await waitHealthy(baseUrl, server);

    const seats: SeatSpec[] = [
      { seatCode: 'S01', ...sup, db: path.join(temp.dir, 'S01.db') },
      { seatCode: 'S02', ...op, db: path.join(temp.dir, 'S02.db') },
    ];
    const seatEnv = (s: SeatSpec, saves: number, crash: Record<string, string> = {}) => ({
      SEAT_DB: s.db,
      SERVER_URL: baseUrl,
      SESSION: s.session,
      SEAT_CODE: s.seatCode,
      SAVES: String(saves),
      ...crash,
    });
    const saved = () => children.reduce((n, c) => n + c.lines.filter((l) => l.startsWith('SAVED')).length, 0);

    // Each seat runs until drained; a crash point or the test's own kill -9 ends a run, and the seat
    // is started again on the same database file, without the crash point.
    const crashes: Record<string, string>[] = [{ CRASH_ON_ACK: '2' }, { CRASH_AFTER_COMMIT: '5' }];
    const seatRuns = seats.map(async (s, i) => {
      const ends: string[] = [];
      for (let run = 0; run < 8; run++) {
        const child = spawnTs(
          'tests/integration/sync/fixtures/seatLoop.ts',
          seatEnv(s, SAVES, run === 0 ? crashes[i] : {}),
        );
        children.push(child);
        // The test's own kill -9 of seat S01 at a random moment after a committed save.
        if (i === 0 && run === 1) void child.waitFor((l) => l === 'SAVED 12').then(() => child.kill9());
        const end = await child.exited;
        ends.push(end.signal ?? String(end.code));
        if (end.code === 0) return ends;
        if (end.code !== null) throw new Error(`${s.seatCode} failed: ${child.stderr()}`);
      }
      throw new Error(`${s.seatCode} never drained: ${ends.join(',')}`);
    });

    let running = true;
    const seatsRunning = () => running;
    // The server is killed three times while the seats push and pull, and started again on its data.
    const serverKills = (async () => {
      let whileBusy = 0;
      for (const at of [4, 14, 26]) {
        while (saved() < at && seatsRunning()) await new Promise((resolve) => setTimeout(resolve, 5));
        if (seatsRunning()) whileBusy += 1;
        server.kill9();
        await server.exited;
        server = spawnTs('server/main.ts', serverEnv);
        children.push(server);
        await waitHealthy(baseUrl, server);
      }
      return whileBusy;
    })();
    const ends = await Promise.all(seatRuns);
    running = false;
    expect(await serverKills).toBe(3);
    expect(ends[0]).toContain('SIGKILL');
    expect(ends[1]).toContain('SIGKILL');

    // Quiesce: each seat syncs again once the other has drained, so every pull is up to date.
    for (const s of [...seats, seats[0]!]) {
      const child = spawnTs('tests/integration/sync/fixtures/seatLoop.ts', seatEnv(s, 0));
      children.push(child);
      expect((await child.exited).code).toBe(0);
    }
    server.proc.kill('SIGTERM');
    await server.exited;

    const store = await database.open();
    try {
      const { ledger, rows: serverRows } = await readServer(store);
      const local = seats.map((s) => ({ spec: s, ...readSeat(s.db) }));

      // P1: exactly the committed mutations, each once, 1..n per seat.
      for (const s of local) {
        expect(s.committed).toBeGreaterThanOrEqual(SAVES);
        const ids = ledger
          .filter((r) => r.clientId === s.clientId)
          .map((r) => r.mutationId)
          .sort((a, b) => a - b);
        expect(ids).toEqual(Array.from({ length: s.committed }, (_, k) => k + 1));
      }
      expect(ledger).toHaveLength(local.reduce((n, s) => n + s.committed, 0));

      // P2 (SQLite, where the ledger's commit order is its rowid): the server's rows are the fold of its ledger.
      if (store.dialect === 'sqlite') {
        const entries: LedgerEntry[] = ledger.map((r) => {
          const seat = local.find((s) => s.clientId === r.clientId)!;
          return { mutation: seat.mutations.find((m) => m.id === r.mutationId)!, actor: seat.spec.actor };
        });
        const folded = foldLedger(entries);
        expect(folded.results.map((r) => r.status)).toEqual(ledger.map((r) => r.result.status));
        expect(new Map(folded.rows)).toEqual(serverRows);
      }

      // P3: every seat shows the server's cases in its scope (open conflicts/rejections aside).
      for (const s of local) {
        const expected = [...serverRows.values()].filter(
          (r) => inScope(r, s.spec.actor.scope) && !s.disputed.has(r.id),
        );
        const shown = s.rows.filter((r) => !s.disputed.has(String(r.id)));
        expect(shown.map((r) => r.id)).toEqual(expected.map((r) => r.id).sort());
        for (const row of expected) {
          const mine = shown.find((r) => r.id === row.id)!;
          const differing = differingFields(mine, row);
          expect({ id: row.id, differing, serverVersion: mine.server_version }).toEqual({
            id: row.id,
            differing: [],
            serverVersion: row.rowVersion,
          });
        }
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});
