import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The CLI as people and eval scripts run it: a child process, stdout/stderr and exit codes. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, 'scripts/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kb-cli-'));
}

const ARTICLES = [
  {
    id: 'kb-a1',
    title: '玉米螟怎样综合防治？',
    answer: '释放赤眼蜂，心叶末期撒施颗粒剂。',
    category: '植物保护',
    subjects: ['玉米'],
  },
  { id: 'kb-a2', title: '猪瘟怎么预防？', answer: '按免疫程序接种猪瘟疫苗，做好消毒。', category: '畜牧兽医' },
  { id: 'kb-a3', title: '马铃薯窖藏温度多少合适？', answer: '窖温保持在2～4℃，防止受冻和发芽。', category: '园艺' },
];

function importArticles(dir: string): string {
  const file = path.join(dir, 'articles.jsonl');
  fs.writeFileSync(file, ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const db = path.join(dir, 'kb.sqlite');
  const r = cli('kb', 'import', file, '--db', db);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return db;
}

describe('kb CLI', () => {
  it('imports articles and searches them as one JSON array of {id, title, score}', () => {
    const db = importArticles(tempDir());
    const r = cli('kb', 'search', '苞米螟咋防', '--db', db, '--json');
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as { id: string; title: string; score: number }[];
    expect(hits[0]).toEqual({ id: 'kb-a1', title: '玉米螟怎样综合防治？', score: expect.any(Number) });
    expect(Object.keys(hits[0]!).sort()).toEqual(['id', 'score', 'title']);
  });

  it('answers a batch with one line per query, in order, and an empty list when nothing fits', () => {
    const dir = tempDir();
    const db = importArticles(dir);
    const queries = path.join(dir, 'queries.jsonl');
    fs.writeFileSync(queries, '{"q":"地豆下窖多少度","style":"dialect"}\n\n{"q":"驾照科目一难不难"}\n{"q":"猪瘟"}\n');
    const r = cli('kb', 'search', '--batch', queries, '--db', db, '--limit', '2');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { q: string; hits: { id: string }[] });
    expect(lines.map((l) => l.q)).toEqual(['地豆下窖多少度', '驾照科目一难不难', '猪瘟']);
    expect(lines[0]!.hits[0]!.id).toBe('kb-a3');
    expect(lines[1]!.hits).toEqual([]);
    expect(lines[2]!.hits[0]!.id).toBe('kb-a2');
    expect(lines.every((l) => l.hits.length <= 2)).toBe(true);
  });

  it('rejects a malformed article line with its line number, exit 2, and imports nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(ARTICLES[0])}\n${JSON.stringify({ ...ARTICLES[1], title: '' })}\n`);
    const db = path.join(dir, 'kb.sqlite');
    const r = cli('kb', 'import', file, '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第 2 行');
    expect(r.stderr).toContain('line 2');
    const search = cli('kb', 'search', '玉米螟', '--db', db, '--json');
    expect(JSON.parse(search.stdout)).toEqual([]);
  });

  it('rejects a line that is not JSON, and a batch line without q, naming the line', () => {
    const dir = tempDir();
    const db = importArticles(dir);
    const file = path.join(dir, 'broken.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(ARTICLES[0])}\n{"id": "kb-x",\n`);
    const r = cli('kb', 'import', file, '--db', path.join(dir, 'other.sqlite'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第 2 行');
    const queries = path.join(dir, 'q.jsonl');
    fs.writeFileSync(queries, '{"q":"猪瘟"}\n{"query":"猪瘟"}\n');
    const b = cli('kb', 'search', '--batch', queries, '--db', db);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('第 2 行');
    expect(b.stdout).toBe('');
  });

  it('explains a missing file, a missing KB and a bad option with exit 2', () => {
    const dir = tempDir();
    expect(cli('kb', 'import', path.join(dir, 'nope.jsonl'), '--db', path.join(dir, 'kb.sqlite')).code).toBe(2);
    const missing = cli('kb', 'search', '猪瘟', '--db', path.join(dir, 'none.sqlite'), '--json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('kb import');
    expect(cli('kb', 'search', '猪瘟', '--db', path.join(dir, 'x'), '--limit', '0').code).toBe(2);
    expect(cli('kb', 'frobnicate').code).toBe(2);
  });
});
