import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbArticle, KbArticleContentInput } from '../../domain/kb';
import { type KbAnalyzer, loadKbAnalyzer } from './analyzer';
import { KbIndex } from './kbIndex';

/** Helpers for tests of code that searches the KB: the repo's analyzer and a KbIndex in a fresh temp file. */
export const REPO_DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

export function repoAnalyzer(): KbAnalyzer {
  return loadKbAnalyzer(REPO_DATA_DIR);
}

/** A published article with the defaults an import gives (version 1, unused, no validity limit). */
export function publishedArticle(content: KbArticleContentInput, overrides: Partial<KbArticle> = {}): KbArticle {
  return {
    tags: [],
    subjects: [],
    season: '全年',
    regions: [],
    ...content,
    version: 1,
    status: 'published',
    validUntil: null,
    reviewEachSeason: false,
    updatedAt: '2026-11-28T08:00:00.000+08:00',
    usageCount: 0,
    ...overrides,
  };
}

/** A KbIndex in its own temporary directory, holding `articles`; `file` lets a test reopen it. */
export function tempKb(articles: readonly KbArticle[] = []): { index: KbIndex; file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-index-'));
  const file = path.join(dir, 'kb.sqlite');
  const index = KbIndex.open(file, repoAnalyzer());
  if (articles.length > 0) index.upsert(articles);
  return { index, file, dir };
}
