import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { KbArticle } from '../../domain/kb';
import { loadKbAnalyzer } from './analyzer';
import { indexRow } from './indexRow';
import { packRows, transferList } from './rowBatch';

/**
 * Worker thread of a bulk build (segmentPool.ts): loads the analyzer once, then turns each batch of
 * articles into index rows, answering batches in the order they came (packed: `rowBatch.ts`).
 */
const Setup = z.object({ dataDir: z.string() });
const Batch = z.object({ seq: z.number().int(), articles: z.array(z.unknown()) });

const port = parentPort;
if (!port) throw new Error('segmentWorker runs only as a worker thread');
const analyzer = loadKbAnalyzer(Setup.parse(workerData).dataDir);
const seen = new Set<string>();
port.postMessage({ ready: analyzer.version });
port.on('message', (message: unknown) => {
  const { seq, articles } = Batch.parse(message);
  try {
    const rows = packRows(articles.map((a) => indexRow(KbArticle.parse(a), analyzer, seen)));
    port.postMessage({ seq, rows }, transferList(rows));
  } catch (err) {
    port.postMessage({ seq, error: err instanceof Error ? err.message : String(err) });
  }
});
