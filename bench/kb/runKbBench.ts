import fs from 'node:fs';
import path from 'node:path';
import {
  BuildResult,
  InstallResult,
  PEER_NAMES,
  PeerResult,
  SearchResult,
  type MixSize,
  type PeerName,
} from './protocol';
import {
  kbBenchFileJson,
  parseKbBenchFile,
  type KbBenchResults,
  type OursAtSize,
  type PeerAtSize,
  sizeKey,
} from './results';
import { HEAP_MB, runChild } from './runChild';

export type KbBenchOptions = {
  readonly sizes: readonly number[];
  readonly seed: number;
  /** Folder for the index files of the run; emptied of them afterwards. */
  readonly workDir: string;
  /** Where the JSON goes (sizes already there and not measured now are kept); null = print only. */
  readonly outFile: string | null;
  readonly dataDir: string;
  readonly queries: number;
  readonly typed: number;
  readonly log: (line: string) => void;
};

export type KbBenchRow = { engine: string; size: string } & Record<string, number | string | null>;
export type KbBenchRun = { results: KbBenchResults; rows: KbBenchRow[]; problems: string[] };

const EMPTY_OURS: OursAtSize = {
  build_s: null,
  rows_per_s: null,
  db_mb: null,
  search_p50_ms: null,
  search_p95_ms: null,
  search_p99_ms: null,
  suggest_p95_ms: null,
  rss_mb: null,
  snapshot_install_s: null,
};

const EMPTY_PEER: PeerAtSize = {
  build_s: null,
  rows_per_s: null,
  search_p50_ms: null,
  search_p95_ms: null,
  search_p99_ms: null,
  suggest_p95_ms: null,
  rss_mb: null,
};

function readPrevious(file: string | null): KbBenchResults {
  const empty: KbBenchResults = { ours: {}, peers: { flexsearch: {}, minisearch: {} } };
  if (file === null || !fs.existsSync(file)) return empty;
  return parseKbBenchFile(JSON.parse(fs.readFileSync(file, 'utf8'))) ?? empty;
}

async function measureOurs(n: number, dir: string, opts: KbBenchOptions, mix: MixSize, problems: string[]) {
  const file = path.join(dir, 'kb.db');
  opts.log(`  ours: building ${n} articles into SQLite …`);
  const build = await runChild({ mode: 'build', n, seed: opts.seed, file, dataDir: opts.dataDir }, BuildResult);
  if (!build.ok) {
    problems.push(`ours n=${n} build: ${build.reason}`);
    return { ours: EMPTY_OURS, row: {} };
  }
  opts.log(`  ours: searching (fresh process, file opened read-only) …`);
  const search = await runChild({ mode: 'search', file, dataDir: opts.dataDir, mix }, SearchResult);
  if (!search.ok) problems.push(`ours n=${n} search: ${search.reason}`);
  opts.log(`  ours: installing it as a snapshot on a seat …`);
  const install = await runChild({ mode: 'install', file, dataDir: opts.dataDir, workDir: dir }, InstallResult);
  if (!install.ok) problems.push(`ours n=${n} snapshot install: ${install.reason}`);
  const s = search.ok ? search.value : null;
  const ours: OursAtSize = {
    build_s: build.value.build_s,
    rows_per_s: build.value.rows_per_s,
    db_mb: build.value.db_mb,
    search_p50_ms: s?.search.p50_ms ?? null,
    search_p95_ms: s?.search.p95_ms ?? null,
    search_p99_ms: s?.search.p99_ms ?? null,
    suggest_p95_ms: s?.suggest.p95_ms ?? null,
    rss_mb: s?.rss_mb ?? null,
    snapshot_install_s: install.ok ? install.value.snapshot_install_s : null,
  };
  const row = {
    peak_rss_mb: s?.peak_rss_mb ?? null,
    build_peak_rss_mb: build.value.peak_rss_mb,
    open_ms: s?.open_ms ?? null,
    queries: s?.measured.queries ?? null,
    prefixes: s?.measured.prefixes ?? null,
    snapshot_mb: install.ok ? install.value.snapshot_mb : null,
  };
  return { ours, row };
}

async function measurePeer(
  name: PeerName,
  n: number,
  opts: KbBenchOptions,
  mix: MixSize,
  problems: string[],
): Promise<{ peer: PeerAtSize | null; extra: Record<string, number> }> {
  opts.log(`  ${name}: building ${n} articles in memory and searching …`);
  const run = await runChild({ mode: 'peer', peer: name, n, seed: opts.seed, mix }, PeerResult);
  if (!run.ok) {
    problems.push(`${name} n=${n}: ${run.reason}`);
    return { peer: null, extra: {} };
  }
  const v = run.value;
  const peer: PeerAtSize = {
    build_s: v.build_s,
    rows_per_s: v.rows_per_s,
    search_p50_ms: v.search.p50_ms,
    search_p95_ms: v.search.p95_ms,
    search_p99_ms: v.search.p99_ms,
    suggest_p95_ms: v.suggest.p95_ms,
    rss_mb: v.rss_mb,
  };
  return { peer, extra: { peak_rss_mb: v.peak_rss_mb, queries: v.measured.queries, prefixes: v.measured.prefixes } };
}

type Seen = { n: number; peakMb: number };

/**
 * A peer whose memory, scaled linearly from a smaller size of this run, would pass the heap cap is
 * not started: it would only run for many minutes and die (MiniSearch needs ~2 GB per 10^5 articles).
 */
function projectedTooBig(seen: Seen | undefined, n: number): string | null {
  if (!seen || seen.n >= n) return null;
  const projected = (seen.peakMb * n) / seen.n;
  return projected > HEAP_MB
    ? `not run: peak memory ${Math.round(seen.peakMb)} MB at n=${seen.n} projects to ${Math.round(projected)} MB, over the ${HEAP_MB} MB heap cap`
    : null;
}

/** Every engine at every size, each in its own child process, one after another (never two at once). */
export async function runKbBench(opts: KbBenchOptions): Promise<KbBenchRun> {
  const results = readPrevious(opts.outFile);
  const rows: KbBenchRow[] = [];
  const problems: string[] = [];
  const mix: MixSize = { seed: opts.seed, queries: opts.queries, typed: opts.typed };
  const seen = new Map<PeerName, Seen>();
  // Written after every engine, so a long run stopped during 10^6 still leaves what it measured.
  const save = () => {
    if (!opts.outFile) return;
    fs.mkdirSync(path.dirname(opts.outFile), { recursive: true });
    fs.writeFileSync(opts.outFile, kbBenchFileJson(results));
  };
  for (const n of opts.sizes) {
    const key = sizeKey(n);
    opts.log(`${key}: ${n} articles`);
    const dir = fs.mkdtempSync(path.join(opts.workDir, `${key}-`));
    try {
      const { ours, row } = await measureOurs(n, dir, opts, mix, problems);
      results.ours[key] = ours;
      rows.push({ engine: 'ours', size: key, ...ours, ...row });
      save();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    for (const name of PEER_NAMES) {
      const tooBig = projectedTooBig(seen.get(name), n);
      if (tooBig) problems.push(`${name} n=${n}: ${tooBig}`);
      const { peer, extra } = tooBig ? { peer: null, extra: {} } : await measurePeer(name, n, opts, mix, problems);
      if (extra.peak_rss_mb !== undefined) seen.set(name, { n, peakMb: extra.peak_rss_mb });
      results.peers[name][key] = peer ?? EMPTY_PEER;
      rows.push({ engine: name, size: key, ...(peer ?? {}), ...extra });
      save();
    }
  }
  return { results, rows, problems };
}
