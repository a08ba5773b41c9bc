import type Database from 'better-sqlite3';

/** Per seat and China-time day, the last case serial handed out (`case_counter`). */
export function caseCounterRepo(db: Database.Database) {
  const bump = db.prepare<[string, string], { last: number }>(
    `INSERT INTO case_counter (seat_code, day, last) VALUES (?, ?, 1)
     ON CONFLICT (seat_code, day) DO UPDATE SET last = last + 1
     RETURNING last`,
  );

  return {
    /** Call inside the saving transaction: a rolled-back save gives its serial back. */
    next(seatCode: string, day: string): number {
      const row = bump.get(seatCode, day);
      if (!row) throw new Error('case_counter upsert returned no row');
      return row.last;
    },
  };
}
