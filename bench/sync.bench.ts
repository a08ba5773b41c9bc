/**
 * Sync benchmark (`npm run bench:sync`): push and pull throughput, a 5,000-mutation offline backlog,
 * seat-to-seat visibility with the live poke, and 1,000 polling service points — against the SQLite
 * server and, when DATABASE_URL names one, PostgreSQL. The server runs in a child process (this file
 * with `--serve`), so the seats and load generator here do not share its event loop. Loopback only.
 * Writes bench/results/sync.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import pino from 'pino';
import { hashPassword } from '../server/auth/password';
import { buildServer } from '../server/http/buildServer';
import { openStore } from '../server/store/openStore';
import { usersRepo } from '../server/store/usersRepo';
import { anInquiry, openIntakeSeat } from '../electron/core/intake/testSeat';
import { silentLogger } from '../electron/core/log/logger';
import { createSyncEngine } from '../electron/core/sync/engine';
import { createPokeListener } from '../electron/core/sync/poke';
import { syncMeta } from '../electron/core/sync/syncMeta';
import { formatCaseNumber } from '../shared/domain/caseNumber';
import { LoginResponse, RegisterDeviceResponse } from '../shared/sync/auth';
import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, PullResponse, PushResponse } from '../shared/sync/protocol';
import { createMutation, newInquiry, pushBody } from '../tests/integration/server/fixtures';

type Variant = 'sqlite' | 'postgres';
type Device = { clientId: string; installNonce: string; seatCode: string; deviceToken: string };
type VariantResult = {
  push_per_s: number | null;
  pull_rows_per_s: number | null;
  backlog_5000_s: number | null;
  visibility_p95_ms: number | null;
};

const PASSWORD = 'bench-password-12316';
const PUSH_DEVICES = 4;
const PUSH_PER_DEVICE = 2500;
const BACKLOG = 5000;
const VISIBILITY_ROUNDS = 60;
const VISIBILITY_TIMEOUT_MS = 5000;
const POLLING_CLIENTS = 1000;
const POLLING_SECONDS = 10;
const DATABASE_URL = process.env.DATABASE_URL;
const pushSeat = (i: number) => `B0${i + 1}`;
const pollingSeat = (i: number) => `P${String(i + 1).padStart(4, '0')}`;
/** The seats the bench operator may register: push devices, the offline point, the writing seat, the pollers. */
const OPERATOR_SEATS = [
  ...Array.from({ length: PUSH_DEVICES }, (_, i) => pushSeat(i)),
  'D01',
  'V01',
  ...Array.from({ length: POLLING_CLIENTS }, (_, i) => pollingSeat(i)),
];

// ---- server child -------------------------------------------------------------------------------

/** `--serve sqlite FILE` or `--serve postgres SCHEMA`: a server with two bench accounts; prints its URL. */
async function serve(variant: Variant, where: string): Promise<void> {
  const store = await openStore(
    variant === 'sqlite' ? { sqliteFile: where } : { databaseUrl: DATABASE_URL, pgSchema: where },
  );
  const users = usersRepo(store.db);
  const passwordHash = await hashPassword(PASSWORD);
  await users.create({
    username: 'bench-sup',
    displayName: '基准-督办',
    role: 'supervisor',
    scope: { kind: 'all' },
    passwordHash,
  });
  await users.create({
    username: 'bench-op',
    displayName: '基准-话务员',
    role: 'operator',
    scope: { kind: 'seats', seatCodes: OPERATOR_SEATS },
    passwordHash,
  });
  const app = await buildServer({ store, log: pino({ level: 'silent' }) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`READY ${url}\n`);
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}

type ServerProcess = { url: string; child: ChildProcess; stop(): Promise<void> };

function startServer(variant: Variant, where: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve', variant, where], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^READY (\S+)$/.exec(line);
      if (!m) return;
      resolve({
        url: m[1]!,
        child,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

// ---- HTTP helpers -------------------------------------------------------------------------------

async function post(url: string, token: string | null, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function login(base: string, username: string): Promise<string> {
  return LoginResponse.parse(await post(`${base}/auth/login`, null, { username, password: PASSWORD })).token;
}

async function register(base: string, session: string, seatCode: string): Promise<Device> {
  const seat = { clientId: randomUUID(), installNonce: randomBytes(12).toString('hex'), seatCode };
  const res = RegisterDeviceResponse.parse(await post(`${base}/devices/register`, session, seat));
  return { ...seat, deviceToken: res.deviceToken };
}

async function pullAll(base: string, device: Device): Promise<number> {
  let cursor = 0;
  let rows = 0;
  for (;;) {
    const res = await fetch(`${base}/sync/pull?stream=inquiries&cursor=${cursor}&limit=${MAX_PULL_LIMIT}`, {
      headers: { authorization: `Bearer ${device.deviceToken}` },
    });
    const page = PullResponse.parse(await res.json());
    rows += page.changes.length;
    cursor = page.nextCursor;
    if (!page.hasMore) return rows;
  }
}

// ---- measurements -------------------------------------------------------------------------------

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Mutations per second: PUSH_DEVICES seats at once, each sending its outbox in full batches. */
async function pushThroughput(base: string, session: string): Promise<number> {
  const devices = await Promise.all(
    Array.from({ length: PUSH_DEVICES }, (_, i) => register(base, session, pushSeat(i))),
  );
  const started = performance.now();
  await Promise.all(
    devices.map(async (device) => {
      const outbox = Array.from({ length: PUSH_PER_DEVICE }, (_, i) =>
        createMutation(
          i + 1,
          newInquiry(device.seatCode, { caseNo: formatCaseNumber(device.seatCode, '261128', i + 1) }),
        ),
      );
      let next = 0;
      while (next < outbox.length) {
        const body = pushBody(device, outbox.slice(next, next + MAX_PUSH_MUTATIONS));
        const res = PushResponse.parse(await post(`${base}/sync/push`, device.deviceToken, body));
        next = res.lastMutationId;
      }
    }),
  );
  return (PUSH_DEVICES * PUSH_PER_DEVICE) / ((performance.now() - started) / 1000);
}

/** Rows per second for a center seat (scope: all) pulling everything from cursor 0; best of three. */
async function pullThroughput(base: string, session: string): Promise<number> {
  const device = await register(base, session, 'C01');
  let best = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const rows = await pullAll(base, device);
    best = Math.max(best, rows / ((performance.now() - started) / 1000));
  }
  return best;
}

type SyncSeat = ReturnType<typeof openSeatWithEngine>;

function openSeatWithEngine(base: string | null, seatCode: string, session: string) {
  const seat = openIntakeSeat(new Date());
  seat.actor.seatCode = seatCode;
  let serverUrl = base;
  let seen: ((ids: string[]) => void) | null = null;
  const engine = createSyncEngine({
    store: seat.store,
    serverUrl: () => serverUrl,
    seatCode: () => seatCode,
    credentials: { sessionToken: () => session },
    now: () => new Date(),
    log: silentLogger(),
    onRowsChanged: (ids) => seen?.(ids),
  });
  return {
    seat,
    engine,
    connect(url: string) {
      serverUrl = url;
    },
    onRows(fn: (ids: string[]) => void) {
      seen = fn;
    },
    deviceToken: () => syncMeta(seat.store.meta).deviceToken(),
    async close() {
      await engine.stop();
      seat.cleanup();
    },
  };
}

/** Seconds from reconnecting to an empty outbox, for a service point that saved 5,000 cases offline. */
async function backlogDrain(base: string, session: string, seats: SyncSeat[]): Promise<number> {
  const point = openSeatWithEngine(null, 'D01', session);
  seats.push(point);
  for (let i = 0; i < BACKLOG; i++)
    await point.seat.must('inquiry:create', anInquiry({ question: `离线记录的问题 ${i}` }));
  point.connect(base);
  const started = performance.now();
  point.engine.start();
  while (point.engine.status().pending > 0) {
    const before = point.engine.status().pending;
    await point.engine.syncNow();
    if (point.engine.status().pending === before) throw new Error(`backlog stuck: ${point.engine.status().lastError}`);
  }
  return (performance.now() - started) / 1000;
}

/** Milliseconds from a save at one seat to the case being in another seat's database, woken by the poke. */
async function visibility(base: string, opSession: string, supSession: string, seats: SyncSeat[]): Promise<number[]> {
  const writer = openSeatWithEngine(base, 'V01', opSession);
  const reader = openSeatWithEngine(base, 'V02', supSession);
  seats.push(writer, reader);
  writer.engine.start();
  reader.engine.start();
  // Both registered and the reader caught up on the earlier phases' cases before timing starts.
  await Promise.all([writer.engine.syncNow(), reader.engine.syncNow()]);
  const poke = createPokeListener({
    serverUrl: () => base,
    deviceToken: reader.deviceToken,
    onPoke: () => void reader.engine.syncNow(),
    log: silentLogger(),
  });
  poke.start();
  try {
    const warmup = await writer.seat.must('inquiry:create', anInquiry({ question: '预热' }));
    writer.engine.notifyLocalWrite();
    await arrival(reader, warmup.id, 30_000);
    const samples: number[] = [];
    for (let i = 0; i < VISIBILITY_ROUNDS; i++) {
      const started = performance.now();
      const saved = await writer.seat.must('inquiry:create', anInquiry({ question: `坐席间可见 ${i}` }));
      writer.engine.notifyLocalWrite();
      const arrived = await arrival(reader, saved.id, VISIBILITY_TIMEOUT_MS);
      samples.push(arrived ? performance.now() - started : VISIBILITY_TIMEOUT_MS);
    }
    return samples;
  } finally {
    await poke.stop();
  }
}

function arrival(reader: SyncSeat, id: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const check = () => {
      if (!reader.seat.store.inquiries.get(id)) return;
      clearTimeout(timer);
      reader.onRows(() => undefined);
      resolve(true);
    };
    reader.onRows(check);
    check();
  });
}

/** 1,000 service points, each pulling again as soon as its last pull answered, for POLLING_SECONDS. */
async function polling(base: string, session: string): Promise<{ rps: number; p99_ms: number }> {
  const points: Device[] = [];
  for (let i = 0; i < POLLING_CLIENTS; i += 50) {
    const batch = Array.from({ length: Math.min(50, POLLING_CLIENTS - i) }, (_, j) =>
      register(base, session, pollingSeat(i + j)),
    );
    points.push(...(await Promise.all(batch)));
  }
  const latencies: number[] = [];
  const until = performance.now() + POLLING_SECONDS * 1000;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    points.map(async (point) => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          const res = await fetch(`${base}/sync/pull?stream=inquiries&cursor=0&limit=100`, {
            headers: { authorization: `Bearer ${point.deviceToken}` },
          });
          await res.arrayBuffer();
          if (res.ok) latencies.push(performance.now() - t);
          else failures += 1;
        } catch {
          // Counted, not fatal: a refused connection under load is part of what is measured.
          failures += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (failures > 0) console.error(`polling: ${failures} requests failed`);
  return { rps: latencies.length / elapsed, p99_ms: percentile(latencies, 99) };
}

// ---- one variant --------------------------------------------------------------------------------

async function runVariant(variant: Variant, withPolling: boolean) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-bench-'));
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const server = await startServer(variant, variant === 'sqlite' ? path.join(tmp, 'server.db') : schema);
  const seats: SyncSeat[] = [];
  try {
    const base = server.url;
    const sup = await login(base, 'bench-sup');
    const op = await login(base, 'bench-op');
    const push = await pushThroughput(base, op);
    console.error(`${variant}: push ${round(push)} mutations/s`);
    const pull = await pullThroughput(base, sup);
    console.error(`${variant}: pull ${round(pull)} rows/s`);
    const backlog = await backlogDrain(base, op, seats);
    console.error(`${variant}: backlog of ${BACKLOG} drained in ${round(backlog, 2)} s`);
    const samples = await visibility(base, op, sup, seats);
    console.error(
      `${variant}: visibility p50 ${round(percentile(samples, 50))} ms, p95 ${round(percentile(samples, 95))} ms`,
    );
    const result: VariantResult = {
      push_per_s: round(push),
      pull_rows_per_s: round(pull),
      backlog_5000_s: round(backlog, 2),
      visibility_p95_ms: round(percentile(samples, 95)),
    };
    const poll = withPolling ? await polling(base, op) : null;
    return { result, visibilityP50: round(percentile(samples, 50)), poll };
  } finally {
    for (const s of seats) await s.close();
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    if (variant === 'postgres') {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const sqlite = await runVariant('sqlite', true);
  const postgres = DATABASE_URL ? await runVariant('postgres', false) : null;
  if (!postgres) console.error('postgres: skipped (set DATABASE_URL=postgres://… to include it)');
  const none: VariantResult = {
    push_per_s: null,
    pull_rows_per_s: null,
    backlog_5000_s: null,
    visibility_p95_ms: null,
  };
  const output = {
    sqlite: sqlite.result,
    postgres: postgres?.result ?? none,
    polling: { clients: POLLING_CLIENTS, rps: round(sqlite.poll!.rps), p99_ms: round(sqlite.poll!.p99_ms) },
  };
  const file = path.join(import.meta.dirname, 'results', 'sync.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);

  const cell = (v: number | null) => (v === null ? '—' : String(v));
  console.log('\n| measure                                  | SQLite | PostgreSQL | target   |');
  console.log('| ---------------------------------------- | ------ | ---------- | -------- |');
  const row = (name: string, key: keyof VariantResult, target: string) =>
    console.log(
      `| ${name.padEnd(40)} | ${cell(output.sqlite[key]).padStart(6)} | ${cell(output.postgres[key]).padStart(10)} | ${target.padEnd(8)} |`,
    );
  row('push, mutations/s', 'push_per_s', '≥1000/500');
  row('pull, rows/s', 'pull_rows_per_s', '≥20000');
  row(`backlog of ${BACKLOG} drained, s`, 'backlog_5000_s', '≤10');
  row('seat-to-seat visibility p95, ms', 'visibility_p95_ms', '<1000');
  console.log(
    `| visibility p50, ms                       | ${String(sqlite.visibilityP50).padStart(6)} | ${cell(postgres?.visibilityP50 ?? null).padStart(10)} |          |`,
  );
  console.log(
    `\npolling (SQLite server): ${POLLING_CLIENTS} service points, ${output.polling.rps} requests/s, p99 ${output.polling.p99_ms} ms`,
  );
  console.log(`\nwritten to ${path.relative(process.cwd(), file)} in ${round((performance.now() - started) / 1000)} s`);
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3] === 'postgres' ? 'postgres' : 'sqlite', process.argv[4] ?? '');
} else {
  await main();
}
