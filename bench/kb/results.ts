import { z } from 'zod';
import type { PeerName } from './protocol';

/** The shape of bench/results/kb.json (issue 4 §8). A number is null when that measurement failed or was not possible. */

const num = z.number().nullable();

export const OursAtSize = z.strictObject({
  build_s: num,
  rows_per_s: num,
  db_mb: num,
  search_p50_ms: num,
  search_p95_ms: num,
  search_p99_ms: num,
  suggest_p95_ms: num,
  rss_mb: num,
  snapshot_install_s: num,
});
export type OursAtSize = z.infer<typeof OursAtSize>;

export const PeerAtSize = z.strictObject({
  build_s: num,
  rows_per_s: num,
  search_p50_ms: num,
  search_p95_ms: num,
  search_p99_ms: num,
  suggest_p95_ms: num,
  rss_mb: num,
});
export type PeerAtSize = z.infer<typeof PeerAtSize>;

const PeersBySize = z.record(z.string().regex(/^n\d/), PeerAtSize);
const Peers = z.strictObject({ flexsearch: PeersBySize, minisearch: PeersBySize } satisfies Record<
  PeerName,
  typeof PeersBySize
>);

/** The file is `{"n1e5": ours, "n1e6": ours, "peers": {...}}`; in code the sizes sit under `ours`. */
export type KbBenchResults = { ours: Record<string, OursAtSize>; peers: z.infer<typeof Peers> };

const FileShape = z.object({ peers: Peers }).catchall(z.unknown());
const SizeKey = z.string().regex(/^n\d/);

export function parseKbBenchFile(raw: unknown): KbBenchResults | null {
  const parsed = FileShape.safeParse(raw);
  if (!parsed.success) return null;
  const { peers, ...sizes } = parsed.data;
  const ours: Record<string, OursAtSize> = {};
  for (const [key, value] of Object.entries(sizes)) {
    const size = OursAtSize.safeParse(value);
    if (!SizeKey.safeParse(key).success || !size.success) return null;
    ours[key] = size.data;
  }
  return { ours, peers };
}

export function kbBenchFileJson(results: KbBenchResults): string {
  return `${JSON.stringify({ ...results.ours, peers: results.peers }, null, 2)}\n`;
}

/** `n1e5` for 100,000; sizes that are not a power of ten keep their digits (`n2500`). */
export function sizeKey(n: number): string {
  const exponent = Math.round(Math.log10(n));
  return 10 ** exponent === n ? `n1e${exponent}` : `n${n}`;
}
