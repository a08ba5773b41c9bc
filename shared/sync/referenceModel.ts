import type { InquiryEvent } from '../domain/inquiry';
import type { Mutation } from './protocol';
import { applyMutation, mutationInquiryId, type Actor, type ApplyResult, type ServerRow } from './reducer';

/**
 * The server's inquiry state as nothing but a fold of `applyMutation` over its ledger, in server order:
 * the oracle the sync simulator compares the real server against (sync-research.md §5.2, P2).
 */

/** One ledger row: what a seat sent and who the server judged it as. */
export type LedgerEntry = { mutation: Mutation; actor: Actor };

export type ReferenceServer = {
  apply(entry: LedgerEntry): ApplyResult;
  row(inquiryId: string): ServerRow | null;
  events(inquiryId: string): readonly InquiryEvent[];
  rows(): ReadonlyMap<string, ServerRow>;
};

/** An empty in-memory server that applies ledger entries one at a time, for step-by-step checks. */
export function referenceServer(): ReferenceServer {
  const rows = new Map<string, ServerRow>();
  const timelines = new Map<string, InquiryEvent[]>();
  const eventIds = new Map<string, Set<string>>();

  return {
    apply({ mutation, actor }) {
      const id = mutationInquiryId(mutation);
      const result = applyMutation(rows.get(id) ?? null, mutation, actor, eventIds.get(id) ?? new Set());
      if (result.status !== 'rejected') {
        rows.set(id, result.row);
        timelines.set(id, [...(timelines.get(id) ?? []), ...result.newEvents]);
        eventIds.set(id, new Set([...(eventIds.get(id) ?? []), ...result.newEvents.map((e) => e.id)]));
      }
      return result;
    },
    row: (inquiryId) => rows.get(inquiryId) ?? null,
    events: (inquiryId) => timelines.get(inquiryId) ?? [],
    rows: () => rows,
  };
}

export type ReferenceState = {
  rows: ReadonlyMap<string, ServerRow>;
  events: ReadonlyMap<string, readonly InquiryEvent[]>;
  results: ApplyResult[];
};

export function foldLedger(entries: Iterable<LedgerEntry>): ReferenceState {
  const server = referenceServer();
  const results = [...entries].map((entry) => server.apply(entry));
  const rows = server.rows();
  return { rows, events: new Map([...rows.keys()].map((id) => [id, server.events(id)])), results };
}
