import { type KbArticle, KbArticleContent } from '../../shared/domain/kb';
import { CliError, parseArgs, requireFlag } from './kbArgs';
import { openKbFile } from './kbIndexFile';
import { parseJsonLine, readLines } from './kbLines';

const USAGE = '用法 (usage)：kb import <articles.jsonl> --db <file>';
const BATCH = 2000;

/**
 * `kb import <articles.jsonl> --db <file>`: every line a KbArticleContent, stored as published
 * version 1. All or nothing: one transaction, so a malformed line leaves the KB as it was.
 */
export function runKbImport(args: readonly string[], out: NodeJS.WritableStream): number {
  const parsed = parseArgs(args, ['--db'], [], USAGE);
  const [file, extra] = parsed.positional;
  if (!file || extra !== undefined)
    throw new CliError(`需要且只需要一个文章文件 (exactly one articles file)。${USAGE}`);
  const db = requireFlag(parsed, '--db', USAGE);
  const started = performance.now();
  const index = openKbFile(db, 'create');
  let count = 0;
  try {
    index.transaction(() => {
      const now = new Date().toISOString();
      let batch: KbArticle[] = [];
      for (const { line, text } of readLines(file)) {
        const result = KbArticleContent.safeParse(parseJsonLine(file, line, text));
        if (!result.success) {
          const issue = result.error.issues[0];
          const where = issue?.path.length ? `${issue.path.join('.')}：` : '';
          throw new CliError(
            `“${file}”第 ${line} 行不是有效的知识条目：${where}${issue?.message ?? ''} (line ${line}: invalid article)。`,
          );
        }
        batch.push({
          ...result.data,
          version: 1,
          status: 'published',
          validUntil: null,
          reviewEachSeason: false,
          updatedAt: now,
          usageCount: 0,
        });
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
  const seconds = (performance.now() - started) / 1000;
  out.write(`已导入 ${count} 条知识 → ${db}（${seconds.toFixed(1)} 秒）(imported ${count} articles)\n`);
  return 0;
}
