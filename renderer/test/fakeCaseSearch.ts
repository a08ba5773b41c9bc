import type { In, Out } from '../../shared/contract/contract';
import { methods } from '../../shared/contract/contract';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { Inquiry } from '../../shared/domain/inquiry';
import type { CaseSearchHit } from '../../shared/domain/kbServer';
import { maskPhone } from '../../shared/domain/phone';

/** Few enough that "加载更多" shows with a handful of cases. */
export const FAKE_SERVER_PAGE = 2;

const hit = (h: Pick<CaseSearchHit, 'id' | 'caseNo' | 'questionExcerpt'> & Partial<CaseSearchHit>): CaseSearchHit => ({
  seatCode: h.caseNo.slice(0, 3),
  createdAt: '2025-06-11T01:20:00.000Z',
  status: 'closed',
  category: '植物保护-病虫害',
  subject: '玉米',
  regionCode: '220113',
  callerPhoneMasked: '139****2345',
  answerExcerpt: '可能是玉米大斑病，及时喷药防治',
  kbArticleId: null,
  ...h,
});

/** A case this seat saved, as the server (after sync) would find it. */
const synced = (i: Inquiry): CaseSearchHit =>
  hit({
    id: i.id,
    caseNo: i.caseNo,
    seatCode: i.seatCode,
    createdAt: i.createdAt,
    status: i.status,
    category: i.category,
    subject: i.subject,
    regionCode: i.regionCode,
    callerPhoneMasked: maskPhone(i.callerPhone),
    questionExcerpt: i.question,
    answerExcerpt: i.answer,
    kbArticleId: i.kbArticleId,
  });

/** Cases only the fake server holds, newest first; none of them is in the fake seat's own list. */
export const FAKE_SERVER_CASES: CaseSearchHit[] = [
  hit({ id: '0190a0b0-0000-7000-8000-0000000000a1', caseNo: 'S02-250611-0003', questionExcerpt: '玉米叶子上有黄斑' }),
  hit({
    id: '0190a0b0-0000-7000-8000-0000000000a2',
    caseNo: 'S03-240702-0011',
    createdAt: '2024-07-02T02:05:00.000Z',
    questionExcerpt: '玉米叶子发黄是缺肥吗',
  }),
  hit({
    id: '0190a0b0-0000-7000-8000-0000000000b1',
    caseNo: 'S02-240301-0007',
    createdAt: '2024-03-01T06:40:00.000Z',
    category: '畜牧兽医',
    subject: '猪',
    questionExcerpt: '猪不吃食发烧',
    answerExcerpt: '',
  }),
  hit({
    id: '0190a0b0-0000-7000-8000-0000000000a3',
    caseNo: 'S01-230815-0042',
    createdAt: '2023-08-15T00:30:00.000Z',
    questionExcerpt: '玉米倒伏怎么办',
  }),
];

/** The server searches a word's synonyms with it, and names them among the words to mark. */
const FAKE_SYNONYMS: Record<string, string[]> = { 苞米: ['玉米'], 玉米: ['苞米'] };

const OFFLINE_MESSAGE = '无法连接中心服务器，只能检索本机工单。请检查网络后重试。';

/**
 * The central server's full-history search as the fake seat answers it: the seat's own cases and
 * some of other seats, newest first. Words separated by spaces (or one of their synonyms) must all
 * occur in the question, paged by cursor (`match: 'all'`); when no case holds them all, every case
 * holding at least one comes on one page, most words first (`match: 'some'`).
 * `setOnline(false)` answers OFFLINE like a seat without network.
 */
export function createFakeCaseSearch(local: () => Inquiry[]) {
  let online = true;
  const handlers: {
    'cases:searchServer': (input: In<'cases:searchServer'>) => Result<Out<'cases:searchServer'>>;
  } = {
    'cases:searchServer': (raw) => {
      const { q, cursor } = methods['cases:searchServer'].input.parse(raw);
      if (!online) return fail('OFFLINE', OFFLINE_MESSAGE);
      const words = [...new Set(q.split(/\s+/).filter((w) => w !== ''))];
      const groups = words.map((w) => [w, ...(FAKE_SYNONYMS[w] ?? [])]);
      const terms = [...new Set(groups.flat())];
      const all = [...local().map(synced), ...FAKE_SERVER_CASES].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const held = (h: CaseSearchHit) => groups.filter((g) => g.some((w) => h.questionExcerpt.includes(w))).length;
      const found = all.filter((h) => held(h) === groups.length);
      if (found.length === 0 && groups.length > 1) {
        // Sorting is stable: among cases holding as many words, the newest stays first.
        const closest = all.filter((h) => held(h) > 0).sort((a, b) => held(b) - held(a));
        return ok({ hits: closest, terms, nextCursor: null, match: 'some' });
      }
      const start = cursor === undefined ? 0 : Number(cursor);
      const end = start + FAKE_SERVER_PAGE;
      return ok({
        hits: found.slice(start, end),
        terms,
        nextCursor: end < found.length ? String(end) : null,
        match: 'all',
      });
    },
  };
  return {
    handlers,
    setOnline: (next: boolean) => {
      online = next;
    },
  };
}
