import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { repoDataDir } from '../../scripts/cli/generate/vocabulary';
import { PEER_NAMES } from './protocol';
import { parseKbBenchFile } from './results';
import { runKbBench } from './runKbBench';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-test-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

it('measures every engine at 10^3 articles and writes kb.json in the shape of issue 4 §8', async () => {
  const outFile = path.join(dir, 'results', 'kb.json');
  const run = await runKbBench({
    sizes: [1000],
    seed: 1,
    workDir: dir,
    outFile,
    dataDir: repoDataDir(),
    queries: 40,
    typed: 3,
    log: () => {},
  });
  expect(run.problems).toEqual([]);

  const raw = JSON.parse(fs.readFileSync(outFile, 'utf8')) as Record<string, unknown>;
  expect(Object.keys(raw).sort()).toEqual(['n1e3', 'peers']);
  const file = parseKbBenchFile(raw);
  expect(file).not.toBeNull();
  const ours = file!.ours.n1e3!;
  for (const value of Object.values(ours)) expect(value).toBeTypeOf('number');
  expect(ours.search_p50_ms!).toBeLessThanOrEqual(ours.search_p99_ms!);
  expect(ours.db_mb!).toBeGreaterThan(0);
  for (const name of PEER_NAMES) {
    const peer = file!.peers[name].n1e3!;
    for (const value of Object.values(peer)) expect(value).toBeTypeOf('number');
  }
  expect(fs.readdirSync(dir)).toEqual(['results']);
}, 300_000);

it('keeps the sizes of an earlier run that were not measured again', async () => {
  const outFile = path.join(dir, 'kb.json');
  const earlier = {
    n1e6: {
      build_s: 60,
      rows_per_s: 16000,
      db_mb: 900,
      search_p50_ms: 5,
      search_p95_ms: 20,
      search_p99_ms: 28,
      suggest_p95_ms: 15,
      rss_mb: 200,
      snapshot_install_s: 8,
    },
    peers: { flexsearch: {}, minisearch: {} },
  };
  fs.writeFileSync(outFile, JSON.stringify(earlier));
  await runKbBench({
    sizes: [250],
    seed: 2,
    workDir: dir,
    outFile,
    dataDir: repoDataDir(),
    queries: 10,
    typed: 1,
    log: () => {},
  });
  const file = parseKbBenchFile(JSON.parse(fs.readFileSync(outFile, 'utf8')));
  expect(file!.ours.n1e6).toEqual(earlier.n1e6);
  expect(Object.keys(file!.ours).sort()).toEqual(['n1e6', 'n250']);
}, 300_000);
