/**
 * Knowledge-base benchmark (`npm run bench:kb`): our SQLite index against FlexSearch and MiniSearch on
 * 10^5 and 10^6 generated articles — build time, size, search and suggestion latency, resident memory
 * (each engine measured in a child process of its own) and snapshot install on a seat.
 * Writes bench/results/kb.json.
 *
 *   npm run bench:kb                      both sizes
 *   npm run bench:kb -- --sizes 1e5       chosen sizes (other sizes already in kb.json are kept)
 *   npm run bench:kb -- --quick           10^4 only, printed, nothing written (a smoke run)
 *   SEED=7 npm run bench:kb               another article set and query mix
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '../scripts/cli/kbGenerate';
import { repoDataDir } from '../scripts/cli/generate/vocabulary';
import { runKbBench } from './kb/runKbBench';

const QUERIES = 600;
const TYPED_QUESTIONS = 40;
const TARGETS_AT_1E6 =
  'targets at n1e6: search p95 < 30 ms, build ≤ 90 s, snapshot install ≤ 10 s, rss ≤ 1/3 of the peers';

function options() {
  const { values } = parseArgs({
    options: { sizes: { type: 'string' }, quick: { type: 'boolean', default: false }, out: { type: 'string' } },
  });
  const sizes = values.quick ? [10_000] : (values.sizes ?? '1e5,1e6').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`--sizes takes positive whole numbers such as 1e5,1e6; got "${values.sizes}"`);
  }
  const seed = Number(process.env.SEED ?? DEFAULT_SEED);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`SEED must be a whole number; got "${process.env.SEED}"`);
  const defaultOut = values.quick ? null : path.join(import.meta.dirname, 'results', 'kb.json');
  return { sizes, seed, out: values.out ? path.resolve(values.out) : defaultOut };
}

async function main() {
  const { sizes, seed, out } = options();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-'));
  const started = performance.now();
  try {
    const { rows, problems } = await runKbBench({
      sizes,
      seed,
      workDir,
      outFile: out,
      dataDir: repoDataDir(),
      queries: QUERIES,
      typed: TYPED_QUESTIONS,
      log: (line) => console.log(line),
    });
    console.table(Object.fromEntries(rows.map(({ engine, size, ...numbers }) => [`${engine} ${size}`, numbers])));
    console.log(
      `${QUERIES} queries (short, dialect, typo, long, colloquial, syntax), seed ${seed}; ` +
        `suggestions: ${TYPED_QUESTIONS} questions typed a character at a time, limit 5.`,
    );
    console.log(TARGETS_AT_1E6);
    for (const problem of problems) console.log(`NOT MEASURED: ${problem}`);
    console.log(
      `total ${Math.round((performance.now() - started) / 1000)} s${out ? `; wrote ${path.relative(process.cwd(), out)}` : ''}`,
    );
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
