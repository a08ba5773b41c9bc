import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KbArticleContent } from '../../domain/kb';
import type { KbIndex } from './kbIndex';
import { publishedArticle, REPO_DATA_DIR, tempKb } from './testing';

/**
 * A floor under search quality on the dev queries (npm run eval:kb reports the full numbers): fails
 * when a change to segmentation, synonyms, typo tolerance or ranking breaks a mechanism.
 */
const DEV_QUERIES = [
  path.resolve(REPO_DATA_DIR, '../../shared/data/kb/queries-dev.jsonl'),
  path.resolve(REPO_DATA_DIR, '../tests/fixtures/kb/queries-dev.jsonl'),
].find((file) => fs.existsSync(file))!;

interface DevQuery {
  q: string;
  relevant: string[];
  style: string;
}

describe('KB relevance on the dev queries', () => {
  let index: KbIndex;
  let queries: DevQuery[];

  beforeAll(() => {
    const lines = fs
      .readFileSync(path.join(REPO_DATA_DIR, 'kb', 'kb.jsonl'), 'utf8')
      .trim()
      .split('\n');
    index = tempKb(lines.map((l) => publishedArticle(KbArticleContent.parse(JSON.parse(l))))).index;
    queries = fs
      .readFileSync(DEV_QUERIES, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as DevQuery);
  });
  afterAll(() => index.close());

  it('puts a right article in the top 5 for most answerable queries, first for many', () => {
    const answerable = queries.filter((q) => q.relevant.length > 0);
    const ranks = answerable.map((q) => {
      const i = index.search({ q: q.q, limit: 5 }).hits.findIndex((h) => q.relevant.includes(h.id));
      return i < 0 ? null : i + 1;
    });
    const recall5 = ranks.filter((r) => r !== null).length / answerable.length;
    const recall1 = ranks.filter((r) => r === 1).length / answerable.length;
    const mrr = ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / answerable.length;
    expect(recall5).toBeGreaterThanOrEqual(0.94);
    expect(recall1).toBeGreaterThanOrEqual(0.87);
    expect(mrr).toBeGreaterThanOrEqual(0.9);
  });

  it('shows nothing for most questions the KB cannot answer', () => {
    const none = queries.filter((q) => q.relevant.length === 0);
    const shown = none.filter((q) => index.search({ q: q.q }).hits.length > 0).length;
    // Issue 4 §7: nothing shown in at least 80% of them.
    expect(shown / none.length).toBeLessThanOrEqual(0.2);
  });
});
