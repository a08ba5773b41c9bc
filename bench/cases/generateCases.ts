import fs from 'node:fs';
import path from 'node:path';
import { caseDay, formatCaseNumber } from '../../shared/domain/caseNumber';
import { type Category } from '../../shared/domain/categories';
import { type Status } from '../../shared/domain/status';
import { type ServerInquiry } from '../../shared/sync/protocol';
import { livestockFamily } from '../../scripts/cli/generate/animalTemplates';
import { cropFamily } from '../../scripts/cli/generate/plantTemplates';
import { Rng } from '../../scripts/cli/generate/random';
import { type Vocabulary, loadVocabulary } from '../../scripts/cli/generate/vocabulary';

/**
 * Cases as farmers' calls produce them, for `bench:cases`: a question in everyday (sometimes dialect)
 * words and the operator's answer, from templates over the app's own vocabularies (crops, animals,
 * diseases, pests, pesticides, fertilizers, policies, Jilin's counties, towns and villages). Subjects
 * and terms are drawn Zipf-like, so a few words (玉米, 叶子, 发黄) are in 10–30 % of cases, operators'
 * stock phrases in more, and most words are rare (a caller's town or village: 11,000 of them). Case i
 * is the same object for the same seed and run size (its text does not depend on the size, its time
 * does); cases are spread evenly over 2019–2025 in index order, so loading them in order gives the
 * search index the order a real server has (newest last).
 */

export const CASE_SEATS = Array.from({ length: 40 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
/** The seat of the single-seat scope: an ordinary seat with about 2 % of the cases. */
export const BENCH_SEAT = 'S07';

const FROM = Date.parse('2019-01-01T00:00:00+08:00');
const TO = Date.parse('2026-01-01T00:00:00+08:00');

/** Busy seats first: a seat's share falls off like 1/(rank + 6), so S01 has ~6 %, S40 ~1 %. */
const SEAT_WEIGHTS = CASE_SEATS.map((value, i) => ({ value, weight: 1 / (i + 6) }));

/** Jilin's main subjects first (the head of the Zipf draw), then the rest of the vocabulary. */
const HEAD_SUBJECTS = ['玉米', '水稻', '大豆', '生猪', '肉牛', '人参', '马铃薯', '鸡', '黄瓜', '羊', '番茄', '白菜'];

const OPENERS = ['我家', '俺家', '我们家', '我们村', '我种的', '家里', '我', '老乡问，', '', '大姐问，', '我们那儿'];
const CROP_PARTS = ['叶子上', '叶子', '叶片', '苗', '秆子', '穗子'];
const PART_TROUBLES = [
  '发黄',
  '一条一条的黄斑',
  '打蔫',
  '卷了',
  '干尖',
  '有白点',
  '长虫子了',
  '发红',
  '起黑斑',
  '有虫眼',
];
/** Whole symptoms (the KB generator's) and the same troubles said of a part of the plant. */
const cropTrouble = (rng: Rng): string =>
  rng.chance(0.5) ? rng.zipf(cropFamily.symptoms) : `${rng.pick(CROP_PARTS)}${rng.zipf(PART_TROUBLES)}`;
const ANIMAL_TROUBLES = [...livestockFamily.symptoms, '突然死了两头', '不爱动', '眼睛流泪', '身上起疙瘩', '喘'];
const ASKS = [
  '咋整',
  '怎么防治？',
  '该打什么药？',
  '还能补救吗？',
  '用什么肥料好？',
  '是什么病？',
  '有啥办法',
  '咋回事',
  '能治不',
  '需要请专家来看吗？',
];
const ASIDES = ['前几天刚下过雨', '去年也这样', '邻居家的倒没事', '今年特别旱', '打过一遍药了', '刚追完肥'];
const CLOSINGS = ['', '', '如不见好请再来电。', '具体用量请按产品标签。', '已告知注意安全用药。', '已发短信提醒。'];
const OPERATORS = ['张丽', '李强', '王芳', '赵敏', '刘洋', '陈静', '杨帆', '孙悦', '周婷', '吴刚', '郑红', '马超'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '孙', '周', '吴', '徐', '朱'];
const GIVEN = ['大山', '秀英', '铁柱', '桂兰', '国华', '建军', '丽', '强', '春花', '志刚', '淑珍', '长海'];

const STATUS_OLD: readonly { value: Status; weight: number }[] = [
  { value: 'archived', weight: 60 },
  { value: 'closed', weight: 30 },
  { value: 'answered', weight: 8 },
  { value: 'awaiting_callback', weight: 2 },
];

/** A village with its town, as a caller says where they are calling from. */
export type Village = { readonly code: string; readonly name: string; readonly town: string };

export type CaseVocabulary = { readonly vocabulary: Vocabulary; readonly villages: readonly Village[] };

/** The KB generator's vocabularies and Jilin's villages (data/regions/jilin-villages.csv, not 社区). */
export function loadCaseVocabulary(dataDir: string): CaseVocabulary {
  const rows = fs
    .readFileSync(path.join(dataDir, 'regions', 'jilin-villages.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const towns = new Map(rows.filter((r) => r[3] === '4').map((r) => [r[0]!, r[1]!]));
  const villages = rows
    .filter((r) => r[3] === '5' && r[1]!.endsWith('村委会'))
    .map(([code, name, parent]) => ({ code: code!, name: name!.replace(/委会$/, ''), town: towns.get(parent!) ?? '' }));
  return { vocabulary: loadVocabulary(dataDir), villages };
}

export type CaseGenerator = {
  /** Case `index` (0-based) of a run of `total`: the same object for the same seed and index. */
  caseAt(index: number): ServerInquiry;
};

export function caseGenerator({ vocabulary, villages }: CaseVocabulary, seed: number, total: number): CaseGenerator {
  const { terms } = vocabulary;
  const crops = unique([...HEAD_SUBJECTS.filter((s) => vocabulary.crops.includes(s)), ...vocabulary.crops]);
  const animals = unique([...HEAD_SUBJECTS.filter((s) => vocabulary.animals.includes(s)), ...vocabulary.animals]);
  const subjects = unique([...HEAD_SUBJECTS, ...vocabulary.crops, ...vocabulary.animals]);
  const counties = vocabulary.places.filter((p) => p.code.length === 6);
  const span = (TO - FROM) / Math.max(total, 1);

  const cropCase = (rng: Rng, subject: string, place: string) => {
    const names = vocabulary.otherNames.get(subject) ?? [];
    const said = names.length > 0 && rng.chance(0.3) ? rng.pick(names) : subject;
    const disease = rng.chance(0.5) ? rng.zipf(terms.cropDisease) : rng.zipf(terms.pest);
    const guess = rng.chance(0.25) ? `，是不是${disease}` : '';
    const aside = rng.chance(0.3) ? `，${rng.pick(ASIDES)}` : '';
    const acres = rng.chance(0.4) ? `${rng.int(3, 200)}亩` : '';
    if (rng.chance(0.1)) {
      const weed = rng.zipf(terms.weed);
      return {
        question: `${place}${said}地里${weed}${rng.pick(['太多了', '除不干净', '又冒出来了'])}，${rng.pick(['用啥除草剂', '咋整', '怎么除'])}`,
        answer: `${weed}可在苗后早期用${rng.zipf(terms.pesticide)}防除，注意避开${subject}敏感期，不要随意加大用量。`,
      };
    }
    const question = `${place}${rng.pick(OPENERS)}${acres}${said}${cropTrouble(rng)}${aside}${guess}，${rng.pick(ASKS)}`;
    const remedy = rng.zipf(terms.pesticide);
    const answers = [
      () => `疑似${disease}。建议用${remedy}按标签用量兑水喷雾，${rng.int(5, 10)}天一次，连喷${rng.int(2, 3)}次。`,
      () => `多半是缺肥或根系受损，建议追施${rng.zipf(terms.fertilizer)}每亩${rng.int(5, 20)}公斤，雨后及时排水。`,
      () => `建议拍照发给12316，已转${rng.pick(counties).name}农业技术推广中心专家上门查看。`,
      () => `${subject}出现这种情况多和低温干旱有关，先加强田间管理，发现${disease}再用${remedy}防治。`,
      () => '',
    ];
    return { question, answer: rng.weighted(answers.map((value, i) => ({ value, weight: [5, 3, 2, 2, 1][i]! })))() };
  };

  const animalCase = (rng: Rng, subject: string, place: string) => {
    const disease = rng.zipf(terms.animalDisease);
    const head = rng.chance(0.5) ? `${rng.int(2, 300)}头` : '';
    const question = `${place}${rng.pick(OPENERS)}${head}${subject}${rng.zipf(ANIMAL_TROUBLES)}，${rng.pick(ASKS)}`;
    const answers = [
      () => `可能是${disease}，先隔离病畜，可用${rng.zipf(terms.vetDrug)}治疗，必要时联系当地兽医站。`,
      () => `建议请${rng.pick(counties).name}动物疫病预防控制中心上门诊断，不要自行宰杀出售。`,
      () => `注意圈舍保暖通风，饲料不要突然更换，观察两三天，不见好转请兽医诊治。`,
      () => '',
    ];
    return { question, answer: rng.weighted(answers.map((value, i) => ({ value, weight: [5, 2, 3, 1][i]! })))() };
  };

  const policyCase = (rng: Rng, place: string) => {
    const policy = rng.zipf(terms.policy);
    const question = `${place}${rng.pick(['想问问', '请问', '俺想问'])}${policy}${rng.pick(['怎么申请', '今年发了没有', '找谁办', '标准是多少'])}`;
    const answer = `${policy}请向户籍所在乡镇农业站咨询，携带身份证和土地承包合同办理。`;
    return { question, answer };
  };

  return {
    caseAt(index) {
      const rng = Rng.forItem(seed, index);
      const village = rng.pick(villages);
      const place = rng.chance(0.35) ? `我是${village.town}${village.name}的，` : '';
      const kind = rng.weighted([
        { value: 'crop', weight: 70 },
        { value: 'animal', weight: 22 },
        { value: 'policy', weight: 8 },
      ] as const);
      let subject: string | null;
      let category: Category;
      let text: { question: string; answer: string };
      if (kind === 'policy') {
        subject = null;
        category = '惠农政策';
        text = policyCase(rng, place);
      } else {
        // Mostly the head of one list (玉米 for crops), sometimes any subject.
        subject = kind === 'crop' ? rng.zipf(crops) : rng.zipf(animals);
        if (rng.chance(0.1)) subject = rng.zipf(subjects);
        const isAnimal = vocabulary.animals.includes(subject);
        category = isAnimal ? '畜牧兽医' : rng.chance(0.6) ? '植物保护-病虫害' : '种植业-粮食作物';
        text = isAnimal ? animalCase(rng, subject, place) : cropCase(rng, subject, place);
      }
      const closing = text.answer ? rng.pick(CLOSINGS) : '';
      const created = new Date(Math.floor(FROM + (index + rng.next()) * span));
      const at = created.toISOString();
      const seatCode = rng.weighted(SEAT_WEIGHTS);
      const toExpert = rng.chance(0.15);
      return {
        id: uuidOf(rng),
        caseNo: formatCaseNumber(seatCode, caseDay(created), (index % 9999) + 1),
        seatCode,
        operator: rng.pick(OPERATORS),
        callerPhone: `13${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
        callerName: rng.chance(0.8) ? rng.pick(SURNAMES) + rng.pick(GIVEN) : null,
        regionCode: village.code,
        channel: rng.chance(0.9) ? 'phone' : 'web',
        category,
        subject,
        question: text.question,
        answer: text.answer + closing,
        status: rng.weighted(STATUS_OLD),
        priority: 'normal',
        expertId: toExpert ? `demo-e${String(rng.int(1, 30)).padStart(3, '0')}` : null,
        departmentId: null,
        kbArticleId: null,
        createdAt: at,
        updatedAt: at,
        callStartedAt: at,
        callDurationSec: rng.int(30, 900),
        version: 1,
      };
    },
  };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** A random (version 4) UUID from the case's own stream, as seats make them. */
function uuidOf(rng: Rng): string {
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(rng.next() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
