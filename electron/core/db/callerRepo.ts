import type Database from 'better-sqlite3';

export type Caller = {
  phone: string;
  name: string | null;
  regionCode: string | null;
  firstCallAt: string;
  lastCallAt: string;
  callCount: number;
};

type CallerRow = {
  phone: string;
  name: string | null;
  region_code: string | null;
  first_call_at: string;
  last_call_at: string;
  call_count: number;
};

/** What the seat remembers about a number (`caller`): latest known name and village, first/last call, count. */
export function callerRepo(db: Database.Database) {
  const upsert = db.prepare<[{ phone: string; name: string | null; region_code: string | null; at: string }]>(
    `INSERT INTO caller (phone, name, region_code, first_call_at, last_call_at, call_count)
     VALUES (@phone, @name, @region_code, @at, @at, 1)
     ON CONFLICT (phone) DO UPDATE SET
       name = coalesce(excluded.name, caller.name),
       region_code = coalesce(excluded.region_code, caller.region_code),
       first_call_at = min(caller.first_call_at, excluded.first_call_at),
       last_call_at = max(caller.last_call_at, excluded.last_call_at),
       call_count = caller.call_count + 1`,
  );
  const byPhone = db.prepare<[string], CallerRow>(`SELECT * FROM caller WHERE phone = ?`);

  return {
    /** A name or village left blank on this call keeps what an earlier call recorded. */
    recordCall(call: { phone: string; name: string | null; regionCode: string | null; at: string }): void {
      upsert.run({ phone: call.phone, name: call.name, region_code: call.regionCode, at: call.at });
    },
    get(phone: string): Caller | null {
      const row = byPhone.get(phone);
      if (!row) return null;
      return {
        phone: row.phone,
        name: row.name,
        regionCode: row.region_code,
        firstCallAt: row.first_call_at,
        lastCallAt: row.last_call_at,
        callCount: row.call_count,
      };
    },
  };
}
