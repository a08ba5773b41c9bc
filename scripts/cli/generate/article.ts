import type { KbArticleContent, KbSeason } from '../../../shared/domain/kb';
import { aquaticFamily, livestockFamily } from './animalTemplates';
import { cropFamily, protectionFamily, weatherFamily } from './plantTemplates';
import { Rng } from './random';
import { inputsFamily, landFamily, machineryFamily, marketFamily, policyFamily } from './serviceTemplates';
import type { Family, Slots, Template } from './slots';
import type { CategoryVocabulary, Vocabulary } from './vocabulary';

/** Demo answers run 110–222 characters; generated ones stay within 110–230. */
export const ANSWER_MIN = 110;
export const ANSWER_MAX = 230;

const FAMILIES: Readonly<Record<string, Family>> = {
  '种植业-粮食作物': cropFamily,
  '种植业-经济作物与园艺': cropFamily,
  '植物保护-病虫害': protectionFamily,
  畜牧兽医: livestockFamily,
  水产渔业: aquaticFamily,
  农机: machineryFamily,
  农资质量与维权: inputsFamily,
  惠农政策: policyFamily,
  土地与法律: landFamily,
  市场与价格: marketFamily,
  气象与灾害: weatherFamily,
};

const MONTHS: Readonly<Record<KbSeason, readonly number[]>> = {
  春: [3, 4, 5],
  夏: [6, 7, 8],
  秋: [9, 10],
  冬: [11, 12, 1, 2],
  全年: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
};

/** Counts of subjects/tags per article in the demo KB, as pick weights. */
const SUBJECT_COUNTS = [
  { value: 1, weight: 258 },
  { value: 2, weight: 44 },
  { value: 3, weight: 18 },
];
const TAG_COUNTS = [
  { value: 1, weight: 8 },
  { value: 2, weight: 103 },
  { value: 3, weight: 181 },
  { value: 4, weight: 28 },
];
const REGIONAL_SHARE = 0.12;

/** Subjects mostly follow the category's demo subjects (frequent ones often); some come from a wider vocabulary. */
function subjectPools(family: Family, category: CategoryVocabulary, vocabulary: Vocabulary) {
  const wider = {
    crops: vocabulary.crops,
    animals: [],
    aquatic: vocabulary.aquatic,
    machines: vocabulary.terms.machine,
    category: [],
  }[family.subjects];
  const own = family.subjects === 'animals' ? vocabulary.animals : category.subjects;
  return { pool: own.length > 0 ? own : wider.length > 0 ? wider : [category.name], wider };
}

function fill(rng: Rng, templates: readonly Template[], slots: Slots): string {
  return rng.pick(templates)(slots);
}

/** Sentences in the demo's order — situation, cause, advice, where to turn — cut to a sampled length. */
function composeAnswer(rng: Rng, family: Family, slots: Slots): string {
  const target = ANSWER_MIN - 15 + Math.round(((rng.next() + rng.next()) / 2) * (ANSWER_MAX - ANSWER_MIN));
  let answer = fill(rng, family.intros, slots);
  if (rng.chance(0.7)) answer += fill(rng, family.causes, slots);
  const advice = rng.sample(family.advice, family.advice.length).map((template) => template(slots));
  const unused: string[] = [];
  for (const sentence of advice) {
    if (answer.length + sentence.length <= target) answer += sentence;
    else unused.push(sentence);
  }
  for (const sentence of unused) {
    if (answer.length >= ANSWER_MIN) break;
    if (answer.length + sentence.length <= ANSWER_MAX) answer += sentence;
  }
  const closing = rng.pick(family.closings);
  if (rng.chance(0.6) && answer.length + closing.length <= ANSWER_MAX) answer += closing;
  return answer;
}

function pickSubjects(rng: Rng, main: string, pool: readonly string[]): string[] {
  const wanted = rng.weighted(SUBJECT_COUNTS);
  const subjects = [main];
  for (let tries = 0; subjects.length < wanted && tries < 8; tries++) {
    const extra = rng.pick(pool);
    if (!subjects.includes(extra)) subjects.push(extra);
  }
  return subjects;
}

/** Tags are the article's keywords that its text really contains, the topic first. */
function pickTags(rng: Rng, slots: Slots, text: string): string[] {
  const wanted = rng.weighted(TAG_COUNTS);
  const candidates = [slots.t, slots.d, slots.p, slots.w, slots.x, slots.f, slots.m, slots.pol, slots.t2, slots.sym];
  const tags: string[] = [];
  for (const word of candidates) {
    if (tags.length >= wanted) break;
    if (word.length <= 40 && text.includes(word) && !tags.includes(word)) tags.push(word);
  }
  if (tags.length === 0) tags.push(slots.t);
  return tags;
}

/** Article number `index` (0-based) of the run with `seed`: a pure function of both. */
export function composeArticle(vocabulary: Vocabulary, seed: number, index: number): KbArticleContent {
  const rng = Rng.forItem(seed, index);
  const category = rng.weighted(vocabulary.categories);
  const family = FAMILIES[category.name] ?? cropFamily;
  const season = rng.weighted(category.seasons);
  const { pool, wider } = subjectPools(family, category, vocabulary);
  const main = wider.length > 0 && rng.chance(0.3) ? rng.pick(wider) : rng.zipf(pool);
  const place = rng.pick(vocabulary.places);
  const { terms } = vocabulary;
  const topics = family.topics ? category.tags.filter((tag) => family.topics?.test(tag)) : category.tags;
  const topic = topics.length > 0 ? topics : [main];
  const slots: Slots = {
    s: main,
    s2: rng.pick(wider.length > 0 ? wider : pool),
    t: rng.zipf(topic),
    t2: rng.pick(topic),
    d: rng.zipf(terms[family.disease]),
    p: rng.zipf(terms.pest),
    w: rng.pick(terms.weed),
    x: rng.pick(terms[family.remedy]),
    f: rng.zipf(terms.fertilizer),
    m: rng.pick(terms.machine),
    pol: rng.zipf(terms.policy),
    place: place.name,
    sym: rng.pick(family.symptoms),
    month: rng.pick(MONTHS[season]),
    n: rng.int(1, 6) * 5,
    days: rng.int(5, 15),
  };
  const title = fill(rng, family.titles, slots);
  const answer = composeAnswer(rng, family, slots);
  return {
    id: `gen-${String(index + 1).padStart(7, '0')}`,
    title,
    answer,
    category: category.name,
    tags: pickTags(rng, slots, title + answer),
    subjects: pickSubjects(rng, main, pool),
    season,
    regions: rng.chance(REGIONAL_SHARE) ? [place.code] : [],
  };
}
