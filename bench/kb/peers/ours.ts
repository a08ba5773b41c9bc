import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstPublished, type KbArticle, type KbArticleContent } from '../../../shared/domain/kb';
import { loadKbAnalyzer } from '../../../shared/node/kb/analyzer';
import { KbIndex } from '../../../shared/node/kb/kbIndex';
import type { SearchPeer } from './peer';

const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

export const publishedVersion1 = (a: KbArticleContent, now = new Date().toISOString()): KbArticle =>
  firstPublished(a, now);

/** The KbIndex the console uses, in a temporary file. */
export function createOursPeer(opts: { file?: string; batch?: number } = {}): SearchPeer & { index(): KbIndex } {
  let index: KbIndex | null = null;
  const open = () => {
    if (index) return index;
    const file = opts.file ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kb-ours-')), 'kb.sqlite');
    index = KbIndex.open(file, loadKbAnalyzer(DATA_DIR));
    return index;
  };
  return {
    name: 'ours',
    build(articles) {
      const idx = open();
      const now = new Date().toISOString();
      const batch = opts.batch ?? 5000;
      for (let i = 0; i < articles.length; i += batch) {
        idx.upsert(articles.slice(i, i + batch).map((a) => publishedVersion1(a, now)));
      }
    },
    search(q, limit) {
      return open()
        .search({ q: q.slice(0, 5000), limit })
        .hits.map((h) => ({ id: h.id, score: h.score }));
    },
    index: open,
  };
}
