/**
 * 知识推荐 panel latency in the real console (`npm run bench:kb-panel`): a browser-mode seat whose KB
 * holds 10^5 generated articles, Debian's Chromium, and the bench's typed questions entered one
 * character at a time into the intake question field. Each sample is keystroke (input event) → the
 * frame after the panel shows the answer for the new text, debounce included; target < 100 ms
 * (issue 4 §2). Writes bench/results/kb-panel.json.
 *
 *   npm run bench:kb-panel                 10^5 articles, 40 questions
 *   npm run bench:kb-panel -- --n 10000    another KB size (a smoke run; nothing written)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '../scripts/cli/kbGenerate';
import { loadVocabulary, repoDataDir } from '../scripts/cli/generate/vocabulary';
import { launchChromium, newSeatPage } from '../tests/e2e/helpers/browser';
import { startHostProcess, type HostProcess } from '../tests/e2e/helpers/hostProcess';
import { buildQueryMix } from './kb/queryMix';
import { latency, round3 } from './kb/measure';
import { seatDirWithKb } from './kbPanel/seatWithKb';
import { typeAndWait } from './kbPanel/typeAndWait';

const DEFAULT_N = 100_000;
const QUESTIONS = 40;
const TARGET_MS = 100;

async function main() {
  const { values } = parseArgs({ options: { n: { type: 'string' } } });
  const n = Number(values.n ?? DEFAULT_N);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--n takes a positive whole number; got "${values.n}"`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-panel-'));
  let host: HostProcess | null = null;
  const browser = await launchChromium();
  try {
    console.log(`building a seat KB of ${n} articles …`);
    await seatDirWithKb(dataDir, repoDataDir(), n, DEFAULT_SEED);
    host = await startHostProcess(dataDir);
    const page = await newSeatPage(browser);
    await page.goto(host.url);
    const field = page.getByTestId('intake-question');
    await field.waitFor();
    await page.getByTestId('kb-suggestions').waitFor();

    const { typing } = buildQueryMix(loadVocabulary(repoDataDir()), DEFAULT_SEED, 0, QUESTIONS);
    const samples: number[] = [];
    for (const prefixes of typing) {
      const question = prefixes[prefixes.length - 1] ?? '';
      await field.fill('');
      await field.focus();
      for (const char of Array.from(question)) samples.push(await typeAndWait(page, char));
    }
    const result = {
      articles: n,
      questions: typing.length,
      keystrokes: samples.length,
      ...latency(samples),
      max_ms: round3(Math.max(...samples)),
      target_ms: TARGET_MS,
    };
    console.table({ 'keystroke → panel': result });
    if (n === DEFAULT_N) {
      const out = path.join(import.meta.dirname, 'results', 'kb-panel.json');
      fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
      console.log(`wrote ${path.relative(process.cwd(), out)}`);
    }
  } finally {
    await browser.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
