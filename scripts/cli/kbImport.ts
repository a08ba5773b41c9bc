import fs from 'node:fs';
import { firstPublished, type KbArticle, KbArticleContent } from '../../shared/domain/kb';
import { CliError, parseArgs, requireFlag } from './kbArgs';
import { buildKbFile, openKbFile } from './kbIndexFile';
import { parseJsonLine, readLines } from './kbLines';

const USAGE = '用法 (usage)：kb import <articles.jsonl> --db <file>';
const BATCH = 2000;
const PROGRESS_EVERY = 100_000;

/**
 * `kb import <articles.jsonl> --db <file>`: every line a KbArticleContent, stored as published
 * version 1. A new KB file is bulk-built (worker threads segment) and appears only when complete; an
 * existing one takes the articles in one transaction. All or nothing either way: a malformed line
 * leaves the KB as it was.
 */
export async function runKbImport(args: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  const parsed = parseArgs(args, ['--db'], [], USAGE);
  const [file, extra] = parsed.positional;
  if (!file || extra !== undefined)
    throw new CliError(`需要且只需要一个文章文件 (exactly one articles file)。${USAGE}`);
  const db = requireFlag(parsed, '--db', USAGE);
  const started = performance.now();
  const articles = publishedArticles(file);
  const count = fs.existsSync(db) ? importInto(db, articles) : await importFresh(db, articles);
  const seconds = (performance.now() - started) / 1000;
  out.write(`已导入 ${count} 条知识 → ${db}（${seconds.toFixed(1)} 秒）(imported ${count} articles)\n`);
  return 0;
}

async function importFresh(db: string, articles: Iterable<KbArticle>): Promise<number> {
  try {
    return await buildKbFile(db, articles, (n) => {
      if (n % PROGRESS_EVERY === 0) process.stderr.write(`已索引 ${n} 条… (indexed ${n})\n`);
    });
  } catch (err) {
    // As an import into an existing file would: the KB exists and holds nothing, so searches answer "nothing".
    if (!fs.existsSync(db)) openKbFile(db, 'create').close();
    throw err;
  }
}

function importInto(db: string, articles: Iterable<KbArticle>): number {
  const index = openKbFile(db, 'create');
  let count = 0;
  try {
    index.transaction(() => {
      let batch: KbArticle[] = [];
      for (const article of articles) {
        batch.push(article);
        count++;
        if (batch.length >= BATCH) {
          index.upsert(batch);
          batch = [];
        }
      }
      index.upsert(batch);
    });
  } finally {
    index.close();
  }
  return count;
}

function* publishedArticles(file: string): Generator<KbArticle> {
  const now = new Date().toISOString();
  for (const { line, text } of readLines(file)) {
    const result = KbArticleContent.safeParse(parseJsonLine(file, line, text));
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}：` : '';
      throw new CliError(
        `“${file}”第 ${line} 行不是有效的知识条目：${where}${issue?.message ?? ''} (line ${line}: invalid article)。`,
      );
    }
    yield firstPublished(result.data, now);
  }
}
