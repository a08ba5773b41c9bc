import { describe, expect, it } from 'vitest';
import { reviewDueReason, seasonStart, shanghaiToday } from './reviewDue';

const at = (iso: string) => Date.parse(iso);

describe('review due', () => {
  it('uses the Shanghai calendar for today and for season starts', () => {
    expect(shanghaiToday(at('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(seasonStart(at('2026-11-30T16:30:00Z'))).toBe('2026-11-30T16:00:00.000Z');
    expect(seasonStart(at('2027-02-10T00:00:00Z'))).toBe('2026-11-30T16:00:00.000Z');
    expect(seasonStart(at('2027-04-10T00:00:00Z'))).toBe('2027-02-28T16:00:00.000Z');
  });

  it('is due after the validity date, not on it', () => {
    const v = { valid_until: '2026-11-30', review_each_season: 0, last_reviewed_at: '2026-11-01T00:00:00Z' };
    expect(reviewDueReason(v, at('2026-11-30T12:00:00Z'))).toBeNull();
    expect(reviewDueReason(v, at('2026-11-30T16:00:00Z'))).toBe('expired');
  });

  it('is due each season until reviewed in it', () => {
    const v = { valid_until: null, review_each_season: 1, last_reviewed_at: '2026-11-20T00:00:00.000Z' };
    expect(reviewDueReason(v, at('2026-11-28T00:00:00Z'))).toBeNull();
    expect(reviewDueReason(v, at('2026-12-02T00:00:00Z'))).toBe('season');
    expect(reviewDueReason({ ...v, review_each_season: 0 }, at('2027-06-02T00:00:00Z'))).toBeNull();
  });
});
