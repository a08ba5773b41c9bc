-- The seat's own tables (DESIGN.md §5). Reference tables come in 0020_reference.sql.
-- Times are ISO-8601 UTC text written by the seat: client time is data, never an ordering key for sync.

CREATE TABLE inquiry (
  id TEXT PRIMARY KEY,                       -- UUIDv7, generated on the seat
  case_no TEXT NOT NULL UNIQUE,              -- {seatCode}-{yyMMdd}-{nnnn}
  seat_code TEXT NOT NULL,
  operator TEXT NOT NULL,
  caller_phone TEXT NOT NULL,                -- normalised: 13812345678, 0431-85551234 or 'unknown'
  caller_name TEXT,
  region_code TEXT,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'walk_in', 'web')),
  category TEXT NOT NULL,
  subject TEXT,
  question TEXT NOT NULL,
  answer TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('normal', 'high', 'urgent')),
  expert_id TEXT,
  department_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  call_started_at TEXT,
  call_duration_sec INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

CREATE INDEX inquiry_by_created ON inquiry (created_at);
CREATE INDEX inquiry_by_phone ON inquiry (caller_phone, created_at);
CREATE INDEX inquiry_by_status ON inquiry (status, created_at);
CREATE INDEX inquiry_by_region ON inquiry (region_code);
CREATE INDEX inquiry_by_category ON inquiry (category, created_at);
CREATE INDEX inquiry_by_operator ON inquiry (operator, created_at);

-- The case timeline. Append-only: a correction is a new event, never an edit of an old one.
CREATE TABLE inquiry_event (
  id TEXT PRIMARY KEY,
  inquiry_id TEXT NOT NULL REFERENCES inquiry (id),
  type TEXT NOT NULL CHECK (type IN ('created', 'edited', 'status_changed', 'note')),
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  seat_code TEXT NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data))
) STRICT;

CREATE INDEX inquiry_event_by_inquiry ON inquiry_event (inquiry_id, at);

CREATE TRIGGER inquiry_event_no_update BEFORE UPDATE ON inquiry_event
BEGIN
  SELECT RAISE(ABORT, 'inquiry_event is append-only');
END;

CREATE TRIGGER inquiry_event_no_delete BEFORE DELETE ON inquiry_event
BEGIN
  SELECT RAISE(ABORT, 'inquiry_event is append-only');
END;

-- What the seat knows about a number, so a repeat caller is recognised at once.
CREATE TABLE caller (
  phone TEXT PRIMARY KEY,
  name TEXT,
  region_code TEXT,
  first_call_at TEXT NOT NULL,
  last_call_at TEXT NOT NULL,
  call_count INTEGER NOT NULL CHECK (call_count >= 1)
) STRICT;

CREATE TABLE draft (
  key TEXT PRIMARY KEY,
  data TEXT NOT NULL CHECK (json_valid(data)),
  saved_at TEXT NOT NULL
) STRICT;

-- Mutations waiting for the server. mutation_id is gap-free and increasing per client_id
-- (taken from sync_meta.next_mutation_id in the same transaction as the change it describes).
CREATE TABLE outbox (
  mutation_id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL,
  name TEXT NOT NULL,
  entity_id TEXT NOT NULL,                   -- the inquiry the mutation is about (pendingSync per case)
  args TEXT NOT NULL CHECK (json_valid(args)),
  created_at TEXT NOT NULL,
  acked_at TEXT
) STRICT;

CREATE INDEX outbox_pending_by_entity ON outbox (entity_id) WHERE acked_at IS NULL;
-- The status bar's backlog (count, oldest) is read after every save: keep it off the table rows.
CREATE INDEX outbox_pending_by_time ON outbox (created_at) WHERE acked_at IS NULL;

CREATE TABLE sync_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT INTO sync_meta (key, value) VALUES ('next_mutation_id', '1');

-- Conflicts and rejections the operator must see; filled by the sync engine.
CREATE TABLE sync_issue (
  id TEXT PRIMARY KEY,
  inquiry_id TEXT,
  mutation_id INTEGER,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL CHECK (json_valid(detail)),
  created_at TEXT NOT NULL,
  resolved_at TEXT
) STRICT;

CREATE TABLE case_counter (
  seat_code TEXT NOT NULL,
  day TEXT NOT NULL,                         -- yyMMdd in China time
  last INTEGER NOT NULL CHECK (last >= 1),
  PRIMARY KEY (seat_code, day)
) STRICT, WITHOUT ROWID;

-- Text search over question, answer, caller name, phone and case number (see db/searchText.ts):
-- `grams` holds character bigrams, so 2-character words like 玉米 and phone fragments match as
-- phrases; `chars` holds each distinct character, for one-character searches.
-- Contentless: rowid = inquiry.rowid; the text itself lives only in inquiry.
CREATE VIRTUAL TABLE inquiry_fts USING fts5 (grams, chars, content = '', contentless_delete = 1, tokenize = 'unicode61');
