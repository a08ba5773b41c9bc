/**
 * Relevance of KB search (issue 4 §7) for ours and every peer against the demo KB: the dev queries
 * (written to bench/results/kb-eval.json), then the blind check set of bench/kb/blind — queries for the
 * articles the dev set leaves out, never tuned on (bench/results/kb-eval-blind.json).
 *   npm run eval:kb [-- --queries <file.jsonl>] [-- --failures]
 * With --queries only that file is evaluated and nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KbArticleContent } from '../shared/domain/kb';
import { createBigramPeer } from './kb/peers/bigram';
import { createFlexsearchPeer } from './kb/peers/flexsearch';
import { createLikePeer } from './kb/peers/like';
import { createMinisearchPeer } from './kb/peers/minisearch';
import { createOursPeer } from './kb/peers/ours';
import type { SearchPeer } from './kb/peers/peer';
import { type EvalQuery, evaluate, type PeerReport } from './kb/relevance';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EvalQueryLine = z.object({ q: z.string(), relevant: z.array(z.string()), style: z.string() });

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => schema.parse(JSON.parse(l)));
}

const devFile = [
  path.join(ROOT, '../shared/data/kb/queries-dev.jsonl'),
  path.join(ROOT, 'tests/fixtures/kb/queries-dev.jsonl'),
].find((file) => fs.existsSync(file))!;
const asked = argValue('--queries');
const sets: { file: string; results?: string }[] = asked
  ? [{ file: path.resolve(asked) }]
  : [
      { file: devFile, results: 'kb-eval.json' },
      { file: path.join(ROOT, 'bench/kb/blind/queries.jsonl'), results: 'kb-eval-blind.json' },
    ];
const articles = readJsonl(path.join(ROOT, 'data/kb/kb.jsonl'), KbArticleContent);
const peers: SearchPeer[] = [
  createOursPeer(),
  createLikePeer(),
  createBigramPeer(),
  createFlexsearchPeer(),
  createMinisearchPeer(),
];

for (const peer of peers) peer.build(articles);

const pct = (x: number) => x.toFixed(3);

function report(file: string, results: string | undefined): void {
  const queries: EvalQuery[] = readJsonl(file, EvalQueryLine);
  const reports: PeerReport[] = peers.map((peer) => evaluate(peer, queries));
  const styles = [...new Set(queries.map((q) => q.style))].filter((s) => s !== 'none');
  console.log(`${queries.length} queries from ${path.relative(process.cwd(), file)}, ${articles.length} articles\n`);
  console.log(['peer', 'recall@1', 'recall@5', 'MRR', 'none_shown', ...styles.map((s) => `${s} r1/r5`)].join('\t'));
  for (const r of reports) {
    console.log(
      [
        r.name.padEnd(10),
        pct(r.recall1),
        pct(r.recall5),
        pct(r.mrr),
        pct(r.noneShown),
        ...styles.map((s) => `${pct(r.byStyle[s]?.recall1 ?? 0)}/${pct(r.byStyle[s]?.recall5 ?? 0)}`),
      ].join('\t'),
    );
  }
  if (process.argv.includes('--failures')) {
    for (const f of reports[0]!.failures)
      console.log(`${f.style}\t${f.q}\twant ${f.relevant.join(',')}\tgot ${f.got.join(',')}`);
  }
  console.log('');
  if (!results) return;
  const out = Object.fromEntries(
    reports.map((r) => [r.name, { recall1: r.recall1, recall5: r.recall5, mrr: r.mrr, none_shown: r.noneShown }]),
  );
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results', results), `${JSON.stringify(out, null, 2)}\n`);
}

for (const { file, results } of sets) report(file, results);
