import { afterEach, describe, expect, it } from 'vitest';
import { InquiryListQuery } from '../../../shared/domain/inquiry';
import { CATEGORIES } from '../../../shared/domain/categories';
import { STATUSES } from '../../../shared/domain/status';
import type { In } from '../../../shared/contract/contract';
import { DENSE_MATCHES } from './inquiryQueries';
import type { StoredInquiry } from './inquiryRepo';
import { openTempStore } from './tempStore';

let temp: ReturnType<typeof openTempStore>;
afterEach(() => temp?.cleanup());

const SUBJECTS = ['玉米', '水稻', '生猪'];

/** More cases than DENSE_MATCHES, with timestamps that collide, so both page plans are exercised. */
function seed(n: number): void {
  temp.store.transaction(() => {
    for (let k = 0; k < n; k++) {
      const at = new Date(Date.UTC(2026, 10, 1) + Math.floor(k / 3) * 60_000).toISOString();
      const inquiry: StoredInquiry = {
        id: `case-${k}`,
        caseNo: `S01-261101-${String(k + 1).padStart(4, '0')}`,
        seatCode: 'S01',
        operator: k % 2 ? '张丽' : '李强',
        callerPhone: `1380000${String(k % 500).padStart(4, '0')}`,
        callerName: null,
        regionCode: k % 4 === 0 ? '220113' : '2202',
        channel: 'phone',
        category: CATEGORIES[k % CATEGORIES.length]!,
        subject: SUBJECTS[k % 3]!,
        question: `${SUBJECTS[k % 3]}${k % 5 === 0 ? '叶片发黄' : '长势弱'}怎么办`,
        answer: '',
        status: STATUSES[k % STATUSES.length]!,
        priority: 'normal',
        expertId: null,
        departmentId: null,
        kbArticleId: null,
        createdAt: at,
        updatedAt: at,
        callStartedAt: null,
        callDurationSec: null,
        version: 1,
      };
      temp.store.search.put(temp.store.inquiries.insert(inquiry), inquiry);
    }
  });
}

const QUERIES: In<'inquiry:list'>[] = [
  {},
  { offset: 250, limit: 40 },
  { text: '玉米' },
  { text: '叶片发黄', offset: 30, limit: 20 },
  { text: '黄' },
  { text: '0042' },
  { statuses: ['intake', 'answered'] },
  { categories: ['畜牧兽医'] },
  { regionCode: '22' },
  { regionCode: '220113', text: '长势' },
  { operator: '张丽', from: '2026-11-01T05:00:00Z', to: '2026-11-01T09:00:00Z' },
];

describe('case-list page plans', () => {
  it.each(QUERIES)('walking by time and using indexes give the same page for %j', (query) => {
    temp = openTempStore();
    seed(DENSE_MATCHES + 500);
    const q = InquiryListQuery.parse(query);
    const byIndex = temp.store.queries.page(q, 'byIndex').map((i) => i.id);
    const byTime = temp.store.queries.page(q, 'byTime').map((i) => i.id);
    expect(byTime).toEqual(byIndex);
    expect(temp.store.queries.list(q).items.map((i) => i.id)).toEqual(byIndex);
  });

  it('counts a text-only search the same way as a filtered one', () => {
    temp = openTempStore();
    seed(300);
    const textOnly = temp.store.queries.list(InquiryListQuery.parse({ text: '玉米' })).total;
    const withFilter = temp.store.queries.list(
      InquiryListQuery.parse({ text: '玉米', from: '2000-01-01T00:00:00Z' }),
    ).total;
    expect(textOnly).toBe(100);
    expect(withFilter).toBe(textOnly);
  });

  it('finds an edited case by its new text only', () => {
    temp = openTempStore();
    seed(3);
    const before = temp.store.inquiries.get('case-0')!;
    const { rowid, regionName: _r, pendingSync: _p, ...stored } = before;
    const next = { ...stored, question: '大豆根腐病', version: 2 };
    temp.store.transaction(() => {
      temp.store.inquiries.update(next, 1);
      temp.store.search.put(rowid, next);
    });
    const ids = (text: string) => temp.store.queries.list(InquiryListQuery.parse({ text })).items.map((i) => i.id);
    expect(ids('根腐')).toEqual(['case-0']);
    expect(ids('叶片发黄')).toEqual([]);
  });
});
