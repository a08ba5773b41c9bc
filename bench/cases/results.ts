import { z } from 'zod';
import { QUERY_KINDS, type QueryKind } from './queryMix';

/**
 * The shape of bench/results/cases.json: per database, per size (`n1e5`, `n1e6`), the load and the
 * search latencies. A number is null when that measurement failed or was not possible (the run prints
 * why); a whole database is null when none of its sizes has numbers.
 */

const num = z.number().nullable();

/** One query kind in one scope: timed calls, latency, hits returned and how the server matched. */
export const KindStats = z.strictObject({
  timed: z.number(),
  p50_ms: num,
  p95_ms: num,
  hits_mean: num,
  zero_hits: z.number(),
  match_all: z.number(),
  match_some: z.number(),
  failed: z.number(),
});
export type KindStats = z.infer<typeof KindStats>;

const ByKind = z.record(
  z.enum(QUERY_KINDS),
  z.strictObject({ center: KindStats.nullable(), seat: KindStats.nullable() }),
);

export const CasesAtSize = z.strictObject({
  /** Cases per second through segmentation + search-index writes. */
  index_rows_per_s: num,
  /** Wall time of the whole load (rows, index, commits), generation excluded. */
  load_s: num,
  /** `rows`: the server's writeCaseWords per case; `bulk`: one multi-row INSERT per batch (PostgreSQL). */
  index_writes: z.enum(['rows', 'bulk']).nullable(),
  db_mb: num,
  /** Scope `all` (a center supervisor), every query kind. */
  search_p50_ms: num,
  search_p95_ms: num,
  search_p99_ms: num,
  /** Scope: one seat (bench/cases/generateCases.ts BENCH_SEAT). */
  seat_search_p50_ms: num,
  seat_search_p95_ms: num,
  seat_search_p99_ms: num,
  by_kind: ByKind.nullable(),
});
export type CasesAtSize = z.infer<typeof CasesAtSize>;

const BySize = z.record(z.string().regex(/^n\d/), CasesAtSize.nullable());
export type BySize = z.infer<typeof BySize>;

export const Machine = z
  .object({
    cpu: z.string(),
    cores: z.number(),
    mem_gb: z.number(),
    node: z.string(),
    sqlite: z.string().nullable(),
    postgres: z.string().nullable(),
  })
  .catchall(z.unknown());
export type Machine = z.infer<typeof Machine>;

export const CasesBenchFile = z.strictObject({
  sqlite: BySize.nullable(),
  postgres: BySize.nullable(),
  machine: Machine,
});
export type CasesBenchFile = z.infer<typeof CasesBenchFile>;

export function emptyAtSize(): CasesAtSize {
  return {
    index_rows_per_s: null,
    load_s: null,
    index_writes: null,
    db_mb: null,
    search_p50_ms: null,
    search_p95_ms: null,
    search_p99_ms: null,
    seat_search_p50_ms: null,
    seat_search_p95_ms: null,
    seat_search_p99_ms: null,
    by_kind: null,
  };
}

export function parseCasesBenchFile(raw: unknown): CasesBenchFile | null {
  const parsed = CasesBenchFile.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * This run's sizes over an earlier file's: sizes not measured now are kept (a `--sizes 1e5` run does
 * not erase the 10^6 numbers); a database with no numbers at any size is null.
 */
export function mergeResults(
  earlier: CasesBenchFile | null,
  now: { sqlite: BySize; postgres: BySize; machine: Machine },
): CasesBenchFile {
  const merge = (before: BySize | null | undefined, after: BySize): BySize | null => {
    const all: BySize = { ...(before ?? {}), ...after };
    const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => sizeOf(a) - sizeOf(b)));
    return Object.values(sorted).some((v) => v !== null) ? sorted : null;
  };
  return {
    sqlite: merge(earlier?.sqlite, now.sqlite),
    postgres: merge(earlier?.postgres, now.postgres),
    machine: now.machine,
  };
}

export function casesBenchFileJson(file: CasesBenchFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function sizeOf(key: string): number {
  return Number(key.slice(1));
}

export function emptyByKind(): Record<QueryKind, { center: KindStats | null; seat: KindStats | null }> {
  return Object.fromEntries(QUERY_KINDS.map((k) => [k, { center: null, seat: null }])) as Record<
    QueryKind,
    { center: KindStats | null; seat: KindStats | null }
  >;
}
