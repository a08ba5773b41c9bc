import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { KbArticleContent } from '../../shared/domain/kb';
import { composeArticle } from './generate/article';
import { loadVocabulary, repoDataDir } from './generate/vocabulary';

/**
 * `kb generate --count N --out <file.jsonl> [--seed S]`: realistic synthetic articles for load tests
 * (issue 4 §6). Streams: 10^6 articles never sit in memory at once.
 */

export const DEFAULT_SEED = 12316;
export const MAX_COUNT = 10_000_000;

const USAGE = '用法：kb generate --count N --out <文件.jsonl> [--seed S]';

/** Articles `gen-0000001` … in order; the same seed always gives the same articles. */
export function* generateArticles(count: number, seed: number): Generator<KbArticleContent> {
  const vocabulary = loadVocabulary(repoDataDir());
  for (let i = 0; i < count; i++) yield composeArticle(vocabulary, seed, i);
}

type GenerateArgs = { count: number; out: string; seed: number };

function parseArgs(args: readonly string[]): GenerateArgs | string {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (!['--count', '--out', '--seed'].includes(flag)) return `不认识的参数“${arg}”。${USAGE}`;
    if (values.has(flag)) return `参数 ${flag} 重复了。${USAGE}`;
    const value = inline ?? args[++i];
    if (value === undefined || value.length === 0) return `参数 ${flag} 后面缺少取值。${USAGE}`;
    values.set(flag, value);
  }
  const count = values.get('--count');
  const out = values.get('--out');
  const seed = values.get('--seed') ?? String(DEFAULT_SEED);
  if (count === undefined) return `缺少 --count（要生成多少条知识）。${USAGE}`;
  if (out === undefined) return `缺少 --out（写到哪个 .jsonl 文件）。${USAGE}`;
  if (!/^\d+$/.test(count) || Number(count) < 1 || Number(count) > MAX_COUNT) {
    return `--count 须为 1 到 ${MAX_COUNT} 之间的整数，收到“${count}”。`;
  }
  if (!/^\d+$/.test(seed) || Number(seed) > 0xffffffff)
    return `--seed 须为 0 到 4294967295 之间的整数，收到“${seed}”。`;
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return `输出目录“${dir}”不存在，请先创建它或换一个路径。`;
  return { count: Number(count), out: path.resolve(out), seed: Number(seed) };
}

/** Lines are written in blocks so a million small writes do not dominate the run. */
const LINES_PER_WRITE = 2000;

async function writeArticles({ count, out, seed }: GenerateArgs): Promise<void> {
  // Written beside the target and renamed at the end, so a stopped run never leaves a half file under the real name.
  const partial = `${out}.${process.pid}.partial`;
  const stream = fs.createWriteStream(partial, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  try {
    let block: string[] = [];
    for (const article of generateArticles(count, seed)) {
      block.push(JSON.stringify(article));
      if (block.length < LINES_PER_WRITE) continue;
      if (!stream.write(`${block.join('\n')}\n`)) await Promise.race([once(stream, 'drain'), failed]);
      block = [];
    }
    if (block.length > 0) stream.write(`${block.join('\n')}\n`);
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    fs.renameSync(partial, out);
  } catch (error) {
    stream.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

export async function runKbGenerate(args: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return 2;
  }
  const started = performance.now();
  try {
    await writeArticles(parsed);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    process.stderr.write(`无法写入“${parsed.out}”（${reason}），请检查路径和写权限后重试。\n`);
    return 2;
  }
  const seconds = (performance.now() - started) / 1000;
  out.write(`已生成 ${parsed.count} 条知识 → ${parsed.out}（种子 ${parsed.seed}，${seconds.toFixed(1)} 秒）\n`);
  return 0;
}
