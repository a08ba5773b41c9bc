/**
 * Full-history case search benchmark (`npm run bench:cases`, issue 4 §5): the server's case search
 * index (FTS5 on SQLite, tsvector + GIN on PostgreSQL) loaded with 10^5 and 10^6 generated cases,
 * then `searchCases` timed for a center supervisor (scope all) and for one seat over a fixed query
 * mix. SQLite in a temp file, PostgreSQL in a temp schema when DATABASE_URL names one (both removed
 * afterwards). Writes bench/results/cases.json; `--sizes 1e5` measures chosen sizes (other sizes
 * already in the file are kept), `--quick` runs 10^4 and only prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoDataDir } from '../scripts/cli/generate/vocabulary';
import { BENCH_SEAT } from './cases/generateCases';
import { type IndexWrites } from './cases/loadCases';
import { QUERY_KINDS } from './cases/queryMix';
import { type BySize, type CasesAtSize, type KindStats } from './cases/results';
import { runCasesBench } from './cases/runCasesBench';

function parseArgs(argv: readonly string[]) {
  let sizes = [100_000, 1_000_000];
  let quick = false;
  let pgIndex: IndexWrites | 'auto' = 'auto';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--sizes') {
      sizes = (argv[++i] ?? '').split(',').map(Number);
      if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes counts such as 1e5,1e6');
    } else if (arg === '--pg-index') {
      const value = argv[++i];
      if (value !== 'rows' && value !== 'bulk' && value !== 'auto')
        throw new Error('--pg-index takes rows, bulk or auto');
      pgIndex = value;
    } else throw new Error(`unknown argument ${arg} (use --sizes 1e5,1e6, --quick, --pg-index rows|bulk|auto)`);
  }
  return { sizes: quick ? [10_000] : sizes, quick, pgIndex };
}

/** At 10^6 the per-case round trips of writeCaseWords would take PostgreSQL most of the run's budget. */
const BULK_FROM = 1_000_000;

const args = parseArgs(process.argv.slice(2));
const started = performance.now();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cases-bench-'));
const outFile = args.quick ? null : path.join(import.meta.dirname, 'results', 'cases.json');
const seed = Number(process.env.SEED ?? 12316);
let run;
try {
  run = await runCasesBench({
    sizes: args.sizes,
    seed,
    workDir,
    databaseUrl: process.env.DATABASE_URL,
    outFile,
    dataDir: repoDataDir(),
    rounds: 7,
    phaseCapMs: 120_000,
    batch: 2000,
    pgIndexWrites: (size) => (args.pgIndex === 'auto' ? (size >= BULK_FROM ? 'bulk' : 'rows') : args.pgIndex),
    log: (line) => console.error(line),
  });
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}

const cell = (v: number | string | null | undefined, width: number) => String(v ?? '—').padStart(width);
const variants = [
  ['SQLite', run.measured.sqlite],
  ['PostgreSQL', run.measured.postgres],
] as const;

console.log(
  `\n| database   | cases     | load s | index cases/s |  db MB | p50 ms | p95 ms | p99 ms | seat p50 | seat p95 | seat p99 |`,
);
console.log(
  `| ---------- | --------- | ------ | ------------- | ------ | ------ | ------ | ------ | -------- | -------- | -------- |`,
);
for (const [name, bySize] of variants) {
  for (const [key, r] of Object.entries(bySize as BySize)) {
    const x: Partial<CasesAtSize> = r ?? {};
    const load =
      x.load_s === undefined || x.load_s === null ? null : `${x.load_s}${x.index_writes === 'bulk' ? '*' : ''}`;
    console.log(
      `| ${name.padEnd(10)} | ${cell(key, 9)} | ${cell(load, 6)} | ${cell(x.index_rows_per_s, 13)} | ${cell(x.db_mb, 6)} | ` +
        `${cell(x.search_p50_ms, 6)} | ${cell(x.search_p95_ms, 6)} | ${cell(x.search_p99_ms, 6)} | ` +
        `${cell(x.seat_search_p50_ms, 8)} | ${cell(x.seat_search_p95_ms, 8)} | ${cell(x.seat_search_p99_ms, 8)} |`,
    );
  }
}
if (variants.some(([, s]) => Object.values(s).some((r) => r?.index_writes === 'bulk')))
  console.log(
    '* PostgreSQL index loaded with one multi-row INSERT per batch (same analyzer words, same tsvector column)',
  );

const kindCells = (k: KindStats | null | undefined) =>
  k
    ? `${cell(k.timed, 3)} | ${cell(k.p50_ms, 7)} | ${cell(k.p95_ms, 7)} | ${cell(k.hits_mean, 5)} | ${cell(`${k.match_all}/${k.match_some}`, 7)}`
    : `${cell(null, 3)} | ${cell(null, 7)} | ${cell(null, 7)} | ${cell(null, 5)} | ${cell(null, 7)}`;
for (const [name, bySize] of variants) {
  for (const [key, r] of Object.entries(bySize as BySize)) {
    if (!r?.by_kind) continue;
    console.log(
      `\n${name} ${key}: scope all (center) | one seat (${BENCH_SEAT}); hits = mean hits per page (limit 50); all/some = match`,
    );
    console.log(
      `| kind      |   n |  p50 ms |  p95 ms |  hits | all/som |   n |  p50 ms |  p95 ms |  hits | all/som |`,
    );
    console.log(
      `| --------- | --- | ------- | ------- | ----- | ------- | --- | ------- | ------- | ----- | ------- |`,
    );
    for (const kind of QUERY_KINDS) {
      const k = r.by_kind[kind];
      console.log(`| ${kind.padEnd(9)} | ${kindCells(k?.center)} | ${kindCells(k?.seat)} |`);
    }
  }
}

if (run.problems.length > 0) {
  console.log(`\n${run.problems.length} measurement(s) failed (null in the results):`);
  for (const p of run.problems) console.log(`  - ${p}`);
}
const seconds = Math.round((performance.now() - started) / 1000);
console.log(
  outFile
    ? `\nwritten to ${path.relative(process.cwd(), outFile)} in ${seconds} s`
    : `\n--quick: nothing written (${seconds} s)`,
);
