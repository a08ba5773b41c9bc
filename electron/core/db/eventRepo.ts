import type Database from 'better-sqlite3';
import { InquiryEvent, type InquiryEventType } from '../../../shared/domain/inquiry';

type EventRow = {
  id: string;
  inquiry_id: string;
  type: string;
  at: string;
  operator: string;
  seat_code: string;
  data: string;
};

function toRow(event: InquiryEvent): EventRow {
  return {
    id: event.id,
    inquiry_id: event.inquiryId,
    type: event.type satisfies InquiryEventType,
    at: event.at,
    operator: event.operator,
    seat_code: event.seatCode,
    data: JSON.stringify(event.data),
  };
}

/** The append-only case timeline (`inquiry_event`). */
export function eventRepo(db: Database.Database) {
  const insert = db.prepare<[EventRow]>(
    `INSERT INTO inquiry_event (id, inquiry_id, type, at, operator, seat_code, data)
     VALUES (@id, @inquiry_id, @type, @at, @operator, @seat_code, @data)`,
  );
  const insertIfNew = db.prepare<[EventRow]>(
    `INSERT INTO inquiry_event (id, inquiry_id, type, at, operator, seat_code, data)
     VALUES (@id, @inquiry_id, @type, @at, @operator, @seat_code, @data) ON CONFLICT (id) DO NOTHING`,
  );
  const forInquiry = db.prepare<[string], EventRow>(
    `SELECT * FROM inquiry_event WHERE inquiry_id = ? ORDER BY at, rowid`,
  );

  return {
    append(event: InquiryEvent): void {
      insert.run(toRow(event));
    },
    /** A pulled event: another seat's, or this seat's own coming back; true when it was new here. */
    addPulled(event: InquiryEvent): boolean {
      return insertIfNew.run(toRow(event)).changes === 1;
    },
    /** Oldest first: the order things happened on this seat. */
    listFor(inquiryId: string): InquiryEvent[] {
      return forInquiry.all(inquiryId).map((row) =>
        InquiryEvent.parse({
          id: row.id,
          inquiryId: row.inquiry_id,
          type: row.type,
          at: row.at,
          operator: row.operator,
          seatCode: row.seat_code,
          data: JSON.parse(row.data),
        }),
      );
    },
  };
}
