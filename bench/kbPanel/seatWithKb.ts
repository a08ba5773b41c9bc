import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { firstPublished, type KbArticle } from '../../shared/domain/kb';
import { loadKbAnalyzer } from '../../shared/node/kb/analyzer';
import { KbIndex } from '../../shared/node/kb/kbIndex';
import { writePointer } from '../../electron/core/kb/replica/pointer';
import { generateArticles } from '../../scripts/cli/kbGenerate';

/**
 * A seat data directory whose active KB is `n` generated articles, placed exactly as an installed
 * server snapshot is (a `snap-…` file named by `kb/active.json`), so the seat opens it as it is.
 */
export async function seatDirWithKb(dataDir: string, resourcesDataDir: string, n: number, seed: number) {
  const kbDir = path.join(dataDir, 'kb');
  fs.mkdirSync(kbDir, { recursive: true });
  const snapshotId = randomBytes(32).toString('hex');
  const file = `snap-${snapshotId}-${randomBytes(4).toString('hex')}.db`;
  const publishedAt = new Date().toISOString();
  function* articles(): Generator<KbArticle> {
    for (const content of generateArticles(n, seed)) yield firstPublished(content, publishedAt);
  }
  await KbIndex.build(path.join(kbDir, file), loadKbAnalyzer(resourcesDataDir), articles(), {
    dataDir: resourcesDataDir,
  });
  writePointer(kbDir, { file, source: 'server', snapshotId });
}
