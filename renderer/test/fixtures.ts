import type { Inquiry } from '../../shared/domain/inquiry';

/** A case taken two days ago from 13812345678, still with an expert. */
export function earlierCase(overrides: Partial<Inquiry> = {}): Inquiry {
  const at = new Date(Date.now() - 2 * 86_400_000).toISOString();
  return {
    id: '0190a0b0-0000-7000-8000-000000000099',
    caseNo: 'S01-261126-0007',
    seatCode: 'S01',
    operator: '李娜',
    callerPhone: '13812345678',
    callerName: '张德山',
    regionCode: null,
    regionName: null,
    channel: 'phone',
    category: '植物保护-病虫害',
    subject: '水稻',
    question: '水稻叶片出现褐色病斑，像是稻瘟病',
    answer: '',
    status: 'to_expert',
    priority: 'normal',
    expertId: 'x-1',
    departmentId: null,
    kbArticleId: null,
    createdAt: at,
    updatedAt: at,
    callStartedAt: null,
    callDurationSec: null,
    version: 1,
    pendingSync: true,
    ...overrides,
  };
}
