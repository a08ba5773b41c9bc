/**
 * One engine's work in its own process, so its resident memory is its own (`bench:kb` starts this
 * file once per engine and size): `build` our index file, `search` it as a seat would, `install` it
 * as a snapshot, or build and search an in-memory `peer`. Prints one `RESULT {json}` line.
 */
import fs from 'node:fs';
import { firstPublished, type KbArticle, type KbArticleContent } from '../../shared/domain/kb';
import { loadKbAnalyzer } from '../../shared/node/kb/analyzer';
import { KbIndex } from '../../shared/node/kb/kbIndex';
import { generateArticles } from '../../scripts/cli/kbGenerate';
import { loadVocabulary, repoDataDir } from '../../scripts/cli/generate/vocabulary';
import { latency, mb, memory, round3, timed } from './measure';
import type { SearchPeer } from './peers/peer';
import {
  ChildSpec,
  RESULT_PREFIX,
  type BuildResult,
  type MixSize,
  type PeerName,
  type PeerResult,
  type SearchResult,
} from './protocol';
import { buildQueryMix } from './queryMix';

const SEARCH_LIMIT = 10;
const SUGGEST_LIMIT = 5;
const WARMUP = 30;
const PHASE_BUDGET_MS = 90_000;
const MIN_SAMPLES = 100;
const PUBLISHED_AT = '2026-01-01T00:00:00.000Z';

/** Loaded on demand, so measuring our index never depends on the peers' libraries. */
const PEERS: Readonly<Record<PeerName, () => Promise<SearchPeer>>> = {
  flexsearch: async () => (await import('./peers/flexsearch')).createFlexsearchPeer(),
  minisearch: async () => (await import('./peers/minisearch')).createMinisearchPeer(),
};

const published = (content: KbArticleContent): KbArticle => firstPublished(content, PUBLISHED_AT);

function filesMb(file: string): number {
  const sizes = ['', '-wal', '-shm'].map((suffix) =>
    fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0,
  );
  return mb(sizes.reduce((a, b) => a + b, 0));
}

/** Builds the index file as `kb import` does; the time spent generating articles is not counted. */
async function build(n: number, seed: number, file: string, dataDir: string): Promise<BuildResult> {
  const analyzer = loadKbAnalyzer(dataDir);
  let generatingMs = 0;
  function* articles(): Generator<KbArticle> {
    const source = generateArticles(n, seed);
    for (;;) {
      const started = performance.now();
      const next = source.next();
      generatingMs += performance.now() - started;
      if (next.done) return;
      yield published(next.value);
    }
  }
  const ms = (await timedAsync(() => KbIndex.build(file, analyzer, articles(), { dataDir }))) - generatingMs;
  return { build_s: round3(ms / 1000), rows_per_s: Math.round(n / (ms / 1000)), db_mb: filesMb(file), ...memory() };
}

async function timedAsync(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * Times each query in order until the list ends or the budget is spent (and at least MIN_SAMPLES
 * ran): the mix is in random order, so a slow engine at 10^6 is measured on a random part of it
 * instead of holding the run for an hour.
 */
function timeAll(texts: readonly string[], limit: number, search: (q: string, limit: number) => unknown): number[] {
  const deadline = performance.now() + PHASE_BUDGET_MS;
  const samples: number[] = [];
  for (const q of texts) {
    if (samples.length >= MIN_SAMPLES && performance.now() > deadline) break;
    samples.push(timed(() => search(q, limit)));
  }
  return samples;
}

/** Runs the query mix and the typed prefixes against one search function. */
function runMix(mix: MixSize, search: (q: string, limit: number) => unknown) {
  const { queries, typing } = buildQueryMix(loadVocabulary(repoDataDir()), mix.seed, mix.queries, mix.typed);
  for (const { q } of queries.slice(0, WARMUP)) search(q, SEARCH_LIMIT);
  const searchMs = timeAll(
    queries.map(({ q }) => q),
    SEARCH_LIMIT,
    search,
  );
  const suggestMs = timeAll(typing.flat(), SUGGEST_LIMIT, search);
  return {
    search: latency(searchMs),
    suggest: latency(suggestMs),
    measured: { queries: searchMs.length, prefixes: suggestMs.length },
  };
}

function searchIndex(file: string, dataDir: string, mix: MixSize): SearchResult {
  const analyzer = loadKbAnalyzer(dataDir);
  const opening = performance.now();
  const index = KbIndex.open(file, analyzer, { readonly: true });
  const openMs = performance.now() - opening;
  const result = runMix(mix, (q, limit) => index.search({ q, limit }));
  const mem = memory();
  index.close();
  return { ...result, open_ms: round3(openMs), ...mem };
}

/** Builds a peer in a scope of its own, so the article array can be collected unless the peer keeps it. */
async function buildPeer(name: PeerName, n: number, seed: number): Promise<{ peer: SearchPeer; ms: number }> {
  const articles = [...generateArticles(n, seed)];
  const peer = await PEERS[name]();
  return { peer, ms: timed(() => peer.build(articles)) };
}

async function runPeer(name: PeerName, n: number, seed: number, mix: MixSize): Promise<PeerResult> {
  const { peer, ms } = await buildPeer(name, n, seed);
  const result = runMix(mix, (q, limit) => peer.search(q, limit));
  return { build_s: round3(ms / 1000), rows_per_s: Math.round(n / (ms / 1000)), ...result, ...memory() };
}

async function run(spec: ChildSpec): Promise<unknown> {
  switch (spec.mode) {
    case 'build':
      return build(spec.n, spec.seed, spec.file, spec.dataDir);
    case 'search':
      return searchIndex(spec.file, spec.dataDir, spec.mix);
    case 'install': {
      // Loaded only here: the seat's replica code is needed for this one measurement.
      const { measureSnapshotInstall } = await import('./snapshotInstall');
      return measureSnapshotInstall(spec.file, spec.dataDir, spec.workDir);
    }
    case 'peer':
      return runPeer(spec.peer, spec.n, spec.seed, spec.mix);
  }
}

const spec = ChildSpec.parse(JSON.parse(process.argv[2] ?? 'null'));
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(await run(spec))}\n`);
