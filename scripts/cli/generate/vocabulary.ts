import fs from 'node:fs';
import path from 'node:path';
import { KbArticleContent, type KbSeason } from '../../../shared/domain/kb';

/**
 * The words synthetic articles and bench queries are made of, read from the data the app ships:
 * crops and animals (data/reference/subjects.json), the agricultural terms of data/kb/synonyms.tsv
 * sorted into kinds by their endings, the categories/seasons/tags/subjects of the demo KB, and Jilin's
 * cities and counties. Nothing here is taken from evaluation queries.
 */

export type Weighted<T> = { readonly value: T; readonly weight: number };

export type CategoryVocabulary = {
  readonly name: string;
  readonly seasons: readonly Weighted<KbSeason>[];
  /** Tags of the demo articles in this category, most frequent first. */
  readonly tags: readonly string[];
  /** Subjects of the demo articles in this category, most frequent first. */
  readonly subjects: readonly string[];
};

export type TermKind =
  'cropDisease' | 'animalDisease' | 'pest' | 'weed' | 'pesticide' | 'fertilizer' | 'vetDrug' | 'machine' | 'policy';

export type Vocabulary = {
  readonly categories: readonly Weighted<CategoryVocabulary>[];
  readonly terms: Readonly<Record<TermKind, readonly string[]>>;
  readonly crops: readonly string[];
  readonly animals: readonly string[];
  readonly aquatic: readonly string[];
  /** Standard term → the other names farmers use for it (synonyms.tsv). */
  readonly otherNames: ReadonlyMap<string, readonly string[]>;
  /** Jilin cities and counties (GB/T 2260 codes with their names). */
  readonly places: readonly { readonly code: string; readonly name: string }[];
};

/** First matching kind wins, so the narrower patterns come first. */
const KIND_PATTERNS: readonly [TermKind, RegExp][] = [
  ['vetDrug', /(疫苗|伊维菌素|达唑|糖酐铁|沙星|尼考)$/],
  ['animalDisease', /((?<!免)疫|炎|瘫痪|猪瘟|布鲁氏菌病|杆菌病|皮肤病|脓疱|贫血|臌气|腹泻)$/],
  ['cropDisease', /(病|瘟)$/],
  ['pest', /(螟|(?<!驱)虫|蚜|虱|蛾|蛴螬|地老虎|蝼蛄|蜘蛛|叶甲|蛞蝓)$/],
  ['weed', /(稗草|三棱草|鸭跖草|苍耳|藜|苋|刺儿菜|狗尾草|问荆|菟丝子)$/],
  [
    'pesticide',
    /(磷|脒|菌素|酯|酰胺|灵|锰锌|醇|酮|唑|胺|霉素|清|合剂|隆|津|氯|醚|膦|快|嗪|(?<!深)松|盐|杆菌|僵菌|蜱|啉|酸|百草枯|敌敌畏|剂)$/,
  ],
  ['fertilizer', /(尿素|铵|(?<!锰酸)钾|钙|(?<!施)肥|(?<!锰)锌|生石灰)$/],
  ['machine', /(机|器)$/],
  ['policy', /(补贴|保险|农田|耕作|担保|收购价|合格证|证明|标识)$/],
];

const SUBJECT_GROUPS = {
  crops: ['粮食作物', '经济作物', '蔬菜', '果树与食用菌'],
  animals: ['畜禽与特种养殖'],
  aquatic: ['水产'],
} as const;

function termKind(term: string): TermKind | null {
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(term)) return kind;
  return null;
}

function byFrequency(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
}

function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function readLines(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function readCategories(file: string): Weighted<CategoryVocabulary>[] {
  type Tally = {
    articles: number;
    seasons: Map<KbSeason, number>;
    tags: Map<string, number>;
    subjects: Map<string, number>;
  };
  const tallies = new Map<string, Tally>();
  for (const line of readLines(file)) {
    const article = KbArticleContent.parse(JSON.parse(line));
    let tally = tallies.get(article.category);
    if (!tally) {
      tally = { articles: 0, seasons: new Map(), tags: new Map(), subjects: new Map() };
      tallies.set(article.category, tally);
    }
    tally.articles++;
    bump(tally.seasons, article.season);
    for (const tag of article.tags) bump(tally.tags, tag);
    for (const subject of article.subjects) bump(tally.subjects, subject);
  }
  return [...tallies.entries()].map(([name, tally]) => ({
    value: {
      name,
      seasons: [...tally.seasons.entries()].map(([value, weight]) => ({ value, weight })),
      tags: byFrequency(tally.tags),
      subjects: byFrequency(tally.subjects),
    },
    weight: tally.articles,
  }));
}

function readSubjectGroups(file: string): Map<string, string[]> {
  const groups = JSON.parse(fs.readFileSync(file, 'utf8')) as { group: string; subjects: string[] }[];
  return new Map(groups.map((g) => [g.group, g.subjects]));
}

function readPlaces(file: string): { code: string; name: string }[] {
  return readLines(file)
    .slice(1)
    .map((line) => line.split(','))
    .filter(([code, name]) => code !== undefined && name !== undefined && /^22\d{2}(\d{2})?$/.test(code))
    .filter(([, name]) => !name!.includes('开发区') && !name!.includes('食品区'))
    .map(([code, name]) => ({ code: code!, name: name! }));
}

const cache = new Map<string, Vocabulary>();

/** Reads the vocabularies under `dataDir` (the repo's `data/`); cached per folder. */
export function loadVocabulary(dataDir: string): Vocabulary {
  const cached = cache.get(dataDir);
  if (cached) return cached;

  const terms: Record<TermKind, string[]> = {
    cropDisease: [],
    animalDisease: [],
    pest: [],
    weed: [],
    pesticide: [],
    fertilizer: [],
    vetDrug: [],
    machine: [],
    policy: [],
  };
  const otherNames = new Map<string, string[]>();
  for (const line of readLines(path.join(dataDir, 'kb', 'synonyms.tsv'))) {
    const [term, names] = line.split('\t');
    if (!term) continue;
    const kind = termKind(term);
    if (kind) terms[kind].push(term);
    const others = (names ?? '').split('|').filter((n) => n.length > 0 && n !== term);
    if (others.length > 0) otherNames.set(term, others);
  }

  const groups = readSubjectGroups(path.join(dataDir, 'reference', 'subjects.json'));
  const fromGroups = (names: readonly string[]) => names.flatMap((g) => groups.get(g) ?? []);
  const vocabulary: Vocabulary = {
    categories: readCategories(path.join(dataDir, 'kb', 'kb.jsonl')),
    terms,
    crops: fromGroups(SUBJECT_GROUPS.crops).filter(
      (s) => !['粮食', '蔬菜', '果树', '大棚', '温室', '中药材', '食用菌'].includes(s),
    ),
    animals: fromGroups(SUBJECT_GROUPS.animals).filter((s) => s !== '家禽'),
    aquatic: fromGroups(SUBJECT_GROUPS.aquatic).filter((s) => s !== '池塘'),
    otherNames,
    places: readPlaces(path.join(dataDir, 'regions', 'china-counties.csv')),
  };
  cache.set(dataDir, vocabulary);
  return vocabulary;
}

/** The repo's `data/` folder, found from this file so the CLI works from any working directory. */
export function repoDataDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', '..', 'data');
}
