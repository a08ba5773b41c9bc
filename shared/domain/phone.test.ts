import { describe, expect, it } from 'vitest';
import { CallerPhone, isCompletePhone, maskPhone, normalizePhone, PHONE_PROBLEM_MESSAGES } from './phone';

const value = (raw: string) => {
  const r = normalizePhone(raw);
  return r.ok ? r.phone : r.problem;
};

describe('normalising a typed phone number', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['＋８６　１３８１２３４５６７８', '13812345678'],
    ['  19912345678  ', '19912345678'],
  ])('reads the mobile %j as %s', (raw, expected) => {
    expect(value(raw)).toEqual({ kind: 'mobile', value: expected });
  });

  it.each([
    ['0431-85551234', '0431-85551234'],
    ['043185551234', '0431-85551234'],
    ['(0431) 8555 1234', '0431-85551234'],
    ['0432-6123456', '0432-6123456'],
    ['010-62345678', '010-62345678'],
    ['01062345678', '010-62345678'],
    ['021 5123 4567', '021-51234567'],
    ['+86 431 85551234', 'bad_length'],
    ['+86 0431 85551234', '0431-85551234'],
    ['０４３１－８５５５１２３４', '0431-85551234'],
  ])('reads the landline %j with its area code', (raw, expected) => {
    const r = value(raw);
    if (expected.includes('-')) expect(r).toEqual({ kind: 'landline', value: expected });
    else expect(r).toBe(expected);
  });

  it.each(['unknown', 'UNKNOWN', ' Unknown '])('accepts %j for a withheld number', (raw) => {
    expect(value(raw)).toEqual({ kind: 'unknown', value: 'unknown' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['138abc45678', 'bad_chars'],
    ['电话13812345678', 'bad_chars'],
    ['+1 650 555 1234', 'bad_chars'],
    ['1381234567', 'bad_length'],
    ['138123456789', 'bad_length'],
    ['12812345678', 'bad_mobile'],
    ['10012345678', 'bad_mobile'],
    ['0431-1234567', 'bad_landline'],
    ['0431-123', 'bad_landline'],
    ['0431-855512345', 'bad_landline'],
    ['00431-85551234', 'bad_landline'],
    ['85551234', 'bad_length'],
  ])('refuses %j (%s)', (raw, problem) => {
    expect(value(raw)).toBe(problem);
  });

  it('knows when the operator has typed a complete number', () => {
    expect(isCompletePhone('138123')).toBe(false);
    expect(isCompletePhone('13812345678')).toBe(true);
    expect(isCompletePhone('0431-8555123')).toBe(true);
  });
});

describe('the CallerPhone schema at a boundary', () => {
  it('outputs the normalised number', () => {
    expect(CallerPhone.parse('+86 138-1234-5678')).toBe('13812345678');
  });

  it('refuses a bad number with a Chinese message saying what a valid one looks like', () => {
    const result = CallerPhone.safeParse('0431-12');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(PHONE_PROBLEM_MESSAGES.bad_landline);
  });

  it('refuses absurdly long input before parsing it', () => {
    expect(CallerPhone.safeParse('1'.repeat(41)).success).toBe(false);
  });
});

describe('masking a number', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['0431-85551234', '0431-****1234'],
    ['010-62345678', '010-****5678'],
    ['unknown', 'unknown'],
    ['12345', '****'],
  ])('shows %s as %s', (raw, masked) => {
    expect(maskPhone(raw)).toBe(masked);
  });
});
