import { type Kysely } from 'kysely';
import { type Scope } from '../../shared/sync/auth';
import { addDigest, type Digest, digestChecksum, EMPTY_DIGEST, rowDigest } from '../../shared/sync/checksum';
import { type ServerDatabase } from './schema';

/** The scope columns of a case, which decide the digests it counts in. */
type ScopedRow = {
  id: string;
  rowVersion: number;
  seatCode: string;
  expertId: string | null;
  departmentId: string | null;
};

/**
 * Running digests of (id, rowVersion) per scope key — everything, each seat code, each expert,
 * each department — so a pull's checksum (DESIGN.md §6 rule 2) costs a few key reads instead of a
 * scan of the scope, which for a supervisor's seat is every case ever recorded.
 */
export function scopeKeys(row: Pick<ScopedRow, 'seatCode' | 'expertId' | 'departmentId'>): string[] {
  return [
    'all',
    `seat:${row.seatCode}`,
    ...(row.expertId ? [`expert:${row.expertId}`] : []),
    ...(row.departmentId ? [`department:${row.departmentId}`] : []),
  ];
}

export function keysOfScope(scope: Scope): string[] {
  switch (scope.kind) {
    case 'all':
      return ['all'];
    case 'seats':
      return scope.seatCodes.map((code) => `seat:${code}`);
    case 'expert':
      return [`expert:${scope.expertId}`];
    case 'department':
      return [`department:${scope.departmentId}`];
  }
}

/** Changes to the digests collected over one push transaction, written once at its end. */
export function digestChanges() {
  const pending = new Map<string, Digest>();
  const add = (row: ScopedRow, sign: 1 | -1) => {
    const d = rowDigest(row.id, row.rowVersion);
    for (const key of scopeKeys(row)) pending.set(key, addDigest(pending.get(key) ?? EMPTY_DIGEST, d, sign));
  };
  return {
    /** A case's row image replaced `previous` (null for a new case). */
    replaced(previous: ScopedRow | null, next: ScopedRow): void {
      if (previous) add(previous, -1);
      add(next, 1);
    },
    async flush(trx: Kysely<ServerDatabase>): Promise<void> {
      if (pending.size === 0) return;
      const current = await readDigests(trx, [...pending.keys()]);
      const rows = [...pending].map(([key, delta]) => {
        const total = addDigest(current.get(key) ?? EMPTY_DIGEST, delta);
        return { scope_key: key, row_count: total.count, a: total.a, b: total.b };
      });
      await trx
        .insertInto('scope_digest')
        .values(rows)
        .onConflict((oc) =>
          oc.column('scope_key').doUpdateSet((eb) => ({
            row_count: eb.ref('excluded.row_count'),
            a: eb.ref('excluded.a'),
            b: eb.ref('excluded.b'),
          })),
        )
        .execute();
      pending.clear();
    },
  };
}

async function readDigests(db: Kysely<ServerDatabase>, keys: readonly string[]): Promise<Map<string, Digest>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('scope_digest')
    .select(['scope_key', 'row_count', 'a', 'b'])
    .where('scope_key', 'in', keys)
    .execute();
  return new Map(rows.map((r) => [r.scope_key, { count: Number(r.row_count), a: Number(r.a), b: Number(r.b) }]));
}

/** The checksum of everything in `scope`, from the running digests. */
export async function scopeChecksumOf(
  db: Kysely<ServerDatabase>,
  scope: Scope,
): Promise<{ count: number; hash: string }> {
  const digests = await readDigests(db, keysOfScope(scope));
  return digestChecksum([...digests.values()].reduce((sum, d) => addDigest(sum, d), EMPTY_DIGEST));
}
