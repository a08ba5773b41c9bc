import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { loadReferenceData } from './loader';
import { REPO_ROOT, referenceTestDatabase } from './testDatabase';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

function freshDatabase() {
  const t = referenceTestDatabase();
  disposers.push(t.dispose);
  return t;
}

describe('loadReferenceData', () => {
  it('loads all of China to county level and Jilin down to village', () => {
    const { db } = freshDatabase();
    const result = loadReferenceData(db, REPO_ROOT, silentLogger());
    // Printed, not asserted (DESIGN.md §9: timings belong to benchmarks); the budget is 2 s.
    console.log(`reference data first load: ${Math.round(result.ms)} ms`);
    expect(result.loaded).toBe(true);

    const perLevel = Object.fromEntries(
      db
        .prepare<[], { level: number; n: number }>('SELECT level, count(*) AS n FROM region GROUP BY level')
        .all()
        .map((r) => [r.level, r.n]),
    );
    expect(perLevel[1]).toBe(31);
    expect(perLevel[2]).toBe(342);
    expect(perLevel[3]).toBe(2978);
    const jilin = (level: number) =>
      db
        .prepare<[number], number>(`SELECT count(*) FROM region WHERE level = ? AND code LIKE '22%'`)
        .pluck()
        .get(level);
    expect(jilin(4)).toBeGreaterThanOrEqual(1075);
    expect(jilin(5)).toBe(11727);
  });

  it('gives every village its full path and every parent its has_children flag', () => {
    const { db } = freshDatabase();
    loadReferenceData(db, REPO_ROOT, silentLogger());
    const village = db
      .prepare<[], { path_name: string; parent_code: string }>(
        `SELECT path_name, parent_code FROM region WHERE level = 5 AND name LIKE '%村%' LIMIT 1`,
      )
      .get();
    expect(village?.path_name.split(' ')).toHaveLength(5);
    expect(village?.path_name.startsWith('吉林省 ')).toBe(true);
    const parent = db
      .prepare<[string], number>('SELECT has_children FROM region WHERE code = ?')
      .pluck()
      .get(village?.parent_code ?? '');
    expect(parent).toBe(1);
    const orphans = db
      .prepare<[], number>(
        `SELECT count(*) FROM region r WHERE r.parent_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM region p WHERE p.code = r.parent_code)`,
      )
      .pluck()
      .get();
    expect(orphans).toBe(0);
    const wrongFlags = db
      .prepare<[], number>(
        `SELECT count(*) FROM region p WHERE has_children != EXISTS (SELECT 1 FROM region c WHERE c.parent_code = p.code)`,
      )
      .pluck()
      .get();
    expect(wrongFlags).toBe(0);
  });

  it('drops the empty 市辖区 placeholders but keeps those that hold districts', () => {
    const { db } = freshDatabase();
    loadReferenceData(db, REPO_ROOT, silentLogger());
    const placeholder = db.prepare<[string], number>('SELECT count(*) FROM region WHERE code = ?').pluck();
    expect(placeholder.get('220101')).toBe(0);
    expect(placeholder.get('1101')).toBe(1);
    const empty = db
      .prepare<[], number>(`SELECT count(*) FROM region WHERE name = '市辖区' AND has_children = 0`)
      .pluck()
      .get();
    expect(empty).toBe(0);
  });

  it('takes newer township names from the 2023 list and keeps recoded townships once, with their villages', () => {
    const { db } = freshDatabase();
    loadReferenceData(db, REPO_ROOT, silentLogger());
    const name = db.prepare<[string], string>('SELECT name FROM region WHERE code = ?').pluck();
    expect(name.get('220323103')).toBe('马鞍山镇');
    expect(name.get('220102013')).toBe('盛世街道');
    const qijia = db
      .prepare<[], { code: string; has_children: number }>(
        `SELECT code, has_children FROM region WHERE parent_code = '220112' AND name = '齐家镇'`,
      )
      .all();
    expect(qijia).toEqual([{ code: '220112100', has_children: 1 }]);
  });

  it('stores 长 as cháng in place names, so 长春 has initials cc', () => {
    const { db } = freshDatabase();
    loadReferenceData(db, REPO_ROOT, silentLogger());
    const row = db.prepare<[string], { pinyin: string; pinyin_initials: string }>(
      'SELECT pinyin, pinyin_initials FROM region WHERE code = ?',
    );
    expect(row.get('2201')).toEqual({ pinyin: 'changchunshi', pinyin_initials: 'ccs' });
    expect(row.get('220113')).toEqual({ pinyin: 'jiutaiqu', pinyin_initials: 'jtq' });
    expect(row.get('220722')).toEqual({ pinyin: 'changlingxian', pinyin_initials: 'clx' });
    expect(row.get('222404')?.pinyin).toBe('hunchunshi');
    const zhang = db
      .prepare<[], string>(`SELECT name FROM region WHERE name LIKE '长%' AND pinyin NOT LIKE 'chang%'`)
      .pluck()
      .all();
    expect(zhang).toEqual(['长子县']);
  });

  it('loads the departments, demo experts, subjects and categories', () => {
    const { db } = freshDatabase();
    loadReferenceData(db, REPO_ROOT, silentLogger());
    const count = (table: string) => db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(count('department')).toBeGreaterThanOrEqual(30);
    expect(count('expert')).toBe(60);
    expect(count('subject')).toBeGreaterThan(82);
    expect(count('category')).toBe(13);
  });

  it('does nothing on a second call with the same shipped data', () => {
    const { db } = freshDatabase();
    expect(loadReferenceData(db, REPO_ROOT, silentLogger()).loaded).toBe(true);
    db.prepare(`UPDATE region SET name = '改过的名字' WHERE code = '2201'`).run();
    const second = loadReferenceData(db, REPO_ROOT, silentLogger());
    expect(second.loaded).toBe(false);
    expect(db.prepare<[], string>(`SELECT name FROM region WHERE code = '2201'`).pluck().get()).toBe('改过的名字');
  });

  it('reloads when a newer app ships changed data, removing rows no longer shipped', () => {
    const { db, dir } = freshDatabase();
    const resources = path.join(dir, 'resources');
    fs.cpSync(path.join(REPO_ROOT, 'data'), path.join(resources, 'data'), { recursive: true });
    loadReferenceData(db, resources, silentLogger());

    const experts = path.join(resources, 'data/reference/experts.json');
    const shipped: unknown[] = JSON.parse(fs.readFileSync(experts, 'utf8'));
    fs.writeFileSync(experts, JSON.stringify(shipped.slice(1)));
    expect(loadReferenceData(db, resources, silentLogger()).loaded).toBe(true);
    expect(db.prepare<[], number>('SELECT count(*) FROM expert').pluck().get()).toBe(59);
    expect(db.prepare<[], number>(`SELECT count(*) FROM region`).pluck().get()).toBeGreaterThan(16000);
  });
});
