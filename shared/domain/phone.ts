import { z } from 'zod';

export const PHONE_UNKNOWN = 'unknown';

export type PhoneKind = 'mobile' | 'landline' | 'unknown';
export type NormalizedPhone = { kind: PhoneKind; value: string };

/** Why a typed number was refused; the UI maps each to an operator message. */
export type PhoneProblem = 'empty' | 'bad_chars' | 'bad_mobile' | 'bad_landline' | 'bad_length';

const MOBILE = /^1[3-9]\d{9}$/;
// Beijing (010) and the 02x cities have 3-digit area codes; every other area code has 4 digits.
const THREE_DIGIT_AREA = /^(010|02\d)/;
const LOCAL_NUMBER = /^[2-9]\d{6,7}$/;

/**
 * Normalises what an operator typed (spaces, dashes, +86 / 0086 prefix, full-width digits) into
 * a mobile `13812345678`, a landline `0431-85551234`, or `unknown` for a withheld number.
 */
export function normalizePhone(
  raw: string,
): { ok: true; phone: NormalizedPhone } | { ok: false; problem: PhoneProblem } {
  const trimmed = toHalfWidth(raw).trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (trimmed.toLowerCase() === PHONE_UNKNOWN) return { ok: true, phone: { kind: 'unknown', value: PHONE_UNKNOWN } };
  if (!/^\+?[\d\s\-()]+$/.test(trimmed)) return { ok: false, problem: 'bad_chars' };

  let digits = trimmed.replace(/[\s\-()]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('+')) return { ok: false, problem: 'bad_chars' };

  if (digits.startsWith('1')) {
    if (digits.length !== 11) return { ok: false, problem: 'bad_length' };
    return MOBILE.test(digits)
      ? { ok: true, phone: { kind: 'mobile', value: digits } }
      : { ok: false, problem: 'bad_mobile' };
  }
  if (digits.startsWith('0')) {
    const areaLength = THREE_DIGIT_AREA.test(digits) ? 3 : 4;
    const area = digits.slice(0, areaLength);
    const local = digits.slice(areaLength);
    if (!/^0[1-9]\d+$/.test(area) || !LOCAL_NUMBER.test(local)) return { ok: false, problem: 'bad_landline' };
    return { ok: true, phone: { kind: 'landline', value: `${area}-${local}` } };
  }
  return { ok: false, problem: 'bad_length' };
}

/** True once the operator has typed enough digits for the number to be complete and valid. */
export function isCompletePhone(raw: string): boolean {
  return normalizePhone(raw).ok;
}

/** Masks a number for logs and for roles that do not need it: 138****5678, 0431-****1234. */
export function maskPhone(value: string): string {
  if (MOBILE.test(value)) return `${value.slice(0, 3)}****${value.slice(7)}`;
  const dash = value.indexOf('-');
  if (dash > 0) return `${value.slice(0, dash)}-****${value.slice(-4)}`;
  return value === PHONE_UNKNOWN ? value : '****';
}

export const PHONE_PROBLEM_MESSAGES: Record<PhoneProblem, string> = {
  empty: '请输入来电号码；号码隐藏时请勾选“号码隐藏”',
  bad_chars: '号码只能包含数字、空格、短横线或 +86 前缀',
  bad_mobile: '手机号应为 11 位，以 13–19 开头',
  bad_landline: '固定电话应为区号加 7–8 位号码，例如 0431-85551234',
  bad_length: '号码位数不对：手机号 11 位，固话需带区号',
};

/** A caller phone as it crosses a boundary: any typed form in, the normalised value out. */
export const CallerPhone = z
  .string()
  .max(40)
  .transform((raw, ctx) => {
    const result = normalizePhone(raw);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: PHONE_PROBLEM_MESSAGES[result.problem] });
      return z.NEVER;
    }
    return result.phone.value;
  });

/** Full-width digits and symbols (１３８－) are common from Chinese IMEs. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
