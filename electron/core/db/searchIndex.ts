import type Database from 'better-sqlite3';
import { indexText } from './searchText';
import type { StoredInquiry } from './inquiryRepo';

/** The fields an operator can find a case by. */
function searchableFields(i: StoredInquiry): (string | null)[] {
  return [i.question, i.answer, i.callerName, i.callerPhone, i.caseNo];
}

/** The `inquiry_fts` bigram index, keyed by inquiry rowid; written in the same transaction as the row. */
export function searchIndex(db: Database.Database) {
  const remove = db.prepare<[number]>(`DELETE FROM inquiry_fts WHERE rowid = ?`);
  const insert = db.prepare<[number, string, string]>(`INSERT INTO inquiry_fts (rowid, grams, chars) VALUES (?, ?, ?)`);

  return {
    put(rowid: number, inquiry: StoredInquiry): void {
      remove.run(rowid);
      const { grams, chars } = indexText(searchableFields(inquiry));
      insert.run(rowid, grams, chars);
    },
  };
}
