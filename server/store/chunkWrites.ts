import { type InquiryEvent } from '../../shared/domain/inquiry';
import { type ServerRow } from '../../shared/sync/reducer';
import { digestChanges } from './scopeDigests';

type ScopeColumns = Pick<ServerRow, 'seatCode' | 'expertId' | 'departmentId'>;

export type ChangeLogEntry = { seq: number; id: string; rowVersion: number; scope: ScopeColumns };

/**
 * The effects of one push chunk, collected in memory while its mutations are decided and written in
 * a few multi-row statements before the chunk's transaction commits (server/store/syncRepo.ts
 * `writeChunk`). The caller holds the change-log lock, so the sequence continues from `lastSeq`.
 */
export function chunkWrites(lastSeq: number) {
  let seq = lastSeq;
  /** The newest image of each case and the image it had before the chunk (null: new case). */
  const rows = new Map<string, { row: ServerRow; before: ServerRow | null }>();
  const events: { event: InquiryEvent; inquiryId: string; seq: number }[] = [];
  const log: ChangeLogEntry[] = [];
  const digests = digestChanges();
  return {
    get lastSeq() {
      return seq;
    },
    rows,
    events,
    log,
    digests,
    /**
     * A case's new image replacing `previous`; returns the change's seq. A case handed to another
     * expert or department gets one more change, under its old expert and department, so seats that
     * saw it through them are told it left their scope (SCOPE_OUT on pull).
     */
    change(row: ServerRow, newEvents: readonly InquiryEvent[], previous: ServerRow | null): number {
      if (previous && (previous.expertId !== row.expertId || previous.departmentId !== row.departmentId)) {
        seq += 1;
        log.push({ seq, id: row.id, rowVersion: row.rowVersion, scope: previous });
      }
      seq += 1;
      log.push({ seq, id: row.id, rowVersion: row.rowVersion, scope: row });
      for (const event of newEvents) events.push({ event, inquiryId: row.id, seq });
      rows.set(row.id, { row, before: rows.has(row.id) ? rows.get(row.id)!.before : previous });
      digests.replaced(previous, row);
      return seq;
    },
  };
}

export type ChunkWrites = ReturnType<typeof chunkWrites>;
