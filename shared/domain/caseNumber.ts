/**
 * Case numbers an operator can read over the phone and that are unique without a server:
 * `{seatCode}-{yyMMdd}-{nnnn}`, the day taken in China time (UTC+8, no daylight saving).
 */
export const SEAT_CODE = /^[A-Z][A-Z0-9]{1,7}$/;
const CASE_NUMBER = /^([A-Z][A-Z0-9]{1,7})-(\d{6})-(\d{4,})$/;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The China-time calendar day of an instant as `yyMMdd`. */
export function caseDay(at: Date): string {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  const yy = String(local.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

export function formatCaseNumber(seatCode: string, day: string, serial: number): string {
  if (!SEAT_CODE.test(seatCode)) throw new Error(`invalid seat code ${seatCode}`);
  if (!/^\d{6}$/.test(day)) throw new Error(`invalid case day ${day}`);
  if (!Number.isInteger(serial) || serial < 1) throw new Error(`invalid case serial ${serial}`);
  return `${seatCode}-${day}-${String(serial).padStart(4, '0')}`;
}

export function parseCaseNumber(value: string): { seatCode: string; day: string; serial: number } | null {
  const m = CASE_NUMBER.exec(value);
  if (!m) return null;
  return { seatCode: m[1]!, day: m[2]!, serial: Number(m[3]) };
}
