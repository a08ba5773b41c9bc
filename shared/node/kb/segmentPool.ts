import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KbArticle } from '../../domain/kb';
import type { KbAnalyzer } from './analyzer';
import { indexRow, type IndexRow } from './indexRow';
import { type PackedRows, unpackRows } from './rowBatch';

export type ArticleSource = Iterable<KbArticle> | AsyncIterable<KbArticle>;

/** Articles per message: large enough that posting costs little next to segmenting them. */
const BATCH = 500;
/** Batches queued per worker, so a worker never waits for the writer to send more. */
const QUEUED_PER_WORKER = 2;
/** Builds of at most this many batches segment in the calling thread. */
const BATCHES_BEFORE_WORKERS = 8;

/**
 * The index rows of `articles`, in batches and in input order. With `dataDir`, up to `workers` worker
 * threads segment while the caller writes (jieba is most of the CPU of a build); without it, for a
 * small build, or when workers cannot start (a bundle without the worker file), the rows are computed here.
 */
export async function* indexRows(
  articles: ArticleSource,
  analyzer: KbAnalyzer,
  opts: { dataDir?: string; workers?: number } = {},
): AsyncGenerator<IndexRow[]> {
  const source = batches(articles)[Symbol.asyncIterator]();
  // Starting a worker (loading jieba) costs about a second: small builds do not wait for it.
  const head: KbArticle[][] = [];
  let ended = false;
  while (head.length < BATCHES_BEFORE_WORKERS && !ended) {
    const next = await source.next();
    if (next.done) ended = true;
    else head.push(next.value);
  }
  const rest = async function* () {
    yield* head;
    if (!ended) for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  };
  const pool =
    opts.dataDir && !ended && (opts.workers ?? 0) > 0
      ? await startWorkers(opts.dataDir, opts.workers ?? 0, analyzer)
      : [];
  if (pool.length === 0) {
    const seen = new Set<string>();
    for await (const batch of rest()) yield batch.map((a) => indexRow(KbArticle.parse(a), analyzer, seen));
    return;
  }
  try {
    const inFlight: Promise<IndexRow[]>[] = [];
    let seq = 0;
    for await (const batch of rest()) {
      inFlight.push(pool[seq % pool.length]!.send(seq, batch));
      seq++;
      if (inFlight.length >= pool.length * QUEUED_PER_WORKER) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  } finally {
    await Promise.all(pool.map((w) => w.stop()));
  }
}

async function* batches(articles: ArticleSource): AsyncGenerator<KbArticle[]> {
  let batch: KbArticle[] = [];
  for await (const a of articles) {
    batch.push(a);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

interface PoolWorker {
  send(seq: number, articles: readonly KbArticle[]): Promise<IndexRow[]>;
  stop(): Promise<void>;
}

type Reply = { ready: string } | { seq: number; rows: PackedRows } | { seq: number; error: string };

/** Starts workers whose analyzer matches `analyzer`; none if they cannot start here. */
async function startWorkers(dataDir: string, count: number, analyzer: KbAnalyzer): Promise<PoolWorker[]> {
  const started = await Promise.all(Array.from({ length: count }, () => startWorker(dataDir, analyzer.version)));
  const workers = started.filter((w): w is PoolWorker => w !== null);
  if (workers.length < count) {
    await Promise.all(workers.map((w) => w.stop()));
    return [];
  }
  return workers;
}

function spawn(dataDir: string): Worker | null {
  const entry = new URL('./segmentWorker.ts', import.meta.url);
  if (entry.protocol !== 'file:' || !fs.existsSync(fileURLToPath(entry))) return null;
  // The worker is TypeScript: run it through tsx's loader, as the CLI, bench and server run.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}));`;
  return new Worker(boot, { eval: true, workerData: { dataDir } });
}

function startWorker(dataDir: string, version: string): Promise<PoolWorker | null> {
  let worker: Worker | null;
  try {
    worker = spawn(dataDir);
  } catch {
    return Promise.resolve(null);
  }
  if (!worker) return Promise.resolve(null);
  const w = worker;
  const waiting: { resolve: (rows: IndexRow[]) => void; reject: (err: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure ??= err;
    for (const p of waiting.splice(0)) p.reject(failure);
  };
  const pool: PoolWorker = {
    send: (seq, articles) => {
      if (failure) return Promise.reject(failure);
      const reply = new Promise<IndexRow[]>((resolve, reject) => waiting.push({ resolve, reject }));
      // Rejections are awaited in order by indexRows; this keeps an early one from counting as unhandled.
      reply.catch(() => undefined);
      w.postMessage({ seq, articles });
      return reply;
    },
    stop: async () => {
      failure ??= new Error('segment worker stopped');
      await w.terminate();
    },
  };
  return new Promise((resolve) => {
    w.on('message', (m: Reply) => {
      if ('ready' in m) resolve(m.ready === version ? pool : (void w.terminate(), null));
      else if ('error' in m) fail(new Error(m.error));
      else waiting.shift()?.resolve(unpackRows(m.rows));
    });
    w.on('error', (err) => {
      resolve(null);
      fail(err);
    });
    w.on('exit', () => {
      resolve(null);
      fail(new Error('segment worker exited'));
    });
  });
}
