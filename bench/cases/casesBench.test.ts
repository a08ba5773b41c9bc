import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { repoDataDir } from '../../scripts/cli/generate/vocabulary';
import { ServerInquiry } from '../../shared/sync/protocol';
import { CASE_SEATS, caseGenerator, loadCaseVocabulary } from './generateCases';
import { QUERY_KINDS } from './queryMix';
import { type CasesAtSize, emptyAtSize, mergeResults, parseCasesBenchFile } from './results';
import { runCasesBench } from './runCasesBench';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cases-bench-test-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

it('generates the same valid cases for the same seed, spread over seats and time, with skewed words', () => {
  const vocabulary = loadCaseVocabulary(repoDataDir());
  const n = 2000;
  const a = Array.from({ length: n }, (_, i) => caseGenerator(vocabulary, 7, n).caseAt(i));
  const b = caseGenerator(vocabulary, 7, n);
  expect(a.map((_, i) => b.caseAt(i))).toEqual(a);
  expect(caseGenerator(vocabulary, 8, n).caseAt(0)).not.toEqual(a[0]);

  for (const c of a) expect(ServerInquiry.parse(c)).toEqual(c);
  expect(new Set(a.map((c) => c.id)).size).toBe(n);
  expect(new Set(a.map((c) => c.caseNo)).size).toBe(n);
  const times = a.map((c) => Date.parse(c.createdAt));
  expect(times).toEqual([...times].sort((x, y) => x - y));
  expect(a[0]!.createdAt < '2019-02-01' && a[n - 1]!.createdAt > '2025-11-30').toBe(true);
  expect(new Set(a.map((c) => c.seatCode)).size).toBeGreaterThan(CASE_SEATS.length - 5);

  const share = (word: string) => a.filter((c) => `${c.question}${c.answer}`.includes(word)).length / n;
  expect(share('玉米')).toBeGreaterThan(0.1);
  expect(share('玉米')).toBeLessThan(0.3);
  expect(share('菟丝子')).toBeLessThan(0.01);
});

it('keeps the sizes of an earlier file that were not measured again; a database with no numbers is null', () => {
  const earlier = parseCasesBenchFile({
    sqlite: { n1e6: { ...emptyAtSize(), index_rows_per_s: 5000, db_mb: 900 } },
    postgres: { n1e6: { ...emptyAtSize(), db_mb: 1200 } },
    machine: { cpu: 'x', cores: 2, mem_gb: 8, node: 'v20', sqlite: '3', postgres: '15' },
  });
  expect(earlier).not.toBeNull();
  const now: CasesAtSize = { ...emptyAtSize(), index_rows_per_s: 9000 };
  const machine = { cpu: 'y', cores: 2, mem_gb: 8, node: 'v20', sqlite: '3', postgres: null };
  const merged = mergeResults(earlier, { sqlite: { n1e5: now }, postgres: { n1e5: null }, machine });
  expect(Object.keys(merged.sqlite!)).toEqual(['n1e5', 'n1e6']);
  expect(merged.sqlite!.n1e6!.index_rows_per_s).toBe(5000);
  expect(merged.postgres).toEqual({ n1e5: null, n1e6: earlier!.postgres!.n1e6 });
  expect(merged.machine.cpu).toBe('y');
  expect(mergeResults(null, { sqlite: { n1e5: now }, postgres: { n1e5: null }, machine }).postgres).toBeNull();
});

it('loads, searches and writes cases.json in its shape (SQLite, no DATABASE_URL)', async () => {
  const outFile = path.join(dir, 'results', 'cases.json');
  const lines: string[] = [];
  const run = await runCasesBench({
    sizes: [300],
    seed: 1,
    workDir: dir,
    databaseUrl: undefined,
    outFile,
    dataDir: repoDataDir(),
    rounds: 1,
    phaseCapMs: 10_000,
    batch: 100,
    pgIndexWrites: () => 'rows',
    log: (line) => lines.push(line),
  });
  expect(run.problems).toEqual([]);
  expect(lines.some((l) => l.startsWith('postgres: skipped'))).toBe(true);
  const file = parseCasesBenchFile(JSON.parse(fs.readFileSync(outFile, 'utf8')));
  expect(file).not.toBeNull();
  expect(file!.postgres).toBeNull();
  const r = file!.sqlite!.n300!;
  expect(r.index_rows_per_s).toBeGreaterThan(0);
  expect(r.db_mb).toBeGreaterThan(0);
  expect(r.search_p50_ms!).toBeLessThanOrEqual(r.search_p99_ms!);
  expect(r.seat_search_p99_ms).toBeTypeOf('number');
  for (const kind of QUERY_KINDS) {
    expect(r.by_kind![kind]!.center!.timed).toBeGreaterThan(0);
    expect(r.by_kind![kind]!.center!.failed).toBe(0);
  }
  expect(r.by_kind!.common!.center!.hits_mean).toBeGreaterThan(0);
  expect(r.by_kind!.nothing!.center!.hits_mean).toBe(0);
  expect(fs.readdirSync(dir)).toEqual(['results']);
}, 30_000);
