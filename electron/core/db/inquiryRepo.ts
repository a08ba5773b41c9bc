import type Database from 'better-sqlite3';
import type { Channel, Inquiry, Priority } from '../../../shared/domain/inquiry';
import type { Category } from '../../../shared/domain/categories';
import type { Status } from '../../../shared/domain/status';

/** A case as stored: Inquiry without the fields derived at read time. */
export type StoredInquiry = Omit<Inquiry, 'regionName' | 'pendingSync'>;

/** The `inquiry` table's columns as SQLite returns them. */
export type InquiryRow = {
  rowid: number;
  id: string;
  case_no: string;
  seat_code: string;
  operator: string;
  caller_phone: string;
  caller_name: string | null;
  region_code: string | null;
  channel: string;
  category: string;
  subject: string | null;
  question: string;
  answer: string;
  status: string;
  priority: string;
  expert_id: string | null;
  department_id: string | null;
  kb_article_id: string | null;
  created_at: string;
  updated_at: string;
  call_started_at: string | null;
  call_duration_sec: number | null;
  version: number;
};

/** Read-time columns joined onto a row: region path and whether un-acked outbox entries exist. */
export type InquiryViewRow = InquiryRow & { region_name: string | null; pending_sync: number };

/** SELECT list for a case read with its region name and pending flag; `i` is the inquiry alias. */
export const INQUIRY_VIEW_COLUMNS = `i.rowid AS rowid, i.*, r.path_name AS region_name,
  EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = i.id AND o.acked_at IS NULL) AS pending_sync`;

export function toStored(row: InquiryRow): StoredInquiry {
  return {
    id: row.id,
    caseNo: row.case_no,
    seatCode: row.seat_code,
    operator: row.operator,
    callerPhone: row.caller_phone,
    callerName: row.caller_name,
    regionCode: row.region_code,
    // The CHECK constraints and the service's zod-validated writes keep these inside their enums.
    channel: row.channel as Channel,
    category: row.category as Category,
    subject: row.subject,
    question: row.question,
    answer: row.answer,
    status: row.status as Status,
    priority: row.priority as Priority,
    expertId: row.expert_id,
    departmentId: row.department_id,
    kbArticleId: row.kb_article_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    callStartedAt: row.call_started_at,
    callDurationSec: row.call_duration_sec,
    version: row.version,
  };
}

export function toInquiry(row: InquiryViewRow): Inquiry {
  return { ...toStored(row), regionName: row.region_name, pendingSync: row.pending_sync === 1 };
}

function toParams(i: StoredInquiry) {
  return {
    id: i.id,
    case_no: i.caseNo,
    seat_code: i.seatCode,
    operator: i.operator,
    caller_phone: i.callerPhone,
    caller_name: i.callerName,
    region_code: i.regionCode,
    channel: i.channel,
    category: i.category,
    subject: i.subject,
    question: i.question,
    answer: i.answer,
    status: i.status,
    priority: i.priority,
    expert_id: i.expertId,
    department_id: i.departmentId,
    kb_article_id: i.kbArticleId,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    call_started_at: i.callStartedAt,
    call_duration_sec: i.callDurationSec,
    version: i.version,
  };
}

type Params = ReturnType<typeof toParams>;

export function inquiryRepo(db: Database.Database) {
  const insert = db.prepare<[Params]>(`INSERT INTO inquiry (id, case_no, seat_code, operator, caller_phone, caller_name,
      region_code, channel, category, subject, question, answer, status, priority, expert_id, department_id,
      kb_article_id, created_at, updated_at, call_started_at, call_duration_sec, version)
    VALUES (@id, @case_no, @seat_code, @operator, @caller_phone, @caller_name, @region_code, @channel, @category,
      @subject, @question, @answer, @status, @priority, @expert_id, @department_id, @kb_article_id, @created_at, @updated_at,
      @call_started_at, @call_duration_sec, @version)`);
  const update = db.prepare<[Params & { expected_version: number }]>(`UPDATE inquiry SET caller_name = @caller_name,
      region_code = @region_code, channel = @channel, category = @category, subject = @subject, question = @question,
      answer = @answer, status = @status, priority = @priority, expert_id = @expert_id, department_id = @department_id,
      kb_article_id = @kb_article_id, updated_at = @updated_at, version = @version
    WHERE id = @id AND version = @expected_version`);
  const byId = db.prepare<[string], InquiryViewRow>(
    `SELECT ${INQUIRY_VIEW_COLUMNS} FROM inquiry i LEFT JOIN region r ON r.code = i.region_code WHERE i.id = ?`,
  );

  return {
    /** Returns the new row's rowid, the key of its search-index entry. */
    insert(inquiry: StoredInquiry): number {
      return Number(insert.run(toParams(inquiry)).lastInsertRowid);
    },
    /** Writes `next` only if the stored version is still `expectedVersion`; false when someone else saved first. */
    update(next: StoredInquiry, expectedVersion: number): boolean {
      return update.run({ ...toParams(next), expected_version: expectedVersion }).changes === 1;
    },
    get(id: string): (Inquiry & { rowid: number }) | null {
      const row = byId.get(id);
      return row ? { ...toInquiry(row), rowid: row.rowid } : null;
    },
  };
}
