import { describe, expect, it } from 'vitest';
import { caseDay, formatCaseNumber, parseCaseNumber } from './caseNumber';

describe('the China-time day of a case', () => {
  it.each([
    ['2026-11-28T15:59:59.999Z', '261128'],
    ['2026-11-28T16:00:00.000Z', '261129'],
    ['2026-11-27T16:00:00.000Z', '261128'],
    ['2026-12-31T16:00:00.000Z', '270101'],
    ['2028-02-28T16:30:00.000Z', '280229'],
    ['2000-01-01T00:00:00.000Z', '000101'],
  ])('%s is %s in China', (iso, day) => {
    expect(caseDay(new Date(iso))).toBe(day);
  });
});

describe('case numbers', () => {
  it('pads the serial to four digits and keeps growing past 9999', () => {
    expect(formatCaseNumber('S01', '261128', 1)).toBe('S01-261128-0001');
    expect(formatCaseNumber('S01', '261128', 42)).toBe('S01-261128-0042');
    expect(formatCaseNumber('JL0431', '261128', 9999)).toBe('JL0431-261128-9999');
    expect(formatCaseNumber('S01', '261128', 10000)).toBe('S01-261128-10000');
  });

  it.each([
    ['s01', '261128', 1],
    ['S', '261128', 1],
    ['S01', '2611', 1],
    ['S01', '261128', 0],
    ['S01', '261128', 1.5],
  ] as const)('refuses to format %s / %s / %s', (seat, day, serial) => {
    expect(() => formatCaseNumber(seat, day, serial)).toThrow();
  });

  it('parses what it formats', () => {
    expect(parseCaseNumber('S01-261128-0042')).toEqual({ seatCode: 'S01', day: '261128', serial: 42 });
    expect(parseCaseNumber(formatCaseNumber('JL0431', '270101', 12345))).toEqual({
      seatCode: 'JL0431',
      day: '270101',
      serial: 12345,
    });
  });

  it.each(['', 'S01-261128-42', 's01-261128-0001', 'S01-2611-0001', 'S01_261128_0001', 'S01-261128-0001 '])(
    'does not parse %j',
    (v) => {
      expect(parseCaseNumber(v)).toBeNull();
    },
  );
});
