import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';

export type SyncIssueKind = 'conflict' | 'rejected';

export type SyncIssue = {
  id: string;
  mutationId: number;
  inquiryId: string;
  kind: SyncIssueKind;
  code: string;
  message: string;
  payload: unknown;
  createdAt: string;
  resolvedAt: string | null;
};

type Row = {
  id: string;
  mutation_id: number;
  inquiry_id: string;
  kind: string;
  code: string;
  message: string;
  payload: string;
  created_at: string;
  resolved_at: string | null;
};

/** Conflicts and rejections waiting for the operator (`sync_issue`): nothing the server refused disappears unseen. */
export function issueRepo(db: Database.Database) {
  // A result delivered twice (duplicated response) records one issue; a re-sent mutation judged again
  // after a server restore refreshes the open issue with the newer verdict's details.
  const insert = db.prepare<[Row]>(
    `INSERT INTO sync_issue (id, mutation_id, inquiry_id, kind, code, message, payload, created_at, resolved_at)
     VALUES (@id, @mutation_id, @inquiry_id, @kind, @code, @message, @payload, @created_at, @resolved_at)
     ON CONFLICT (mutation_id, kind) DO UPDATE SET code = excluded.code, message = excluded.message,
       payload = excluded.payload
     WHERE sync_issue.resolved_at IS NULL`,
  );
  const closeOtherVerdicts = db.prepare<[string, number, string | null, string | null]>(
    `UPDATE sync_issue SET resolved_at = ?
     WHERE mutation_id = ? AND resolved_at IS NULL AND (? IS NULL OR kind <> ?)`,
  );
  const open = db.prepare<[], Row>(
    `SELECT * FROM sync_issue WHERE resolved_at IS NULL ORDER BY created_at, mutation_id`,
  );
  const openCount = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM sync_issue WHERE resolved_at IS NULL`);
  const all = db.prepare<[], Row>(`SELECT * FROM sync_issue ORDER BY created_at, mutation_id`);
  const byId = db.prepare<[string], Row>(`SELECT * FROM sync_issue WHERE id = ?`);
  const resolve = db.prepare<[string, string]>(
    `UPDATE sync_issue SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL`,
  );

  return {
    record(issue: Omit<SyncIssue, 'id' | 'resolvedAt'>): void {
      insert.run({
        id: uuidv7(),
        mutation_id: issue.mutationId,
        inquiry_id: issue.inquiryId,
        kind: issue.kind,
        code: issue.code,
        message: issue.message,
        payload: JSON.stringify(issue.payload),
        created_at: issue.createdAt,
        resolved_at: null,
      });
    },
    /**
     * The server judged this mutation again (a re-send after a restore) and its verdict is now `kind`
     * (null = applied cleanly): open issues from an earlier, different verdict no longer hold.
     */
    supersede(mutationId: number, kind: SyncIssueKind | null, at: string): void {
      closeOtherVerdicts.run(at, mutationId, kind, kind);
    },
    open: (): SyncIssue[] => open.all().map(toIssue),
    /** Resolved ones too: their payload stays in the database after the operator decided. */
    all: (): SyncIssue[] => all.all().map(toIssue),
    get(id: string): SyncIssue | null {
      const row = byId.get(id);
      return row ? toIssue(row) : null;
    },
    /** False when it was already resolved. */
    resolve: (id: string, at: string): boolean => resolve.run(at, id).changes === 1,
    openCount: () => openCount.get()?.n ?? 0,
  };
}

export type IssueRepo = ReturnType<typeof issueRepo>;

function toIssue(row: Row): SyncIssue {
  return {
    id: row.id,
    mutationId: row.mutation_id,
    inquiryId: row.inquiry_id,
    kind: row.kind as SyncIssueKind,
    code: row.code,
    message: row.message,
    payload: JSON.parse(row.payload) as unknown,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}
