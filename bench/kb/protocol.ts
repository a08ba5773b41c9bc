import { z } from 'zod';

/** What the bench parent asks a child process to do, and what the child answers (one `RESULT {json}` line). */

export const PEER_NAMES = ['flexsearch', 'minisearch'] as const;
export const PeerName = z.enum(PEER_NAMES);
export type PeerName = z.infer<typeof PeerName>;

export const MixSize = z.strictObject({
  seed: z.number().int(),
  queries: z.number().int().min(1),
  typed: z.number().int().min(1),
});
export type MixSize = z.infer<typeof MixSize>;

export const ChildSpec = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('build'),
    n: z.number().int().min(1),
    seed: z.number().int(),
    file: z.string(),
    dataDir: z.string(),
  }),
  z.strictObject({ mode: z.literal('search'), file: z.string(), dataDir: z.string(), mix: MixSize }),
  z.strictObject({ mode: z.literal('install'), file: z.string(), dataDir: z.string(), workDir: z.string() }),
  z.strictObject({
    mode: z.literal('peer'),
    peer: PeerName,
    n: z.number().int().min(1),
    seed: z.number().int(),
    mix: MixSize,
  }),
]);
export type ChildSpec = z.infer<typeof ChildSpec>;

const Latency = z.strictObject({ p50_ms: z.number(), p95_ms: z.number(), p99_ms: z.number() });
const Memory = { rss_mb: z.number(), peak_rss_mb: z.number() };
/** How many queries and typed prefixes were timed within the budget. */
const Measured = z.strictObject({ queries: z.number().int(), prefixes: z.number().int() });

export const BuildResult = z.strictObject({
  build_s: z.number(),
  rows_per_s: z.number(),
  db_mb: z.number(),
  ...Memory,
});
export type BuildResult = z.infer<typeof BuildResult>;

export const SearchResult = z.strictObject({
  search: Latency,
  suggest: Latency,
  measured: Measured,
  open_ms: z.number(),
  ...Memory,
});
export type SearchResult = z.infer<typeof SearchResult>;

export const InstallResult = z.strictObject({ snapshot_install_s: z.number(), snapshot_mb: z.number() });
export type InstallResult = z.infer<typeof InstallResult>;

export const PeerResult = z.strictObject({
  build_s: z.number(),
  rows_per_s: z.number(),
  search: Latency,
  suggest: Latency,
  measured: Measured,
  ...Memory,
});
export type PeerResult = z.infer<typeof PeerResult>;

export const RESULT_PREFIX = 'RESULT ';
