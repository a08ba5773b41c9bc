import { describe, expect, it } from 'vitest';
import { InquiryInput, InquiryListQuery, InquiryUpdate } from './inquiry';

const valid = {
  callerPhone: '+86 138 1234 5678',
  channel: 'phone',
  category: '畜牧兽医',
  question: '  猪不吃食，发烧  ',
};

describe('a new inquiry from the intake form', () => {
  it('normalises the phone, fills defaults and turns blank optional text into null', () => {
    expect(InquiryInput.parse({ ...valid, callerName: '   ', subject: '' })).toEqual({
      callerPhone: '13812345678',
      callerName: null,
      regionCode: null,
      channel: 'phone',
      category: '畜牧兽医',
      subject: null,
      question: '  猪不吃食，发烧  ',
      answer: '',
      priority: 'normal',
      expertId: null,
      departmentId: null,
      kbArticleId: null,
      status: 'intake',
      note: null,
      callStartedAt: null,
      callDurationSec: null,
    });
  });

  it.each([
    [{ question: '   ' }, '请填写问题描述'],
    [{ question: '问'.repeat(4001) }, '问题描述不能超过 4000 个字'],
    [{ callerPhone: '123' }, '号码位数不对'],
    [{ category: '天文' }, '请选择问题分类'],
    [{ channel: 'fax' }, '请选择受理渠道'],
    [{ regionCode: '22011' }, '区划代码应为 2、4、6、9 或 12 位'],
    [{ regionCode: '22a1' }, '区划代码只能是数字'],
    [{ callerName: '名'.repeat(41) }, '来电人姓名不能超过 40 个字'],
    [{ callStartedAt: 'yesterday' }, '时间格式不正确'],
  ])('refuses %j with a Chinese reason', (patch, message) => {
    const result = InquiryInput.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join('；')).toContain(message);
  });

  it('refuses fields it does not know and statuses a new case cannot start in', () => {
    expect(InquiryInput.safeParse({ ...valid, version: 3 }).success).toBe(false);
    expect(InquiryInput.safeParse({ ...valid, status: 'archived' }).success).toBe(false);
    expect(InquiryInput.safeParse({ ...valid, status: 'answered', answer: '隔离' }).success).toBe(true);
  });

  it('refuses a negative or day-long call duration', () => {
    expect(InquiryInput.safeParse({ ...valid, callDurationSec: -1 }).success).toBe(false);
    expect(InquiryInput.safeParse({ ...valid, callDurationSec: 86_401 }).success).toBe(false);
    expect(InquiryInput.safeParse({ ...valid, callDurationSec: 95 }).success).toBe(true);
  });
});

describe('an edit of a saved case', () => {
  const id = '01900000-0000-7000-8000-000000000000';

  it('needs at least one change or a note', () => {
    const result = InquiryUpdate.safeParse({ id, expectedVersion: 1, changes: {} });
    expect(result.error?.issues[0]?.message).toBe('没有需要保存的修改');
    expect(InquiryUpdate.safeParse({ id, expectedVersion: 1, note: '   ' }).success).toBe(false);
    expect(InquiryUpdate.parse({ id, expectedVersion: 1, note: '农户再次来电催问' }).changes).toEqual({});
  });

  it('keeps unchanged fields undefined and clears a field given as blank', () => {
    const parsed = InquiryUpdate.parse({ id, expectedVersion: 2, changes: { subject: ' ' } });
    expect(parsed.changes).toEqual({ subject: null });
  });

  it('refuses a bad id, version or unknown field', () => {
    expect(InquiryUpdate.safeParse({ id: 'x', expectedVersion: 1, changes: { subject: '猪' } }).success).toBe(false);
    expect(InquiryUpdate.safeParse({ id, expectedVersion: 0, changes: { subject: '猪' } }).success).toBe(false);
    expect(InquiryUpdate.safeParse({ id, expectedVersion: 1, changes: { caseNo: 'S01-261128-0001' } }).success).toBe(
      false,
    );
  });
});

describe('a case-list query', () => {
  it('defaults to the first page of 100', () => {
    expect(InquiryListQuery.parse({})).toEqual({ offset: 0, limit: 100 });
  });

  it('caps search text at 100 characters and page size at 500', () => {
    expect(InquiryListQuery.safeParse({ text: '玉'.repeat(101) }).error?.issues[0]?.message).toBe(
      '搜索内容不能超过 100 个字',
    );
    expect(InquiryListQuery.safeParse({ limit: 501 }).success).toBe(false);
  });
});
