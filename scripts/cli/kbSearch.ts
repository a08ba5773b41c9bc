import { z } from 'zod';
import type { KbIndex } from '../../shared/node/kb/kbIndex';
import { CliError, parseArgs, parseLimit, requireFlag } from './kbArgs';
import { openKbFile } from './kbIndexFile';
import { parseJsonLine, readLines } from './kbLines';

const USAGE =
  '用法 (usage)：kb search "<文字>" --db <file> [--limit N] [--json] | kb search --batch <queries.jsonl> --db <file> [--limit N]';

const BatchLine = z.object({ q: z.string() });

/** What the CLI prints per hit: the stable interface of issue 4 §6. */
function brief(index: KbIndex, q: string, limit: number) {
  return index.search({ q, limit }).hits.map((h) => ({ id: h.id, title: h.title, score: h.score }));
}

/**
 * `kb search` through KbIndex.search — the same code the console runs. `--json`: one JSON array;
 * `--batch`: one `{"q","hits"}` line per query line; otherwise a readable list.
 */
export function runKbSearch(args: readonly string[], out: NodeJS.WritableStream): number {
  const parsed = parseArgs(args, ['--db', '--limit', '--batch'], ['--json'], USAGE);
  const db = requireFlag(parsed, '--db', USAGE);
  const limit = parseLimit(parsed, USAGE);
  const batch = parsed.flags.get('--batch');
  if (batch !== undefined && parsed.positional.length > 0) {
    throw new CliError(`--batch 与检索文字只能二选一 (give either --batch or a query)。${USAGE}`);
  }
  if (batch === undefined && parsed.positional.length !== 1) {
    throw new CliError(`需要一段检索文字 (one query text is needed)。${USAGE}`);
  }
  const index = openKbFile(db, 'existing');
  try {
    if (batch !== undefined) {
      // Validate every line before printing anything, so a bad file never yields half an answer.
      const queries = [...readLines(batch)].map(({ line, text }) => {
        const r = BatchLine.safeParse(parseJsonLine(batch, line, text));
        if (!r.success || r.data.q.length > 5000) {
          throw new CliError(
            `“${batch}”第 ${line} 行缺少文字字段 q，或超过 5000 字 (line ${line}: needs a "q" string of at most 5000 characters)。`,
          );
        }
        return r.data.q;
      });
      for (const q of queries) out.write(`${JSON.stringify({ q, hits: brief(index, q, limit) })}\n`);
      return 0;
    }
    const q = parsed.positional[0]!;
    const hits = brief(index, q, limit);
    if (parsed.switches.has('--json')) {
      out.write(`${JSON.stringify(hits)}\n`);
    } else if (hits.length === 0) {
      out.write('没有合适的知识条目 (nothing fits)。\n');
    } else {
      for (const h of hits) out.write(`${h.score.toFixed(3)}  ${h.id}  ${h.title}\n`);
    }
    return 0;
  } finally {
    index.close();
  }
}
