import type { SimWorld } from './runScenario';
import type { SimSeat } from './simSeat';

type Seen = { epoch: string | null; cursor: number; versions: Map<string, number> };

function read(seat: SimSeat): Seen {
  const { db, meta } = seat.store();
  const rows = db.prepare(`SELECT id, server_version FROM inquiry WHERE server_version IS NOT NULL`).all() as {
    id: string;
    server_version: number;
  }[];
  return {
    epoch: meta.get('server_epoch'),
    cursor: Number(meta.get('pull_cursor:inquiries') ?? '0'),
    versions: new Map(rows.map((r) => [r.id, r.server_version])),
  };
}

/**
 * P4, checked after every step: a seat's pull cursor and its rows' server versions never go back
 * within one server epoch, and a value the seat committed stays visible until the server acknowledged it.
 */
export function observeSession(world: SimWorld) {
  const last = new Map<SimSeat, Seen>();

  function monotonic(seat: SimSeat): void {
    const now = read(seat);
    const before = last.get(seat);
    last.set(seat, now);
    if (!before || before.epoch !== now.epoch) return;
    if (now.cursor < before.cursor) {
      throw new Error(`P4 ${seat.who.seatCode}: pull cursor went back from ${before.cursor} to ${now.cursor}`);
    }
    for (const [id, version] of before.versions) {
      const after = now.versions.get(id);
      if (after !== undefined && after < version) {
        throw new Error(`P4 ${seat.who.seatCode}: case ${id} went back from server version ${version} to ${after}`);
      }
    }
  }

  function readYourWrites(): void {
    const acked = (seat: SimSeat, mutationId: number) =>
      seat.store().db.prepare(`SELECT acked_at FROM outbox WHERE mutation_id = ?`).get(mutationId) as
        { acked_at: string | null } | undefined;
    // Once acknowledged, a write may be superseded by the server's judgement; it is not watched again.
    world.written.pending = world.written.pending.filter((w) => acked(w.seat, w.mutationId)?.acked_at === null);
    const newest = new Map<string, (typeof world.written.pending)[number]>();
    for (const w of world.written.pending) newest.set(`${w.seat.who.seatCode}|${w.inquiryId}|${w.field}`, w);
    for (const w of newest.values()) {
      const row = w.seat.store().inquiries.get(w.inquiryId) as Record<string, unknown> | undefined;
      if (!row || row[w.field] !== w.value) {
        throw new Error(
          `P4 ${w.seat.who.seatCode}: un-acknowledged ${w.field} of ${w.inquiryId} shows ${JSON.stringify(row?.[w.field])}, wrote ${JSON.stringify(w.value)}`,
        );
      }
    }
  }

  return {
    check(): void {
      for (const seat of world.seats) monotonic(seat);
      readYourWrites();
    },
  };
}
