import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { searchCases } from '../../server/kb/caseSearch/caseSearch';
import { type Store, openStore } from '../../server/store/openStore';
import { type Scope } from '../../shared/sync/auth';
import { type CaseSearchPage } from '../../shared/domain/kbServer';
import { latency, mb, percentile } from '../kb/measure';
import { sizeKey } from '../kb/results';
import { BENCH_SEAT, caseGenerator, loadCaseVocabulary } from './generateCases';
import { type IndexWrites, loadCases } from './loadCases';
import { type CaseQuery, QUERY_KINDS, caseQueries, timedOrder } from './queryMix';
import {
  type BySize,
  type CasesAtSize,
  type CasesBenchFile,
  type KindStats,
  type Machine,
  emptyAtSize,
  emptyByKind,
  mergeResults,
  parseCasesBenchFile,
} from './results';

export type Variant = 'sqlite' | 'postgres';

export type CasesBenchOptions = {
  sizes: readonly number[];
  seed: number;
  /** Temp folder for the SQLite files (each deleted after its size). */
  workDir: string;
  /** postgres://… to include PostgreSQL (a temp schema per size, dropped afterwards); else it is null. */
  databaseUrl: string | undefined;
  /** Where cases.json goes; null: print only. */
  outFile: string | null;
  dataDir: string;
  /** Passes over the query mix per scope, after one warm-up pass. */
  rounds: number;
  /** A scope's timed queries stop after this long (at least one pass is always timed). */
  phaseCapMs: number;
  batch: number;
  /** How PostgreSQL's index is written at a size (SQLite always goes through writeCaseWords). */
  pgIndexWrites: (size: number) => IndexWrites;
  log: (line: string) => void;
};

export type CasesBenchRun = {
  file: CasesBenchFile;
  /** This run's measurements (before merging with an earlier file). */
  measured: { sqlite: BySize; postgres: BySize };
  problems: string[];
};

type ScopeName = 'center' | 'seat';
const SCOPES: Record<ScopeName, Scope> = {
  center: { kind: 'all' },
  seat: { kind: 'seats', seatCodes: [BENCH_SEAT] },
};
const LIMIT = 50;

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function runCasesBench(options: CasesBenchOptions): Promise<CasesBenchRun> {
  const problems: string[] = [];
  const problem = (what: string, err: unknown) => {
    const message = `${what}: ${err instanceof Error ? err.message : String(err)}`;
    problems.push(message);
    options.log(`FAILED ${message}`);
  };
  const measured: { sqlite: BySize; postgres: BySize } = { sqlite: {}, postgres: {} };
  const versions: { sqlite: string | null; postgres: string | null } = { sqlite: null, postgres: null };

  for (const variant of ['sqlite', 'postgres'] as const) {
    for (const size of options.sizes) {
      const key = sizeKey(size);
      if (variant === 'postgres' && !options.databaseUrl) {
        measured.postgres[key] = null;
        continue;
      }
      measured[variant][key] = await runOne(variant, size, options, problem, versions);
    }
  }
  if (!options.databaseUrl) options.log('postgres: skipped (set DATABASE_URL=postgres://… to include it)');

  const machine: Machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    mem_gb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    sqlite: versions.sqlite,
    postgres: versions.postgres,
  };
  let earlier: CasesBenchFile | null = null;
  if (options.outFile && fs.existsSync(options.outFile)) {
    earlier = parseCasesBenchFile(JSON.parse(fs.readFileSync(options.outFile, 'utf8')));
    if (!earlier) options.log(`${options.outFile}: not in the expected shape, replaced`);
  }
  const file = mergeResults(earlier, { ...measured, machine });
  if (options.outFile) {
    fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
    fs.writeFileSync(options.outFile, `${JSON.stringify(file, null, 2)}\n`);
  }
  return { file, measured, problems };
}

async function runOne(
  variant: Variant,
  size: number,
  options: CasesBenchOptions,
  problem: (what: string, err: unknown) => void,
  versions: { sqlite: string | null; postgres: string | null },
): Promise<CasesAtSize> {
  const label = `${variant} ${sizeKey(size)}`;
  const result = emptyAtSize();
  const sqliteFile = path.join(options.workDir, `cases-${size}.db`);
  const schema = `bench_cases_${randomBytes(5).toString('hex')}`;
  let store: Store | null = null;
  try {
    store = await openStore(
      variant === 'sqlite' ? { sqliteFile } : { databaseUrl: options.databaseUrl, pgSchema: schema },
    );
    versions[variant] = await databaseVersion(store);
  } catch (err) {
    problem(`${label}: opening the store`, err);
    await dropStore(variant, store, sqliteFile, schema, options, problem);
    return result;
  }

  try {
    const indexWrites: IndexWrites = variant === 'postgres' ? options.pgIndexWrites(size) : 'rows';
    const generator = caseGenerator(loadCaseVocabulary(options.dataDir), options.seed, size);
    const step = Math.max(options.batch, Math.ceil(size / 10 / options.batch) * options.batch);
    const t = await loadCases(store, generator, size, {
      batch: options.batch,
      indexWrites,
      progress: (done, so) => {
        if (done % step === 0 || done === size)
          options.log(
            `${label}: loaded ${done.toLocaleString('en')} cases in ${round1(so.load_ms / 1000)} s (generation ${round1(so.generate_ms / 1000)} s more)`,
          );
      },
    });
    result.index_rows_per_s = Math.round(t.rows / ((t.segment_ms + t.index_ms) / 1000));
    result.load_s = round1(t.load_ms / 1000);
    result.index_writes = indexWrites;
    options.log(
      `${label}: load ${result.load_s} s = segmentation ${round1(t.segment_ms / 1000)} s + index writes ` +
        `${round1(t.index_ms / 1000)} s (${indexWrites === 'rows' ? 'writeCaseWords per case' : 'one multi-row INSERT per batch'}) + inquiry rows ${round1(t.inquiry_ms / 1000)} s + commits; ` +
        `${result.index_rows_per_s} cases/s indexed`,
    );
    const settled = performance.now();
    result.db_mb = await settle(store, schema);
    options.log(
      `${label}: ${variant === 'sqlite' ? 'WAL checkpoint' : 'VACUUM ANALYZE'} ${round1((performance.now() - settled) / 1000)} s; database ${result.db_mb} MB`,
    );
  } catch (err) {
    problem(`${label}: loading`, err);
    await dropStore(variant, store, sqliteFile, schema, options, problem);
    return result;
  }

  try {
    const byKind = emptyByKind();
    for (const scopeName of ['center', 'seat'] as const) {
      const { samples, kinds } = await searchPhase(store, scopeName, options, label);
      const overall = samples.length > 0 ? latency(samples) : null;
      const prefix = scopeName === 'center' ? 'search' : 'seat_search';
      result[`${prefix}_p50_ms`] = overall?.p50_ms ?? null;
      result[`${prefix}_p95_ms`] = overall?.p95_ms ?? null;
      result[`${prefix}_p99_ms`] = overall?.p99_ms ?? null;
      for (const kind of QUERY_KINDS) byKind[kind][scopeName] = kinds[kind];
      for (const kind of QUERY_KINDS) {
        const failed = kinds[kind].failed;
        if (failed > 0) problem(`${label}: ${scopeName} ${kind}`, `${failed} searches failed (${kinds[kind].error})`);
      }
    }
    result.by_kind = Object.fromEntries(
      QUERY_KINDS.map((k) => [k, { center: strip(byKind[k].center), seat: strip(byKind[k].seat) }]),
    ) as CasesAtSize['by_kind'];
  } catch (err) {
    problem(`${label}: searching`, err);
  } finally {
    await dropStore(variant, store, sqliteFile, schema, options, problem);
  }
  return result;
}

type KindRun = KindStats & { error?: string };
const strip = (k: KindRun | KindStats | null): KindStats | null => {
  if (!k) return null;
  const { error: _error, ...stats } = k as KindRun;
  return stats;
};

/** Warm-up pass (also finds each page-2 query's cursor), then timed passes in seeded order. */
async function searchPhase(
  store: Store,
  scopeName: ScopeName,
  options: CasesBenchOptions,
  label: string,
): Promise<{ samples: number[]; kinds: Record<(typeof QUERY_KINDS)[number], KindRun> }> {
  const scope = SCOPES[scopeName];
  const queries = caseQueries();
  const cursors = new Map<string, string | null>();
  const errors = new Map<string, string>();
  const failure = (q: CaseQuery, err: unknown) => {
    if (!errors.has(q.kind)) errors.set(q.kind, `"${q.q}": ${err instanceof Error ? err.message : String(err)}`);
  };
  const call = (q: CaseQuery): Promise<CaseSearchPage> => {
    const cursor = q.kind === 'page2' ? cursors.get(q.q) : undefined;
    return searchCases(store.db, store.dialect, scope, {
      q: q.q,
      limit: LIMIT,
      ...(cursor ? { cursor } : {}),
    });
  };
  for (const q of queries) {
    try {
      if (q.kind === 'page2') cursors.set(q.q, (await call({ kind: 'common', q: q.q })).nextCursor);
      await call(q);
    } catch (err) {
      failure(q, err);
    }
  }
  for (const [q, cursor] of cursors)
    if (cursor === null) options.log(`${label}: ${scopeName} "${q}" has no second page; timed as its first page`);

  type Sample = { kind: (typeof QUERY_KINDS)[number]; ms: number | null; hits: number; match: 'all' | 'some' | null };
  const timedSamples: Sample[] = [];
  const order = timedOrder(queries, options.rounds, options.seed + (scopeName === 'center' ? 1 : 2));
  const started = performance.now();
  for (let i = 0; i < order.length; i++) {
    if (i >= queries.length && performance.now() - started > options.phaseCapMs) {
      options.log(
        `${label}: ${scopeName} stopped after ${i} of ${order.length} queries (${options.phaseCapMs / 1000} s cap)`,
      );
      break;
    }
    const q = order[i]!;
    const t = performance.now();
    try {
      const page = await call(q);
      timedSamples.push({ kind: q.kind, ms: performance.now() - t, hits: page.hits.length, match: page.match });
    } catch (err) {
      timedSamples.push({ kind: q.kind, ms: null, hits: 0, match: null });
      failure(q, err);
    }
  }

  const kinds = Object.fromEntries(
    QUERY_KINDS.map((kind) => {
      const mine = timedSamples.filter((s) => s.kind === kind);
      const ok = mine.filter((s) => s.ms !== null);
      const times = ok.length > 0 ? latency(ok.map((s) => s.ms!)) : null;
      const stats: KindRun = {
        timed: ok.length,
        p50_ms: times?.p50_ms ?? null,
        p95_ms: times?.p95_ms ?? null,
        hits_mean: ok.length > 0 ? round1(ok.reduce((n, s) => n + s.hits, 0) / ok.length) : null,
        zero_hits: ok.filter((s) => s.hits === 0).length,
        match_all: ok.filter((s) => s.match === 'all').length,
        match_some: ok.filter((s) => s.match === 'some').length,
        failed: mine.length - ok.length,
        ...(mine.length > ok.length ? { error: errors.get(kind) ?? 'unknown error' } : {}),
      };
      return [kind, stats];
    }),
  ) as Record<(typeof QUERY_KINDS)[number], KindRun>;
  const samples = timedSamples.filter((s) => s.ms !== null).map((s) => s.ms!);
  if (samples.length > 0)
    options.log(
      `${label}: ${scopeName} ${samples.length} queries, p50 ${round1(percentile(samples, 50))} ms, p95 ${round1(percentile(samples, 95))} ms`,
    );
  return { samples, kinds };
}

/** Brings the database to the state a server settles into, and returns its size in MB. */
async function settle(store: Store, schema: string): Promise<number> {
  if (store.dialect === 'sqlite') {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    const rows = await sql<{ bytes: number }>`
      SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()`.execute(store.db);
    return mb(Number(rows.rows[0]?.bytes ?? 0));
  }
  // What autovacuum would do on a real server (it also empties GIN's pending list); statistics for the planner.
  await sql`VACUUM ANALYZE inquiry`.execute(store.db);
  await sql`VACUUM ANALYZE case_search`.execute(store.db);
  const rows = await sql<{ bytes: string | number }>`
    SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind = 'r'`.execute(store.db);
  return mb(Number(rows.rows[0]?.bytes ?? 0));
}

async function databaseVersion(store: Store): Promise<string> {
  const rows =
    store.dialect === 'sqlite'
      ? await sql<{ v: string }>`SELECT sqlite_version() AS v`.execute(store.db)
      : await sql<{ v: string }>`SHOW server_version`.execute(store.db).then((r) => ({
          rows: r.rows.map((row) => ({ v: (row as unknown as { server_version: string }).server_version })),
        }));
  return rows.rows[0]?.v ?? 'unknown';
}

async function dropStore(
  variant: Variant,
  store: Store | null,
  sqliteFile: string,
  schema: string,
  options: CasesBenchOptions,
  problem: (what: string, err: unknown) => void,
): Promise<void> {
  try {
    await store?.close();
  } catch (err) {
    problem(`${variant}: closing the store`, err);
  }
  if (variant === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${sqliteFile}${suffix}`, { force: true });
    return;
  }
  try {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  } catch (err) {
    problem(`postgres: dropping schema ${schema}`, err);
  }
}
