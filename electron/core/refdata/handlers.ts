import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Department, Expert } from '../../../shared/domain/reference';
import type { Region } from '../../../shared/domain/region';
import type { Out, ParsedIn } from '../../../shared/contract/contract';
import { buildRegionIndex, type IndexedRegion, type RegionIndex } from './regionIndex';

type RefdataMethod = 'region:children' | 'region:search' | 'region:path' | 'ref:lists';

/** Pick<Handlers, RefdataMethod>, narrowed to what they are: synchronous reads. */
export type RefdataHandlers = { [M in RefdataMethod]: (input: ParsedIn<M>) => Out<M> };

type RegionRecord = { code: string; name: string; parent_code: string | null; level: number; has_children: number };

const toRegion = (r: RegionRecord): Region => ({
  code: r.code,
  name: r.name,
  parentCode: r.parent_code,
  level: r.level,
  hasChildren: r.has_children === 1,
});

export function createRefdataHandlers(db: Database.Database): RefdataHandlers {
  const provinces = db.prepare<[], RegionRecord>(
    // Jilin first: almost every caller of the Jilin hotline lives there.
    `SELECT code, name, parent_code, level, has_children FROM region WHERE parent_code IS NULL ORDER BY code = '22' DESC, code`,
  );
  const children = db.prepare<[string], RegionRecord>(
    'SELECT code, name, parent_code, level, has_children FROM region WHERE parent_code = ? ORDER BY code',
  );
  const departments = db.prepare<[], Department>('SELECT id, name, duties FROM department ORDER BY sort');
  const experts = db.prepare<[], Expert>(
    'SELECT id, name, specialty, level, organization, phone FROM expert ORDER BY id',
  );
  const subjects = db.prepare<[], string>('SELECT name FROM subject ORDER BY sort').pluck();
  const index = regionIndexCache(db);

  return {
    'region:children': ({ parentCode }) =>
      (parentCode === null ? provinces.all() : children.all(parentCode)).map(toRegion),
    'region:search': ({ q, limit }) => index().search(q, limit),
    'region:path': ({ code }) => {
      const hit = index().path(code);
      if (!hit) throw new AppError('NOT_FOUND', `区划代码 ${code} 不在本机的区划数据中，请在地区选择框中重新选择。`);
      return hit;
    },
    'ref:lists': () => ({ departments: departments.all(), experts: experts.all(), subjects: subjects.all() }),
  };
}

/** The search index, rebuilt only when the loaded data version changes (a cheap one-row read per call). */
function regionIndexCache(db: Database.Database): () => RegionIndex {
  const version = db.prepare<[], string>(`SELECT value FROM ref_meta WHERE key = 'data_version'`).pluck();
  const all = db.prepare<[], IndexedRegion>(
    'SELECT code, name, parent_code AS parentCode, level, pinyin, pinyin_initials AS pinyinInitials FROM region',
  );
  let cached: { version: string | undefined; index: RegionIndex } | null = null;
  return () => {
    const current = version.get();
    if (!cached || cached.version !== current) cached = { version: current, index: buildRegionIndex(all.all()) };
    return cached.index;
  };
}
