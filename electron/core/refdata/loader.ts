import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CATEGORIES } from '../../../shared/domain/categories';
import type { Logger } from '../log/logger';
import { mergeRegions, type RegionRow } from './regionMerge';
import { parseReferenceRecords, readShippedFiles, type ShippedFiles } from './referenceFiles';

/** Part of the data version: bump it when the merge or pinyin rules change, so seats reload. */
const RULES_REVISION = 'regions-merge-1';
const VERSION_KEY = 'data_version';

/** Hash of everything the loader reads, so a newer app with new data reloads it on first start. */
export function dataVersion(files: ShippedFiles): string {
  const hash = createHash('sha256').update(RULES_REVISION);
  const parts = [
    files.regions.chinaCounties,
    files.regions.jilinVillages2020,
    files.regions.jilinTowns2023,
    files.departments,
    files.experts,
    files.subjects,
    CATEGORIES.join('\n'),
  ];
  for (const part of parts) hash.update('\0').update(part);
  return hash.digest('hex');
}

/**
 * Loads data/regions and data/reference into the seat database in one transaction. Skips (loaded:
 * false) when the shipped data version is already loaded. Rows are upserted and stale ones removed,
 * rather than tables emptied, so a row another table may point at is never briefly missing.
 */
export function loadReferenceData(
  db: Database.Database,
  resourcesDir: string,
  log: Logger,
): { loaded: boolean; ms: number } {
  const started = performance.now();
  const files = readShippedFiles(resourcesDir);
  const version = dataVersion(files);
  const current = db.prepare<[string], string>('SELECT value FROM ref_meta WHERE key = ?').pluck().get(VERSION_KEY);
  if (current === version) return { loaded: false, ms: performance.now() - started };

  const regions = mergeRegions(files.regions);
  const records = parseReferenceRecords(files);
  db.transaction(() => {
    replaceRows(db, REGION_TABLE, regions);
    replaceRows(
      db,
      DEPARTMENT_TABLE,
      records.departments.map((d, sort) => ({ ...d, sort })),
    );
    replaceRows(db, EXPERT_TABLE, records.experts);
    replaceRows(
      db,
      SUBJECT_TABLE,
      records.subjects.map((s, sort) => ({ ...s, sort })),
    );
    replaceRows(
      db,
      CATEGORY_TABLE,
      CATEGORIES.map((name, sort) => ({ name, sort })),
    );
    db.prepare(
      'INSERT INTO ref_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(VERSION_KEY, version);
  })();
  const ms = performance.now() - started;
  log.info({ ms: Math.round(ms), regions: regions.length, version: version.slice(0, 12) }, 'reference data loaded');
  return { loaded: true, ms };
}

type TableSpec<T> = { table: string; columns: readonly string[]; values: (row: T) => (string | number | null)[] };

/** Upserts every row (key = first column) and deletes rows whose key is no longer shipped. */
function replaceRows<T>(db: Database.Database, spec: TableSpec<T>, rows: readonly T[]): void {
  const [key, ...rest] = spec.columns;
  const upsert = db.prepare(
    `INSERT INTO ${spec.table} (${spec.columns.join(', ')}) VALUES (${spec.columns.map(() => '?').join(', ')})
     ON CONFLICT (${key}) DO UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  const shipped = new Set<string | number | null>();
  for (const row of rows) {
    const values = spec.values(row);
    shipped.add(values[0] ?? null);
    upsert.run(values);
  }
  const remove = db.prepare(`DELETE FROM ${spec.table} WHERE ${key} = ?`);
  for (const existing of db.prepare<[], string>(`SELECT ${key} FROM ${spec.table}`).pluck().all()) {
    if (!shipped.has(existing)) remove.run(existing);
  }
}

const REGION_TABLE: TableSpec<RegionRow> = {
  table: 'region',
  columns: ['code', 'name', 'parent_code', 'level', 'path_name', 'pinyin_initials', 'pinyin', 'has_children'],
  values: (r) => [r.code, r.name, r.parentCode, r.level, r.pathName, r.pinyinInitials, r.pinyin, r.hasChildren ? 1 : 0],
};

const DEPARTMENT_TABLE: TableSpec<{ id: string; name: string; duties: string; sort: number }> = {
  table: 'department',
  columns: ['id', 'name', 'duties', 'sort'],
  values: (d) => [d.id, d.name, d.duties, d.sort],
};

const EXPERT_TABLE: TableSpec<{
  id: string;
  name: string;
  specialty: string;
  level: string;
  organization: string;
  phone: string;
}> = {
  table: 'expert',
  columns: ['id', 'name', 'specialty', 'level', 'organization', 'phone'],
  values: (e) => [e.id, e.name, e.specialty, e.level, e.organization, e.phone],
};

const SUBJECT_TABLE: TableSpec<{ name: string; group: string; sort: number }> = {
  table: 'subject',
  columns: ['name', 'subject_group', 'sort'],
  values: (s) => [s.name, s.group, s.sort],
};

const CATEGORY_TABLE: TableSpec<{ name: string; sort: number }> = {
  table: 'category',
  columns: ['name', 'sort'],
  values: (c) => [c.name, c.sort],
};
