import { isDeepStrictEqual } from 'node:util';
import { PROTOCOL_VERSION, PullResponse, PushResponse, type Change } from '../../shared/sync/protocol';
import { inScope } from '../../shared/sync/reducer';
import type { SimWorld } from './runScenario';
import { serverView, type ServerView } from './serverView';
import type { SimSeat } from './simSeat';

type Folded = Map<string, { rowVersion: number; data: unknown }>;

function token(seat: SimSeat): string {
  const t = seat.store().meta.get('device_token');
  if (!t) throw new Error(`${seat.who.seatCode} has no device token after heal`);
  return t;
}

async function pullPage(world: SimWorld, seat: SimSeat, cursor: number, limit: number): Promise<PullResponse> {
  const res = await world.server.app().inject({
    method: 'GET',
    url: `/sync/pull?stream=inquiries&cursor=${cursor}&limit=${limit}`,
    headers: { authorization: `Bearer ${token(seat)}` },
  });
  if (res.statusCode !== 200) throw new Error(`P6 pull answered ${res.statusCode}: ${res.body}`);
  return PullResponse.parse(res.json());
}

function apply(state: Folded, changes: Change[]): void {
  for (const c of changes) {
    if (c.op === 'PUT') state.set(c.id, { rowVersion: c.rowVersion, data: c.data });
    else state.delete(c.id);
  }
}

/** Pulls from `cursor` to the end with pages of `limit`; returns the state and every cursor passed. */
async function pullAll(world: SimWorld, seat: SimSeat, from: Folded, cursor: number, limit: number) {
  const state = new Map(from);
  const stops: { cursor: number; state: Folded }[] = [];
  for (let next = cursor, guard = 0; guard < 10_000; guard++) {
    const page = await pullPage(world, seat, next, limit);
    apply(state, page.changes);
    next = page.nextCursor;
    stops.push({ cursor: next, state: new Map(state) });
    if (!page.hasMore) return { state, stops };
  }
  throw new Error('P6 pull never ended');
}

/**
 * P6: for each seat, paging from 0 with any page size, and resuming from any page boundary with a
 * fresh page size (a crash between pages), ends in the same state as one big pull — the server's rows in scope.
 */
export async function checkResume(world: SimWorld, view: ServerView): Promise<void> {
  for (const seat of world.seats) {
    const scope = world.actors.get(seat.store().meta.clientId())!.scope;
    const expected: Folded = new Map(
      [...view.rows.values()]
        .filter((r) => inScope(r, scope))
        .map(({ rowVersion, ...data }) => [data.id, { rowVersion, data }]),
    );
    const once = await pullAll(world, seat, new Map(), 0, 5000);
    if (!isDeepStrictEqual(once.state, expected))
      throw new Error(`P6 ${seat.who.seatCode}: one-shot pull ≠ server rows`);
    const paged = await pullAll(world, seat, new Map(), 0, 2);
    if (!isDeepStrictEqual(paged.state, expected))
      throw new Error(`P6 ${seat.who.seatCode}: paged pull ≠ one-shot pull`);
    for (const stop of paged.stops) {
      const resumed = await pullAll(world, seat, stop.state, stop.cursor, 3);
      if (!isDeepStrictEqual(resumed.state, expected)) {
        throw new Error(`P6 ${seat.who.seatCode}: resuming at cursor ${stop.cursor} ≠ one-shot pull`);
      }
    }
  }
}

function localSnapshot(seat: SimSeat): unknown {
  const { db } = seat.store();
  return {
    rows: db.prepare(`SELECT * FROM inquiry ORDER BY id`).all(),
    events: db.prepare(`SELECT id FROM inquiry_event ORDER BY id`).all(),
    outbox: db.prepare(`SELECT mutation_id, status, result FROM outbox ORDER BY mutation_id`).all(),
    issues: db.prepare(`SELECT mutation_id, kind FROM sync_issue ORDER BY mutation_id, kind`).all(),
  };
}

/**
 * P7: re-sending any run of a seat's already-processed mutations (whole, prefix, suffix) returns the
 * stored results and changes nothing on the server; pulling again changes nothing on the seat.
 */
export async function checkReplay(world: SimWorld, before: ServerView): Promise<void> {
  for (const seat of world.seats) {
    const { db, meta } = seat.store();
    const clientId = meta.clientId();
    const retained = db
      .prepare(`SELECT mutation_id, name, args, created_at FROM outbox ORDER BY mutation_id`)
      .all() as { mutation_id: number; name: string; args: string; created_at: string }[];
    if (retained.length === 0) continue;
    const half = Math.ceil(retained.length / 2);
    for (const slice of [retained, retained.slice(0, half), retained.slice(half - 1)]) {
      const res = await world.server.app().inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${token(seat)}`, 'content-type': 'application/json' },
        payload: JSON.stringify({
          protocol: PROTOCOL_VERSION,
          clientId,
          installNonce: meta.get('install_nonce'),
          epochSeen: meta.get('server_epoch'),
          mutations: slice.map((m) => ({
            id: m.mutation_id,
            name: m.name,
            args: JSON.parse(m.args),
            createdAt: m.created_at,
          })),
        }),
      });
      if (res.statusCode !== 200)
        throw new Error(`P7 ${seat.who.seatCode}: replay answered ${res.statusCode}: ${res.body}`);
      const answer = PushResponse.parse(res.json());
      const stored = before.ledger.filter((r) => r.clientId === clientId).map((r) => r.result);
      for (const result of answer.results) {
        if (
          !isDeepStrictEqual(
            result,
            stored.find((s) => s.id === result.id),
          )
        ) {
          throw new Error(`P7 ${seat.who.seatCode}: replayed mutation ${result.id} got a different result`);
        }
      }
    }
    const local = localSnapshot(seat);
    await seat.engine().syncNow();
    if (!isDeepStrictEqual(localSnapshot(seat), local))
      throw new Error(`P7 ${seat.who.seatCode}: pulling again changed the seat`);
  }
  if (!isDeepStrictEqual(await serverView(world.server), before)) throw new Error('P7: replaying changed the server');
}
