-- What the sync engine (electron/core/sync) needs on top of 0010: the server's row version per case,
-- each mutation's result, the conflicts and rejections the operator must see, and the server copy of
-- a case that arrived while the seat still had un-acknowledged edits of it.

-- Null until the server has confirmed the row; compared with a pulled change's rowVersion so an old
-- or echoed change never overwrites a newer local copy.
ALTER TABLE inquiry ADD COLUMN server_version INTEGER CHECK (server_version IS NULL OR server_version >= 1);

-- 'acked' = the server confirmed the id (its lastMutationId passed it) without sending a result.
ALTER TABLE outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'pending'
  CHECK (status IN ('pending', 'acked', 'applied', 'applied_with_conflict', 'rejected'));
ALTER TABLE outbox ADD COLUMN result TEXT CHECK (result IS NULL OR json_valid(result));

-- Acknowledged entries are kept for a retention window so a server restored from an older backup
-- can be sent what it lost; this index finds the ones past the window.
CREATE INDEX outbox_acked_by_time ON outbox (acked_at) WHERE acked_at IS NOT NULL;

-- 0010 created sync_issue before anything wrote to it; it is rebuilt with the columns the inbox shows.
DROP TABLE sync_issue;
CREATE TABLE sync_issue (
  id TEXT PRIMARY KEY,
  mutation_id INTEGER NOT NULL,
  inquiry_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('conflict', 'rejected')),
  code TEXT NOT NULL,
  message TEXT NOT NULL,                     -- readable Chinese, shown as is
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  created_at TEXT NOT NULL,
  resolved_at TEXT
) STRICT;

-- A mutation's result can arrive twice (duplicated or replayed responses): one issue per mutation and kind.
CREATE UNIQUE INDEX sync_issue_once ON sync_issue (mutation_id, kind);
CREATE INDEX sync_issue_open ON sync_issue (created_at) WHERE resolved_at IS NULL;

-- The newest server copy of a case pulled while the seat had un-acked mutations of it: the local row
-- stays as the operator left it, and this copy is applied once the last of those mutations is acked.
CREATE TABLE inquiry_base (
  id TEXT PRIMARY KEY,
  op TEXT NOT NULL CHECK (op IN ('PUT', 'DELETE', 'SCOPE_OUT')),
  row_version INTEGER NOT NULL,
  data TEXT CHECK (data IS NULL OR json_valid(data)),
  pulled_at TEXT NOT NULL
) STRICT;

-- A case deleted on the server or moved out of this seat's scope leaves the seat with its timeline.
-- The timeline stays append-only while its case exists; once the case row is gone (in the same
-- transaction, with foreign-key checks deferred to commit) its events may go too.
DROP TRIGGER inquiry_event_no_delete;
CREATE TRIGGER inquiry_event_no_delete BEFORE DELETE ON inquiry_event
WHEN EXISTS (SELECT 1 FROM inquiry WHERE id = OLD.inquiry_id)
BEGIN
  SELECT RAISE(ABORT, 'inquiry_event is append-only');
END;
