/**
 * Searches the ranking numbers of shared/node/kb/ranking.ts over the dev queries (issue 4 §7) by
 * coordinate descent: each number in turn over a few values around the current one, keeping the best,
 * until a round changes nothing. Prints every step, so how flat the optimum is shows in the output.
 * With --order-only the "nothing fits" check is off and only the order is tuned; --fit-only then tunes
 * the fit thresholds on top of the chosen order.
 *   npx tsx bench/kb/tuneRanking.ts [--queries <file.jsonl>] [--rounds N] [--order-only | --fit-only]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { KbArticleContent } from '../../shared/domain/kb';
import { loadKbAnalyzer } from '../../shared/node/kb/analyzer';
import { KbIndex } from '../../shared/node/kb/kbIndex';
import { DEFAULT_RANKING, type Ranking } from '../../shared/node/kb/ranking';
import { createKbSearch } from '../../shared/node/kb/search';
import { publishedVersion1 } from './peers/ours';
import { type EvalQuery, evaluate, type PeerReport } from './relevance';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const QueryLine = z.object({ q: z.string(), relevant: z.array(z.string()), style: z.string() });
const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const readJsonl = <T>(file: string, schema: z.ZodType<T>): T[] =>
  fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => schema.parse(JSON.parse(l)));

/** What the search is tuned for: the targets' metrics, with showing something for "none" queries above 0.2 as a cost. */
function objective(r: PeerReport): number {
  return r.recall1 + r.recall5 + r.mrr - 2 * Math.max(0, r.noneShown - 0.2);
}

/** Each tuned number: where it lives in Ranking and the values tried around it (as factors). */
const KNOBS: readonly { name: string; get: (r: Ranking) => number; set: (r: Ranking, v: number) => Ranking }[] = [
  { name: 'fields.keys', get: (r) => r.fields.keys, set: (r, v) => ({ ...r, fields: { ...r.fields, keys: v } }) },
  { name: 'fields.title', get: (r) => r.fields.title, set: (r, v) => ({ ...r, fields: { ...r.fields, title: v } }) },
  {
    name: 'layers.bigrams',
    get: (r) => r.layers.bigrams,
    set: (r, v) => ({ ...r, layers: { ...r.layers, bigrams: v } }),
  },
  { name: 'layers.chars', get: (r) => r.layers.chars, set: (r, v) => ({ ...r, layers: { ...r.layers, chars: v } }) },
  {
    name: 'spentGramDiscount',
    get: (r) => r.spentGramDiscount,
    set: (r, v) => ({ ...r, spentGramDiscount: Math.min(v, 1) }),
  },
  { name: 'rewrittenGrams', get: (r) => r.rewrittenGrams, set: (r, v) => ({ ...r, rewrittenGrams: v }) },
  { name: 'coverage', get: (r) => r.coverage, set: (r, v) => ({ ...r, coverage: Math.min(v, 1) }) },
  { name: 'titleCoverage', get: (r) => r.titleCoverage, set: (r, v) => ({ ...r, titleCoverage: v }) },
  { name: 'charCoverage', get: (r) => r.charCoverage, set: (r, v) => ({ ...r, charCoverage: Math.min(v, 1) }) },
  {
    name: 'narrativeWords',
    get: (r) => r.narrativeWords,
    set: (r, v) => ({ ...r, narrativeWords: Math.min(v, 1) }),
  },
  { name: 'subjectMiss', get: (r) => r.subjectMiss, set: (r, v) => ({ ...r, subjectMiss: Math.min(v, 1) }) },
  { name: 'minShareOfTop', get: (r) => r.minShareOfTop, set: (r, v) => ({ ...r, minShareOfTop: Math.min(v, 1) }) },
  {
    name: 'fit.minRelative',
    get: (r) => r.fit.minRelative,
    set: (r, v) => ({ ...r, fit: { ...r.fit, minRelative: v } }),
  },
  {
    name: 'fit.minCoverage',
    get: (r) => r.fit.minCoverage,
    set: (r, v) => ({ ...r, fit: { ...r.fit, minCoverage: v } }),
  },
  {
    name: 'fit.outOfDomainRelative',
    get: (r) => r.fit.outOfDomainRelative,
    set: (r, v) => ({ ...r, fit: { ...r.fit, outOfDomainRelative: v } }),
  },
  {
    name: 'fit.missedSubjectRelative',
    get: (r) => r.fit.missedSubjectRelative,
    set: (r, v) => ({ ...r, fit: { ...r.fit, missedSubjectRelative: v } }),
  },
  {
    name: 'fit.shortQueryConcepts',
    get: (r) => r.fit.shortQueryConcepts,
    set: (r, v) => ({ ...r, fit: { ...r.fit, shortQueryConcepts: v } }),
  },
];
const FACTORS = [0.5, 0.75, 1, 1.33, 2];

const queries: EvalQuery[] = readJsonl(
  path.resolve(argValue('--queries') ?? path.join(ROOT, '../shared/data/kb/queries-dev.jsonl')),
  QueryLine,
);
const articles = readJsonl(path.join(ROOT, 'data/kb/kb.jsonl'), KbArticleContent);
const analyzer = loadKbAnalyzer(path.join(ROOT, 'data'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-tune-'));
const file = path.join(dir, 'kb.sqlite');
const built = KbIndex.open(file, analyzer);
built.upsert(articles.map((a) => publishedVersion1(a)));
built.close();
const db = new Database(file, { readonly: true });

function run(ranking: Ranking): PeerReport {
  const searcher = createKbSearch(db, analyzer, ranking);
  return evaluate(
    {
      name: 'ours',
      build: () => undefined,
      search: (q, limit) => searcher.search({ q, limit }).hits.map((h) => ({ id: h.id, score: h.score })),
    },
    queries,
  );
}

const show = (r: PeerReport) =>
  `r1 ${r.recall1.toFixed(3)} r5 ${r.recall5.toFixed(3)} mrr ${r.mrr.toFixed(3)} none ${r.noneShown.toFixed(2)} → ${objective(r).toFixed(4)}`;

const orderOnly = process.argv.includes('--order-only');
const fitOnly = process.argv.includes('--fit-only');
// The share of the top score a hit needs only matters once the fit check is on.
const lastStage = (name: string) => name.startsWith('fit.') || name === 'minShareOfTop';
const knobs = KNOBS.filter((k) => (orderOnly ? !lastStage(k.name) : !fitOnly || lastStage(k.name)));
let best: Ranking = orderOnly
  ? {
      ...DEFAULT_RANKING,
      fit: { ...DEFAULT_RANKING.fit, minRelative: 0, minCoverage: 0, outOfDomainRelative: 0, missedSubjectRelative: 0 },
    }
  : DEFAULT_RANKING;
let bestScore = objective(run(best));
console.log(`start: ${show(run(best))}`);
const rounds = Number(argValue('--rounds') ?? 3);
for (let round = 1; round <= rounds; round++) {
  let changed = false;
  for (const knob of knobs) {
    const at = knob.get(best);
    const line: string[] = [];
    for (const f of FACTORS) {
      const v = Math.round(at * f * 1000) / 1000;
      const report = run(knob.set(best, v));
      line.push(`${v}:${objective(report).toFixed(3)}`);
      if (objective(report) > bestScore + 1e-9) {
        bestScore = objective(report);
        best = knob.set(best, v);
        changed = true;
      }
    }
    console.log(`round ${round} ${knob.name.padEnd(24)} ${line.join('  ')}  → ${knob.get(best)}`);
  }
  if (!changed) break;
}
console.log(`best: ${show(run(best))}`);
console.log(JSON.stringify(best));
db.close();
fs.rmSync(dir, { recursive: true, force: true });
