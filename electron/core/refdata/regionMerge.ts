import { regionLevel, type RegionLevel } from '../../../shared/domain/region';
import { parseCsv } from './csv';
import { placePinyin, type PlacePinyin } from './pinyin';

export type SourceRegion = { code: string; name: string; parentCode: string | null; level: RegionLevel };

/** One `region` table row. */
export type RegionRow = SourceRegion & {
  pathName: string;
  pinyin: string;
  pinyinInitials: string;
  hasChildren: boolean;
};

/** The three CSVs of data/regions (columns code,name,parent_code,level; see data/regions/SOURCE.md). */
export type RegionSources = {
  /** All of China, levels 1–3, 2023 codes. */
  chinaCounties: string;
  /** Jilin, levels 1–5, 2020 codes: the only village list we have. */
  jilinVillages2020: string;
  /** Jilin, levels 1–4, 2023 codes: newer townships and names. */
  jilinTowns2023: string;
};

/** Statistical placeholder for "the city's own districts"; meaningless to a caller when it holds nothing. */
const PLACEHOLDER = '市辖区';

export function parseRegionCsv(text: string): SourceRegion[] {
  return parseCsv(text).map((row) => {
    const code = row.code ?? '';
    const level = regionLevel(code);
    if (String(level) !== row.level)
      throw new Error(`region ${code}: level ${row.level} does not match its code length`);
    return { code, name: (row.name ?? '').trim(), parentCode: row.parent_code ? row.parent_code : null, level };
  });
}

/**
 * Merge rule:
 * 1. Levels 1–3 for all of China come from china-counties (2023).
 * 2. Jilin townships and villages come from jilin-villages (2020), the only village list; its
 *    county-level rows equal the 2023 ones apart from the 市辖区 placeholders.
 * 3. jilin-towns-2023 then renames townships whose code is unchanged (马鞍镇 → 马鞍山镇) and adds
 *    townships created since 2020. A "new" 2023 township with the same name as a 2020 township of
 *    the same county is the same place recoded (齐家镇 220112100 → 220112104): the 2020 code is kept
 *    because the villages hang on it and their codes start with it.
 * 4. 市辖区 rows without children are dropped, as is anything whose parent is missing.
 */
export function mergeRegions(sources: RegionSources): RegionRow[] {
  const byCode = new Map<string, SourceRegion>();
  for (const region of parseRegionCsv(sources.chinaCounties)) byCode.set(region.code, region);
  for (const region of parseRegionCsv(sources.jilinVillages2020)) {
    if (!byCode.has(region.code)) byCode.set(region.code, region);
  }
  const namesUnder = new Set([...byCode.values()].map((r) => `${r.parentCode}/${r.name}`));
  for (const region of parseRegionCsv(sources.jilinTowns2023)) {
    const known = byCode.get(region.code);
    if (known) known.name = region.name;
    else if (!namesUnder.has(`${region.parentCode}/${region.name}`)) byCode.set(region.code, region);
  }
  return finish(byCode);
}

function finish(byCode: Map<string, SourceRegion>): RegionRow[] {
  const parents = new Set<string>();
  for (const region of byCode.values()) if (region.parentCode) parents.add(region.parentCode);
  for (const [code, region] of byCode) {
    if (region.name === PLACEHOLDER && !parents.has(code)) byCode.delete(code);
  }

  const pathNames = new Map<string, string | null>();
  const pathName = (code: string): string | null => {
    const cached = pathNames.get(code);
    if (cached !== undefined) return cached;
    const region = byCode.get(code);
    let result: string | null = null;
    if (region) {
      const parentPath = region.parentCode ? pathName(region.parentCode) : '';
      result = parentPath === null ? null : parentPath ? `${parentPath} ${region.name}` : region.name;
    }
    pathNames.set(code, result);
    return result;
  };

  // A quarter of the names repeat (新立村, 民主村…) and pinyin is most of the load time.
  const readings = new Map<string, PlacePinyin>();
  const rows: RegionRow[] = [];
  for (const region of byCode.values()) {
    const path = pathName(region.code);
    if (path === null) continue;
    let reading = readings.get(region.name);
    if (!reading) {
      reading = placePinyin(region.name);
      readings.set(region.name, reading);
    }
    const { full, initials } = reading;
    rows.push({
      ...region,
      pathName: path,
      pinyin: full,
      pinyinInitials: initials,
      hasChildren: parents.has(region.code),
    });
  }
  return rows;
}
