import type { RegionHit } from '../../../shared/domain/region';
import { placePinyin } from './pinyin';

/** What the index needs of a `region` row. */
export type IndexedRegion = {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  pinyin: string;
  pinyinInitials: string;
};

type Entry = IndexedRegion & {
  jilin: boolean;
  /** The name without its administrative suffix: 长春市 → 长春, 卡伦村委会 → 卡伦. */
  core: string;
  corePinyin: string;
  coreInitials: string;
};

export type RegionIndex = {
  search(query: string, limit: number): RegionHit[];
  path(code: string): RegionHit | null;
};

/** Administrative suffixes with their syllables; compounds (自治县) come before their last character (县). */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, syllables: readonly string[]]> = [
  ['村民委员会', ['cun', 'min', 'wei', 'yuan', 'hui']],
  ['居民委员会', ['ju', 'min', 'wei', 'yuan', 'hui']],
  ['村委会', ['cun', 'wei', 'hui']],
  ['居委会', ['ju', 'wei', 'hui']],
  ['办事处', ['ban', 'shi', 'chu']],
  ['自治县', ['zi', 'zhi', 'xian']],
  ['自治州', ['zi', 'zhi', 'zhou']],
  ['自治旗', ['zi', 'zhi', 'qi']],
  ['社区', ['she', 'qu']],
  ['街道', ['jie', 'dao']],
  ['省', ['sheng']],
  ['市', ['shi']],
  ['区', ['qu']],
  ['县', ['xian']],
  ['镇', ['zhen']],
  ['乡', ['xiang']],
  ['村', ['cun']],
  ['旗', ['qi']],
  ['盟', ['meng']],
  ['州', ['zhou']],
];

/** The 55 minority nationalities, as they appear in names of autonomous areas. */
const NATIONALITIES =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
/** 长白朝鲜族自治县 is called 长白(县) on the phone; 前郭尔罗斯蒙古族自治县, 前郭. */
const AUTONOMOUS = new RegExp(`(?:(?:${NATIONALITIES})族)+自治[县州旗]$`);

const JILIN = '22';

type Core = Pick<Entry, 'core' | 'corePinyin' | 'coreInitials'>;

/** Built field by field: one fixed object shape keeps the per-keystroke scan fast (spreading rows did not). */
function toEntry(r: IndexedRegion): Entry {
  const { core, corePinyin, coreInitials } = coreOf(r);
  return {
    code: r.code,
    name: r.name,
    parentCode: r.parentCode,
    level: r.level,
    pinyin: r.pinyin,
    pinyinInitials: r.pinyinInitials,
    jilin: r.code.startsWith(JILIN),
    core,
    corePinyin,
    coreInitials,
  };
}

function coreOf(region: IndexedRegion): Core {
  const autonomous = region.name.includes('自治') ? AUTONOMOUS.exec(region.name) : null;
  if (autonomous && autonomous.index > 0) {
    const core = region.name.slice(0, autonomous.index);
    const { full, initials } = placePinyin(core);
    return { core, corePinyin: full, coreInitials: initials };
  }
  for (const [suffix, syllables] of SUFFIXES) {
    if (region.name.length > suffix.length && region.name.endsWith(suffix)) {
      const full = syllables.join('');
      const initials = syllables.map((s) => s.charAt(0)).join('');
      const pinyinFits = region.pinyin.endsWith(full) && region.pinyinInitials.endsWith(initials);
      return {
        core: region.name.slice(0, -suffix.length),
        corePinyin: pinyinFits ? region.pinyin.slice(0, -full.length) : region.pinyin,
        coreInitials: pinyinFits ? region.pinyinInitials.slice(0, -initials.length) : region.pinyinInitials,
      };
    }
  }
  return { core: region.name, corePinyin: region.pinyin, coreInitials: region.pinyinInitials };
}

const NO_MATCH = -1;

/** A term's matcher: 0 exact (name or name without suffix), 1 prefix, 2 substring, -1 none. */
function matcher(term: string): (entry: Entry) => number {
  if (/^\d+$/.test(term)) {
    return (entry) => (entry.code === term ? 0 : entry.code.startsWith(term) ? 1 : NO_MATCH);
  }
  if (/^[a-z]+$/.test(term)) {
    // One letter is every 磁县 and 城区 "exactly"; it only says how the name starts.
    const exact = term.length > 1;
    // Shorter Latin fragments hit almost every name somewhere inside; only prefixes count for them.
    const inner = term.length >= 3;
    return (entry) => {
      if (
        exact &&
        (term === entry.coreInitials ||
          term === entry.pinyinInitials ||
          term === entry.corePinyin ||
          term === entry.pinyin)
      )
        return 0;
      if (entry.pinyinInitials.startsWith(term) || entry.pinyin.startsWith(term)) return 1;
      if (inner && (entry.pinyin.includes(term) || entry.pinyinInitials.includes(term))) return 2;
      return NO_MATCH;
    };
  }
  return (entry) => {
    if (entry.name === term || entry.core === term) return 0;
    if (entry.name.startsWith(term)) return 1;
    return entry.name.includes(term) ? 2 : NO_MATCH;
  };
}

/** '长春 九台', 'jt/kl', 'JiuTai' → ['长春', '九台'], ['jt', 'kl'], ['jiutai']. */
function terms(query: string): string[] {
  return query
    .split(/[\s/／,，、>]+/)
    .map((t) => (/^[\x20-\x7e]+$/.test(t) ? t.toLowerCase().replace(/[^a-z0-9]/g, '') : t))
    .filter((t) => t.length > 0);
}

/**
 * An in-memory index over every region (~16k rows), built once per data version: a scan of
 * pre-ordered entries takes about a millisecond, well inside the picker's 20 ms budget.
 * Ranking: exact > prefix > substring, so a village named exactly as typed beats a county that
 * merely starts with it; within each class Jilin first, then higher levels (九台区 before a village
 * named 九台村; while typing 长, 长春市 and 长白朝鲜族自治县 before villages), then shorter names.
 * More terms narrow by ancestors: '九台 卡伦' finds places named 卡伦 inside 九台区.
 */
export function buildRegionIndex(regions: readonly IndexedRegion[]): RegionIndex {
  const entries = regions
    .map(toEntry)
    .sort(
      (a, b) =>
        Number(b.jilin) - Number(a.jilin) ||
        a.level - b.level ||
        a.name.length - b.name.length ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
  const byCode = new Map(entries.map((e) => [e.code, e]));

  const ancestors = (entry: Entry): Entry[] => {
    const chain: Entry[] = [];
    for (let code = entry.parentCode; code;) {
      const parent = byCode.get(code);
      if (!parent) break;
      chain.push(parent);
      code = parent.parentCode;
    }
    return chain;
  };

  const toHit = (entry: Entry): RegionHit => ({
    code: entry.code,
    name: entry.name,
    level: entry.level,
    path: [...ancestors(entry).reverse(), entry].map((e) => ({ code: e.code, name: e.name })),
  });

  return {
    search(query, limit) {
      const parts = terms(query);
      const last = parts.pop();
      if (!last) return [];
      const match = matcher(last);
      const context = parts.map(matcher);
      const buckets: Entry[][] = [[], [], []];
      for (const entry of entries) {
        const cls = match(entry);
        if (cls === NO_MATCH) continue;
        if (context.length > 0) {
          const chain = ancestors(entry);
          if (!context.every((inChain) => chain.some((a) => inChain(a) !== NO_MATCH))) continue;
        }
        buckets[cls]?.push(entry);
        if (cls === 0 && buckets[0]?.length === limit) break;
      }
      return buckets.flat().slice(0, limit).map(toHit);
    },
    path(code) {
      const entry = byCode.get(code);
      return entry ? toHit(entry) : null;
    },
  };
}
