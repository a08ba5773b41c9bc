import { sql } from 'kysely';
import pg from 'pg';
import { type Scope } from '../../shared/sync/auth';
import { inScope } from '../../shared/sync/reducer';
import { type ServerLogger } from '../http/logger';
import { type Store } from '../store/openStore';

/** One channel for every server instance; the payload (the database's epoch) keeps databases apart. */
export const POKE_CHANNEL = 'hotline_sync_poke';
const SCAN_PAGE = 1000;
const RELISTEN_MS = 2000;

export interface PokeSubscriber {
  scope: Scope;
  /** `seq`: the newest change in the subscriber's scope. */
  poke(seq: number): void;
}

export interface PokeHub {
  subscribe(subscriber: PokeSubscriber): () => void;
  /** After a push committed here: pokes this instance's listeners and, on PostgreSQL, every other instance's. */
  pushCommitted(): void;
  close(): Promise<void>;
}

export interface PokeHubOptions {
  store: Store;
  log: ServerLogger;
  epoch: string;
  /** PostgreSQL to LISTEN on for other instances' pushes; none means this instance hears only its own. */
  listenUrl?: string | undefined;
}

/**
 * Live pokes (sync-research §4.5): whenever the change log grows, each connected seat whose scope
 * holds one of the new changes is told to pull. The change log itself is the message: a scan from
 * the last seq seen finds what is new, so a missed or doubled trigger costs one query, never a poke.
 */
export function createPokeHub({ store, log, epoch, listenUrl }: PokeHubOptions): PokeHub {
  const subscribers = new Set<PokeSubscriber>();
  let lastSeq = latestSeq(store);
  let pending = false;
  let scanning: Promise<void> | null = null;

  async function scanOnce(): Promise<void> {
    let from = await lastSeq;
    for (;;) {
      const rows = await store.db
        .selectFrom('change_log')
        .select(['seq', 'seat_code', 'expert_id', 'department_id'])
        .where('stream', '=', 'inquiries')
        .where('seq', '>', from)
        .orderBy('seq')
        .limit(SCAN_PAGE)
        .execute();
      if (rows.length === 0) return;
      from = Number(rows[rows.length - 1]!.seq);
      lastSeq = Promise.resolve(from);
      for (const subscriber of subscribers) {
        const mine = rows.filter((r) =>
          inScope(
            { seatCode: r.seat_code ?? '', expertId: r.expert_id, departmentId: r.department_id },
            subscriber.scope,
          ),
        );
        if (mine.length > 0) subscriber.poke(Number(mine[mine.length - 1]!.seq));
      }
      if (rows.length < SCAN_PAGE) return;
    }
  }

  async function drain(): Promise<void> {
    try {
      while (pending) {
        pending = false;
        await scanOnce();
      }
    } catch (err) {
      // Seats still pull on their own timer; the next push scans again from the same seq.
      log.warn({ err }, 'poke scan failed');
    } finally {
      scanning = null;
    }
  }

  function scan(): void {
    pending = true;
    scanning ??= drain();
  }

  const listener = listenUrl ? listenForOtherInstances(listenUrl, epoch, scan, log) : null;

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    pushCommitted() {
      scan();
      if (store.dialect !== 'postgres') return;
      sql`SELECT pg_notify(${POKE_CHANNEL}, ${epoch})`.execute(store.db).catch((err: unknown) => {
        log.warn({ err }, 'poke notify failed; other server instances poke on their next push');
      });
    },
    async close() {
      subscribers.clear();
      await listener?.close();
      await scanning;
    },
  };
}

async function latestSeq(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** A dedicated connection LISTENing for pushes committed by other instances; reconnects while open. */
function listenForOtherInstances(url: string, epoch: string, onNotify: () => void, log: ServerLogger) {
  let client: pg.Client | null = null;
  let connecting: Promise<void> = Promise.resolve();
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  // Ending a connection that already failed can fail again; the connection is gone either way.
  const end = (c: pg.Client) => c.end().catch(() => undefined);

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('notification', (n) => {
      if (n.channel === POKE_CHANNEL && n.payload === epoch) onNotify();
    });
    c.on('error', (err) => {
      log.warn({ err }, 'poke listener connection lost; reconnecting');
      void end(c);
      schedule();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${POKE_CHANNEL}`);
      // Pushes committed elsewhere while this connection was down are found by the scan.
      onNotify();
    } catch (err) {
      if (closed) return;
      log.warn({ err }, 'poke listener could not connect; retrying');
      void end(c);
      schedule();
    }
  };

  const schedule = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connecting = connect();
    }, RELISTEN_MS);
    retry.unref();
  };

  connecting = connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await connecting;
      if (client) await end(client);
    },
  };
}
