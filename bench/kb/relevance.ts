import type { SearchPeer } from './peers/peer';

/** recall@1, recall@5, MRR (over the top 10) and, for unanswerable queries, how often anything is shown. */
export interface EvalQuery {
  readonly q: string;
  readonly relevant: readonly string[];
  readonly style: string;
}

export interface Scores {
  readonly recall1: number;
  readonly recall5: number;
  readonly mrr: number;
}

export interface PeerReport extends Scores {
  readonly name: string;
  readonly noneShown: number;
  readonly byStyle: Readonly<Record<string, Scores>>;
  /** Answerable queries whose first relevant article is not ranked first, and none queries that showed something. */
  readonly failures: readonly { style: string; q: string; relevant: readonly string[]; got: string[] }[];
}

const DEPTH = 10;

function rankOf(hits: readonly string[], relevant: readonly string[]): number | null {
  const i = hits.findIndex((id) => relevant.includes(id));
  return i >= 0 ? i + 1 : null;
}

function summarize(ranks: readonly (number | null)[]): Scores {
  const n = Math.max(ranks.length, 1);
  return {
    recall1: ranks.filter((r) => r === 1).length / n,
    recall5: ranks.filter((r) => r !== null && r <= 5).length / n,
    mrr: ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / n,
  };
}

export function evaluate(peer: SearchPeer, queries: readonly EvalQuery[]): PeerReport {
  const ranks: (number | null)[] = [];
  const byStyle = new Map<string, (number | null)[]>();
  const failures: { style: string; q: string; relevant: readonly string[]; got: string[] }[] = [];
  let none = 0;
  let noneShown = 0;
  for (const query of queries) {
    const got = peer.search(query.q, DEPTH).map((h) => h.id);
    if (query.relevant.length === 0) {
      none++;
      if (got.length > 0) {
        noneShown++;
        failures.push({ ...query, got: got.slice(0, 3) });
      }
      continue;
    }
    const rank = rankOf(got, query.relevant);
    ranks.push(rank);
    byStyle.set(query.style, [...(byStyle.get(query.style) ?? []), rank]);
    if (rank !== 1) failures.push({ ...query, got: got.slice(0, 3) });
  }
  return {
    name: peer.name,
    ...summarize(ranks),
    noneShown: none > 0 ? noneShown / none : 0,
    byStyle: Object.fromEntries([...byStyle].map(([s, r]) => [s, summarize(r)])),
    failures,
  };
}
