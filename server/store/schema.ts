import { type KbTables } from '../kb/schema';
import { type KbSnapshotTables } from '../kb/snapshot/schema';
/**
 * Table shapes of the server database, shared by the SQLite and PostgreSQL dialects. JSON is kept as
 * text and booleans as 0/1 so both dialects read and write the same values.
 */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  /** Scope (shared/sync/auth.ts) as JSON. */
  scope: string;
  password_hash: string;
  disabled: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  /** Milliseconds since the epoch. */
  expires_at: number;
}

export interface DevicesTable {
  client_id: string;
  install_nonce: string;
  seat_code: string;
  token_hash: string;
  registered_by: string;
  registered_at: string;
}

export interface SyncClientTable {
  client_id: string;
  last_mutation_id: number;
}

export interface MutationLedgerTable {
  client_id: string;
  mutation_id: number;
  server_seq: number | null;
  status: string;
  /** MutationResult (shared/sync/protocol.ts) as JSON, returned verbatim on replay. */
  result: string;
  received_at: string;
}

export interface ChangeLogTable {
  seq: number;
  stream: string;
  entity_id: string;
  op: string;
  row_version: number;
  seat_code: string | null;
  expert_id: string | null;
  department_id: string | null;
}

export interface InquiryTable {
  id: string;
  /** ServerInquiry as JSON. */
  data: string;
  row_version: number;
  seat_code: string;
  /** Unique across the hotline: `{seatCode}-{yyMMdd}-{nnnn}` (null only for rows written before 0002). */
  case_no: string | null;
  expert_id: string | null;
  department_id: string | null;
  updated_at: string;
}

export interface InquiryEventTable {
  id: string;
  inquiry_id: string;
  /** InquiryEvent as JSON. */
  data: string;
  server_seq: number;
}

export interface ServerMetaTable {
  key: string;
  value: string;
}

/** Running (id, rowVersion) digests per scope key: 'all', 'seat:S01', 'expert:E1', 'department:D1'. */
export interface ScopeDigestTable {
  scope_key: string;
  row_count: number;
  a: number;
  b: number;
}

/** Login attempts per client address and user name in the current fixed window (server/auth/loginLimiter.ts). */
export interface LoginAttemptTable {
  attempt_key: string;
  window_start: number;
  attempts: number;
}

export interface ServerDatabase extends KbTables, KbSnapshotTables {
  users: UsersTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  sync_client: SyncClientTable;
  mutation_ledger: MutationLedgerTable;
  change_log: ChangeLogTable;
  inquiry: InquiryTable;
  inquiry_event: InquiryEventTable;
  server_meta: ServerMetaTable;
  scope_digest: ScopeDigestTable;
  login_attempt: LoginAttemptTable;
}
