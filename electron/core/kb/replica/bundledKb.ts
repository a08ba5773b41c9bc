import { createHash } from 'node:crypto';
import path from 'node:path';
import { firstPublished, KbArticleContent, type KbArticle } from '../../../../shared/domain/kb';
import { type KbAnalyzer } from '../../../../shared/node/kb/analyzer';
import { KbIndex } from '../../../../shared/node/kb/kbIndex';
import { KB_SCHEMA_VERSION } from '../../../../shared/node/kb/schema';
import { removeDatabaseFiles, renameDurable } from './durableFiles';

/** `<resourcesDir>/data/kb/kb.jsonl`: the demo KB shipped with the app, searchable before any server is reached. */
export function bundledArticlesFile(resourcesDir: string): string {
  return path.join(resourcesDir, 'data', 'kb', 'kb.jsonl');
}

/**
 * The file name of the bundled KB built from this app's articles with this analyzer and KB file layout:
 * a new app version with other articles, another dictionary or another layout gets a new name, so the
 * stale index is rebuilt, not reused.
 */
export function bundledFileName(jsonl: Buffer, analyzer: KbAnalyzer): string {
  const hash = createHash('sha256')
    .update(jsonl)
    .update('\0')
    .update(analyzer.version)
    .update('\0')
    .update(String(KB_SCHEMA_VERSION))
    .digest('hex');
  return `bundled-${hash.slice(0, 16)}.db`;
}

/** Builds `<kbDir>/<name>` from the shipped articles (all treated as published version 1). */
export function buildBundledKb(kbDir: string, name: string, jsonl: Buffer, analyzer: KbAnalyzer, updatedAt: string) {
  const articles = parseArticles(jsonl.toString('utf8'), updatedAt);
  const target = path.join(kbDir, name);
  const tmp = `${target}.tmp`;
  removeDatabaseFiles(tmp);
  const index = KbIndex.open(tmp, analyzer);
  try {
    index.upsert(articles);
  } finally {
    index.close();
  }
  removeDatabaseFiles(target);
  renameDurable(tmp, target);
}

function parseArticles(text: string, updatedAt: string): KbArticle[] {
  const articles: KbArticle[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = KbArticleContent.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`bundled kb.jsonl line ${i + 1}: ${parsed.error.issues[0]?.message}`);
    articles.push(firstPublished(parsed.data, updatedAt));
  });
  return articles;
}
