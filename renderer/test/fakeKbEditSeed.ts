import { KbDraft, type KbArticleDetail, type KbPerson, type KbReviewReason } from '../../shared/domain/kbServer';

/** One published version as the fake server keeps it. */
export type Version = {
  version: number;
  draft: KbDraft;
  action: 'seed' | 'publish' | 'rollback';
  restoredFrom: number | null;
  by: KbPerson;
  at: string;
  note: string | null;
};

/** An article with its working copy and versions, as the server's kb_article row holds them. */
export type Row = {
  id: string;
  status: KbArticleDetail['status'];
  revision: number;
  publishedVersion: number | null;
  draft: KbDraft | null;
  owner: KbPerson | null;
  author: KbPerson;
  reviewer: KbPerson | null;
  reviewNote: string | null;
  sourceInquiryId: string | null;
  due: KbReviewReason | null;
  lastReviewedAt: string;
  createdAt: string;
  updatedAt: string;
  versions: Version[];
};

const SEEDED: KbPerson = { id: 'u-admin', name: '系统导入' };
const SUPERVISOR: KbPerson = { id: 'u-sup1', name: '孙秀梅' };
const EXPERT: KbPerson = { id: 'u-exp1', name: '王立新' };
const AT = '2026-10-01T02:00:00.000Z';

export const draft = (d: Partial<KbDraft> & Pick<KbDraft, 'title' | 'answer' | 'category'>): KbDraft =>
  KbDraft.parse(d);

const DABAN = {
  title: '玉米大斑病怎么防治？',
  category: '植物保护-病虫害',
  tags: ['大斑病', '病斑'],
  subjects: ['玉米'],
  season: '夏' as const,
  reviewEachSeason: true,
};

const PIG = {
  title: '生猪不吃食怎么办？',
  answer: '先测体温，体温升高要及时请兽医诊治，不要自行乱用抗生素。',
  category: '畜牧兽医',
  tags: ['厌食'],
  subjects: ['生猪'],
};

/** 玉米大斑病 as published three times: v1 names another fungicide and one tag fewer. */
function dabanVersion(
  version: number,
  action: Version['action'],
  by: KbPerson,
  note: string | null,
  answer: string,
): Version {
  const tags = version === 1 ? ['大斑病'] : DABAN.tags;
  return { version, action, restoredFrom: null, by, at: AT, note, draft: draft({ ...DABAN, answer, tags }) };
}

/** The articles the fake server starts with: live ones (one with three versions, one expired), an open revision and a new draft in review. */
export function seedRows(): Row[] {
  const base = { reviewer: null, reviewNote: null, sourceInquiryId: null, due: null, draft: null };
  const times = { lastReviewedAt: AT, createdAt: AT, updatedAt: AT };
  return [
    {
      ...base,
      ...times,
      id: 'kb-0101',
      status: 'published',
      revision: 3,
      publishedVersion: 3,
      owner: null,
      author: SEEDED,
      versions: [
        dabanVersion(1, 'seed', SEEDED, null, '玉米大斑病叶片上出现长梭形灰褐色病斑。发病初期喷施多菌灵。'),
        dabanVersion(
          2,
          'publish',
          SUPERVISOR,
          '更新用药建议',
          '玉米大斑病叶片上出现长梭形灰褐色病斑。发病初期可喷施苯醚甲环唑。',
        ),
        dabanVersion(
          3,
          'publish',
          SUPERVISOR,
          '更新用药建议',
          '玉米大斑病叶片上出现长梭形灰褐色病斑。发病初期可喷施苯醚甲环唑，间隔7到10天再喷一次。',
        ),
      ],
    },
    {
      ...base,
      ...times,
      id: 'kb-0201',
      status: 'published',
      revision: 1,
      publishedVersion: 1,
      owner: EXPERT,
      author: EXPERT,
      due: 'expired',
      versions: [
        {
          version: 1,
          action: 'publish',
          restoredFrom: null,
          by: SUPERVISOR,
          at: AT,
          note: null,
          draft: draft({
            title: '水稻稻瘟病如何防治？',
            answer: '稻瘟病要以预防为主，抽穗前后喷施三环唑。',
            category: '植物保护-病虫害',
            subjects: ['水稻'],
            regions: ['220113'],
            season: '夏',
            validUntil: '2026-10-31',
          }),
        },
      ],
    },
    {
      ...base,
      ...times,
      id: 'kb-0301',
      status: 'in_review',
      revision: 4,
      publishedVersion: 1,
      owner: EXPERT,
      author: EXPERT,
      draft: draft({ ...PIG, answer: `${PIG.answer}猪圈要通风保暖。`, tags: ['厌食', '发烧'] }),
      versions: [
        { version: 1, action: 'publish', restoredFrom: null, by: SUPERVISOR, at: AT, note: null, draft: draft(PIG) },
      ],
    },
    {
      ...base,
      ...times,
      id: 'kb-e-0001',
      status: 'in_review',
      revision: 2,
      publishedVersion: null,
      owner: EXPERT,
      author: EXPERT,
      draft: draft({
        title: '大豆根腐病怎么防治？',
        answer: '播种前用咯菌腈拌种，低洼地块注意排水。',
        category: '植物保护-病虫害',
        subjects: ['大豆'],
        season: '春',
      }),
      versions: [],
    },
  ];
}
