import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { createRefdataHandlers } from './handlers';
import { loadReferenceData } from './loader';
import { REPO_ROOT, referenceTestDatabase } from './testDatabase';

// Every test here only reads, so one loaded database serves the whole file.
let db: Database.Database;
let dispose: () => void;
let handlers: ReturnType<typeof createRefdataHandlers>;

beforeAll(() => {
  ({ db, dispose } = referenceTestDatabase());
  loadReferenceData(db, REPO_ROOT, silentLogger());
  handlers = createRefdataHandlers(db);
});
afterAll(() => dispose());

const search = (q: string, limit = 20) => handlers['region:search']({ q, limit });
const names = (q: string, limit = 20) => search(q, limit).map((hit) => hit.path.map((p) => p.name).join(' '));

describe('region:search', () => {
  it('finds 长春市 first for 长春', () => {
    expect(names('长春')[0]).toBe('吉林省 长春市');
  });

  it('finds 九台区 first for 九台, jt and jiutai', () => {
    for (const q of ['九台', 'jt', 'jiutai', 'JiuTai', '九台区']) {
      expect(names(q)[0], q).toBe('吉林省 长春市 九台区');
    }
  });

  it('reads 长 as cháng: cc finds 长春市, and 长白/长岭 are found by their initials', () => {
    expect(names('cc')[0]).toBe('吉林省 长春市');
    expect(names('cb').slice(0, 3)).toContain('吉林省 白山市 长白朝鲜族自治县');
    expect(names('cl').slice(0, 3)).toContain('吉林省 松原市 长岭县');
  });

  it('shows counties before villages while the operator is still typing', () => {
    const hits = search('长');
    expect(hits[0]?.name).toBe('长春市');
    expect(hits.map((h) => h.level)).toEqual([...hits.map((h) => h.level)].sort((a, b) => a - b));
  });

  it('finds a village by its name and returns its full path', () => {
    const hits = search('卡伦村');
    expect(hits.length).toBeGreaterThan(0);
    const [first] = hits;
    expect(first?.level).toBe(5);
    expect(first?.path).toHaveLength(5);
    expect(first?.path.at(-1)?.name).toBe(first?.name);
    expect(first?.path[0]?.name).toBe('吉林省');
  });

  it('ranks exact names before prefixes before substrings', () => {
    const hits = names('朝阳', 50);
    const exact = hits.findIndex((n) => n.endsWith('朝阳区'));
    const prefix = hits.findIndex((n) => /朝阳[^区市县乡镇村]\S*$/.test(n));
    const inner = hits.findIndex((n) => /\S+朝阳\S*$/.test(n.split(' ').at(-1) ?? ''));
    expect(exact).toBeGreaterThanOrEqual(0);
    expect(prefix).toBeGreaterThan(exact);
    if (inner >= 0) expect(inner).toBeGreaterThan(prefix);
  });

  it('prefers the Jilin place when names repeat across China', () => {
    expect(names('朝阳区')[0]).toBe('吉林省 长春市 朝阳区');
    expect(names('西安区')[0]).toBe('吉林省 辽源市 西安区');
  });

  it('narrows by a parent: 九台 卡伦 finds only places inside 九台区', () => {
    const hits = names('九台 卡伦');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit).toMatch(/^吉林省 长春市 九台区 /);
  });

  it('returns at most the requested number of hits', () => {
    expect(search('村', 7)).toHaveLength(7);
  });

  it('prints the time per query (budget 20 ms; printed, not asserted: DESIGN.md §9)', () => {
    const queries = ['长春', '九台', 'jt', 'jiutai', '卡伦', 'c', '村', 'zz', '吉林 永吉', 'shuangyang'];
    search('warm-up');
    const started = performance.now();
    for (let round = 0; round < 10; round++) for (const q of queries) expect(search(q).length).toBeGreaterThan(0);
    console.log(`region:search ${((performance.now() - started) / (10 * queries.length)).toFixed(2)} ms per query`);
  });

  it('returns nothing for a query that matches no place', () => {
    expect(search('xqxqxq')).toEqual([]);
  });
});

describe('region:children and region:path', () => {
  it('lists provinces with Jilin first', () => {
    const provinces = handlers['region:children']({ parentCode: null });
    expect(provinces).toHaveLength(31);
    expect(provinces[0]).toEqual({ code: '22', name: '吉林省', parentCode: null, level: 1, hasChildren: true });
  });

  it('lists the townships of 九台区 and marks villages as leaves', () => {
    const towns = handlers['region:children']({ parentCode: '220113' });
    expect(towns.length).toBeGreaterThan(10);
    expect(towns.every((t) => t.level === 4 && t.parentCode === '220113')).toBe(true);
    const withVillages = towns.find((t) => t.hasChildren);
    const villages = handlers['region:children']({ parentCode: withVillages?.code ?? '' });
    expect(villages.length).toBeGreaterThan(0);
    expect(villages.every((v) => v.level === 5 && !v.hasChildren)).toBe(true);
  });

  it('gives the path of a code, and a clear NOT_FOUND for an unknown one', () => {
    expect(handlers['region:path']({ code: '220113' })).toEqual({
      code: '220113',
      name: '九台区',
      level: 3,
      path: [
        { code: '22', name: '吉林省' },
        { code: '2201', name: '长春市' },
        { code: '220113', name: '九台区' },
      ],
    });
    expect(() => handlers['region:path']({ code: '999999' })).toThrow(/重新选择/);
  });
});

describe('ref:lists', () => {
  it('returns departments in shipped order, the demo experts and the subjects', () => {
    const lists = handlers['ref:lists'](undefined);
    expect(lists.departments[0]?.name).toBe('省农业农村厅 种植业管理处');
    expect(lists.departments.every((d) => d.duties.length > 0)).toBe(true);
    expect(lists.experts).toHaveLength(60);
    expect(lists.experts.every((e) => /^1[3-9]\d{9}$/.test(e.phone))).toBe(true);
    expect(lists.subjects).toEqual(expect.arrayContaining(['玉米', '水稻', '大豆', '生猪', '人参']));
  });
});
