import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  summarizeInquiry,
  type InquiryListQuery,
  type InquiryPage,
  type InquirySummary,
} from '../../../shared/domain/inquiry';
import { OPEN_STATUSES, type Status } from '../../../shared/domain/status';
import { INQUIRY_VIEW_COLUMNS, toInquiry, type InquiryViewRow } from './inquiryRepo';
import { buildMatch } from './searchText';

export type ListQuery = z.output<typeof InquiryListQuery>;

const NEWEST_FIRST = 'i.created_at DESC, i.rowid DESC';

type SqlParams = Record<string, string | number>;

export function toSummary(row: InquiryViewRow): InquirySummary {
  return summarizeInquiry(toInquiry(row));
}

/**
 * How a page is found. `byIndex`: let the filters' indexes find the matches, then sort them — best
 * when few cases match. `byTime`: walk cases newest first and test each — best when many match,
 * since the first page is found after a few hundred rows. Indexes are switched off with unary `+`.
 */
export type PagePlan = 'byIndex' | 'byTime';

/** From this many matches on, walking newest first beats sorting all matches. */
export const DENSE_MATCHES = 1000;

type Where = { sql: string; params: SqlParams; textOnly: boolean };

/**
 * The WHERE clause for the filters actually set. Its text depends only on which filters are set
 * and the plan (lists go in as JSON), so each shape is prepared once and reused.
 */
function whereClause(q: ListQuery, plan: PagePlan): Where {
  const p = plan === 'byTime' ? '+' : '';
  const where: string[] = [];
  const params: SqlParams = {};
  if (q.from) {
    where.push('i.created_at >= @from');
    params.from = new Date(q.from).toISOString();
  }
  if (q.to) {
    where.push('i.created_at <= @to');
    params.to = new Date(q.to).toISOString();
  }
  if (q.statuses && q.statuses.length > 0) {
    where.push(`${p}i.status IN (SELECT value FROM json_each(@statuses))`);
    params.statuses = JSON.stringify(q.statuses);
  }
  if (q.categories && q.categories.length > 0) {
    where.push(`${p}i.category IN (SELECT value FROM json_each(@categories))`);
    params.categories = JSON.stringify(q.categories);
  }
  if (q.regionCode) {
    // A region and everything under it share its code as a prefix; ':' sorts right after '9'.
    where.push(`${p}i.region_code >= @regionLo AND ${p}i.region_code < @regionHi`);
    params.regionLo = q.regionCode;
    params.regionHi = `${q.regionCode}:`;
  }
  const operator = q.operator?.trim();
  if (operator) {
    where.push(`${p}i.operator = @operator`);
    params.operator = operator;
  }
  const match = q.text ? buildMatch(q.text) : null;
  if (match) {
    where.push(`${p}i.rowid IN (SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH @match)`);
    params.match = match;
  }
  return {
    sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    params,
    textOnly: match !== null && where.length === 1,
  };
}

/** Reads of cases for lists, search and caller history. */
export function inquiryQueries(db: Database.Database) {
  const pageStatements = new Map<string, Database.Statement<[SqlParams], InquiryViewRow>>();
  const countStatements = new Map<string, Database.Statement<[SqlParams], { total: number }>>();
  const countMatches = db.prepare<[SqlParams], { total: number }>(
    `SELECT count(*) AS total FROM inquiry_fts WHERE inquiry_fts MATCH @match`,
  );

  function count(q: ListQuery): number {
    const where = whereClause(q, 'byIndex');
    // Every FTS row is a case, so a text-only search is counted by the index alone.
    const stmt = where.textOnly ? countMatches : countStatement(where.sql);
    return stmt.get(where.params)?.total ?? 0;
  }

  function page(q: ListQuery, plan: PagePlan): InquirySummary[] {
    const { sql, params } = whereClause(q, plan);
    return pageStatement(sql)
      .all({ ...params, limit: q.limit, offset: q.offset })
      .map(toSummary);
  }

  function pageStatement(where: string) {
    let stmt = pageStatements.get(where);
    if (!stmt) {
      stmt = db.prepare<[SqlParams], InquiryViewRow>(
        `SELECT ${INQUIRY_VIEW_COLUMNS}
         FROM (SELECT i.rowid AS rid FROM inquiry i ${where} ORDER BY ${NEWEST_FIRST} LIMIT @limit OFFSET @offset) AS page
         JOIN inquiry i ON i.rowid = page.rid
         LEFT JOIN region r ON r.code = i.region_code
         ORDER BY ${NEWEST_FIRST}`,
      );
      pageStatements.set(where, stmt);
    }
    return stmt;
  }

  function countStatement(where: string) {
    let stmt = countStatements.get(where);
    if (!stmt) {
      stmt = db.prepare<[SqlParams], { total: number }>(`SELECT count(*) AS total FROM inquiry i ${where}`);
      countStatements.set(where, stmt);
    }
    return stmt;
  }

  const recentByPhone = db.prepare<[string, number], InquiryViewRow>(
    `SELECT ${INQUIRY_VIEW_COLUMNS} FROM inquiry i LEFT JOIN region r ON r.code = i.region_code
     WHERE i.caller_phone = ? ORDER BY ${NEWEST_FIRST} LIMIT ?`,
  );
  const phoneStats = db.prepare<
    [{ phone: string; since: string }],
    { total: number; last: string | null; in_window: number | null }
  >(
    `SELECT count(*) AS total, max(created_at) AS last, sum(created_at >= @since) AS in_window
     FROM inquiry WHERE caller_phone = @phone`,
  );
  const latestOpen = db.prepare<[string, string], { id: string; case_no: string; status: string; created_at: string }>(
    `SELECT id, case_no, status, created_at FROM inquiry i
     WHERE caller_phone = ? AND status IN (SELECT value FROM json_each(?))
     ORDER BY ${NEWEST_FIRST} LIMIT 1`,
  );

  return {
    /** Newest first, one page, with the number of cases matching the filters. */
    list(q: ListQuery): InquiryPage {
      const total = count(q);
      if (q.offset >= total) return { items: [], total };
      return { items: page(q, total >= DENSE_MATCHES ? 'byTime' : 'byIndex'), total };
    },
    /** One page with a chosen plan: both plans must return the same cases. */
    page,
    recentByPhone(phone: string, limit: number): InquirySummary[] {
      return recentByPhone.all(phone, limit).map(toSummary);
    },
    /** How often a number called: in total, and since `since` (ISO UTC). */
    phoneStats(phone: string, since: string): { total: number; lastCallAt: string | null; callsSince: number } {
      const row = phoneStats.get({ phone, since });
      return { total: row?.total ?? 0, lastCallAt: row?.last ?? null, callsSince: row?.in_window ?? 0 };
    },
    latestOpenByPhone(phone: string): { id: string; caseNo: string; status: Status; createdAt: string } | null {
      const row = latestOpen.get(phone, JSON.stringify(OPEN_STATUSES));
      return row ? { id: row.id, caseNo: row.case_no, status: row.status as Status, createdAt: row.created_at } : null;
    },
  };
}
