import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KbArticleContent } from '../../shared/domain/kb';
import { generateArticles, runKbGenerate } from './kbGenerate';

let dir: string;
let stderr: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-generate-'));
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const take = (count: number, seed: number) => [...generateArticles(count, seed)];

async function generate(args: string[]): Promise<{ code: number; stdout: string }> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const code = await runKbGenerate(args, out);
  return { code, stdout: chunks.join('') };
}

describe('generateArticles', () => {
  it('gives the same articles for the same seed and different ones for another seed', () => {
    expect(take(300, 7)).toEqual(take(300, 7));
    const other = take(300, 8);
    const same = take(300, 7).filter((a, i) => a.title === other[i]!.title && a.answer === other[i]!.answer);
    expect(same.length).toBeLessThan(10);
  });

  it('gives article n the same content however many are asked for', () => {
    expect(take(1000, 3).slice(0, 40)).toEqual(take(40, 3));
  });

  it('yields lazily, so a million articles never sit in one array', () => {
    const articles = generateArticles(1_000_000_000, 1);
    const first = articles.next();
    expect(first.done).toBe(false);
    expect(first.value).toMatchObject({ id: 'gen-0000001' });
  });

  it('writes articles that look like the demo KB: question titles, answers of 110–230 characters, every category', () => {
    const articles = take(5000, 12316);
    const lengths = articles.map((a) => a.answer.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(110);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(230);
    const mean = lengths.reduce((sum, n) => sum + n, 0) / lengths.length;
    expect(mean).toBeGreaterThan(135);
    expect(mean).toBeLessThan(180);
    expect(articles.every((a) => a.title.endsWith('？') && a.title.length >= 6 && a.title.length <= 40)).toBe(true);
    const demoCategories = new Set(
      fs
        .readFileSync(path.join(import.meta.dirname, '../../data/kb/kb.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => KbArticleContent.parse(JSON.parse(line)).category),
    );
    expect(new Set(articles.map((a) => a.category))).toEqual(demoCategories);
    expect(new Set(articles.map((a) => a.title)).size).toBeGreaterThan(articles.length * 0.5);
    expect(articles.some((a) => a.regions.length > 0)).toBe(true);
  });
});

describe('kb generate', () => {
  it('writes N valid lines with ids gen-0000001 … and says what it did', async () => {
    const file = path.join(dir, 'articles.jsonl');
    const { code, stdout } = await generate(['--count', '2500', '--out', file, '--seed', '5']);
    expect(code).toBe(0);
    expect(stdout).toContain('2500');
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2500);
    const ids = lines.map((line) => KbArticleContent.parse(JSON.parse(line)).id);
    expect(ids[0]).toBe('gen-0000001');
    expect(ids[2499]).toBe('gen-0002500');
    expect(new Set(ids).size).toBe(2500);
    expect(fs.readdirSync(dir)).toEqual(['articles.jsonl']);
  });

  it('writes the same file twice for the same seed', async () => {
    const a = path.join(dir, 'a.jsonl');
    const b = path.join(dir, 'b.jsonl');
    expect((await generate(['--count', '300', '--out', a, '--seed', '9'])).code).toBe(0);
    expect((await generate([`--count=300`, `--out=${b}`, '--seed=9'])).code).toBe(0);
    expect(fs.readFileSync(a, 'utf8')).toBe(fs.readFileSync(b, 'utf8'));
  });

  it.each([
    [['--out', 'x.jsonl'], '--count'],
    [['--count', '10'], '--out'],
    [['--count', '0', '--out', 'x.jsonl'], '--count'],
    [['--count', '12abc', '--out', 'x.jsonl'], '--count'],
    [['--count', '10', '--out', 'x.jsonl', '--seed', '-1'], '--seed'],
    [['--count', '10', '--out', 'x.jsonl', '--fast'], '--fast'],
    [['--count', '10', '--count', '20', '--out', 'x.jsonl'], '重复'],
    [['--count'], '--count'],
  ])('refuses %j with a message naming the problem and exit code 2', async (args, named) => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { code } = await generate(args);
      expect(code).toBe(2);
    } finally {
      process.chdir(cwd);
    }
    expect(stderr.join('')).toContain(named);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses an output folder that does not exist', async () => {
    const { code } = await generate(['--count', '10', '--out', path.join(dir, 'missing', 'a.jsonl')]);
    expect(code).toBe(2);
    expect(stderr.join('')).toContain('不存在');
  });
});
