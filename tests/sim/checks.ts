import { isDeepStrictEqual } from 'node:util';
import { allowedNext } from '../../shared/domain/status';
import type { Mutation } from '../../shared/sync/protocol';
import { inScope, mutationInquiryId, type ServerRow } from '../../shared/sync/reducer';
import { foldLedger, referenceServer, type LedgerEntry } from '../../shared/sync/referenceModel';
import { issueRepo } from '../../electron/core/sync/issueRepo';
import { coverage } from './coverage';
import { mutationKey } from './network';
import { checkReplay, checkResume } from './replayChecks';
import type { SimWorld } from './runScenario';
import { serverView, type ServerView } from './serverView';

function fail(property: string, message: string, detail?: unknown): never {
  throw new Error(`${property}: ${message}${detail === undefined ? '' : `\n${JSON.stringify(detail, null, 1)}`}`);
}

/** Everything after heal + quiesce (sync-research.md §5.2). */
export async function checkFinal(world: SimWorld): Promise<void> {
  for (const s of world.seats) {
    const status = s.engine().status();
    if (status.pending !== 0 || status.lastError !== null) fail('quiesce', `${s.who.seatCode} did not drain`, status);
  }
  const view = await serverView(world.server);
  coverage.conflicts += view.ledger.filter((r) => r.result.status === 'applied_with_conflict').length;
  const entries = checkLedger(world, view);
  checkReducer(entries, view);
  checkConvergence(world, view);
  checkTexts(world, view);
  checkStatusMachine(entries);
  checkClocks(entries);
  await checkResume(world, view);
  await checkReplay(world, view);
}

/** P1: the ledger holds exactly the (client, mutation) pairs the seats committed, 1..n per client. */
function checkLedger(world: SimWorld, view: ServerView): LedgerEntry[] {
  const byClient = new Map<string, number[]>();
  for (const r of view.ledger) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), r.mutationId]);
  for (const s of world.seats) {
    const clientId = s.store().meta.clientId();
    const committed = Number(s.store().meta.get('next_mutation_id') ?? '1') - 1;
    const ids = [...(byClient.get(clientId) ?? [])].sort((a, b) => a - b);
    const expected = Array.from({ length: committed }, (_, i) => i + 1);
    if (!isDeepStrictEqual(ids, expected)) fail('P1', `${s.who.seatCode} committed 1..${committed}, ledger has`, ids);
    if ((view.lastMutationIds.get(clientId) ?? 0) !== committed) {
      fail('P1', `${s.who.seatCode} last_mutation_id ${view.lastMutationIds.get(clientId)} ≠ ${committed}`);
    }
    byClient.delete(clientId);
  }
  if (byClient.size > 0) fail('P1', 'ledger holds mutations of unknown clients', [...byClient.keys()]);
  return view.ledger.map((r) => {
    const mutation = world.network.mutations.get(mutationKey(r.clientId, r.mutationId));
    const actor = world.actors.get(r.clientId);
    if (!mutation || !actor) fail('P1', `ledger entry ${mutationKey(r.clientId, r.mutationId)} was never sent`);
    return { mutation, actor };
  });
}

/** P2: the server's cases, timelines and stored results equal the pure fold of its ledger in server order. */
function checkReducer(entries: LedgerEntry[], view: ServerView): void {
  const folded = foldLedger(entries);
  const results = view.ledger.map((r) => r.result.status);
  const expected = folded.results.map((r) => r.status);
  if (!isDeepStrictEqual(results, expected))
    fail('P2', 'stored results differ from the reference fold', { results, expected });
  if (!isDeepStrictEqual(new Map(folded.rows), view.rows)) {
    fail('P2', 'server rows differ from the reference fold', {
      server: [...view.rows.values()],
      model: [...folded.rows.values()],
    });
  }
  for (const [id, events] of folded.events) {
    const stored = (view.timeline.get(id) ?? []).map((e) => e.id);
    if (
      !isDeepStrictEqual(
        stored,
        events.map((e) => e.id),
      )
    )
      fail('P2', `timeline of ${id} differs from the fold`);
  }
}

/**
 * P3: every seat shows exactly the server's cases in its scope, with the server's values and versions,
 * except cases with an open conflict or rejection (listed in the inbox, where the operator decides).
 */
function checkConvergence(world: SimWorld, view: ServerView): void {
  for (const s of world.seats) {
    const { db, inquiries } = s.store();
    const scope = world.actors.get(s.store().meta.clientId())!.scope;
    const open = issueRepo(db).open();
    const disputed = new Set(open.map((i) => i.inquiryId));
    coverage.openIssues += open.length;
    surfaced(view, s);
    const localIds = (db.prepare(`SELECT id FROM inquiry ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
    const expectedIds = [...view.rows.values()].filter((r) => inScope(r, scope)).map((r) => r.id);
    const missing = expectedIds.filter((id) => !localIds.includes(id) && !disputed.has(id));
    const extra = localIds.filter((id) => !expectedIds.includes(id) && !disputed.has(id));
    if (missing.length + extra.length > 0) fail('P3', `${s.who.seatCode} holds the wrong cases`, { missing, extra });
    const waiting = db.prepare(`SELECT count(*) AS n FROM inquiry_base`).get() as { n: number };
    if (waiting.n !== 0) fail('P3', `${s.who.seatCode} still has ${waiting.n} server copies waiting`);
    for (const id of expectedIds) {
      if (disputed.has(id)) continue;
      const server = view.rows.get(id)!;
      const local = inquiries.get(id) as Record<string, unknown> | undefined;
      const version = db.prepare(`SELECT server_version FROM inquiry WHERE id = ?`).get(id) as {
        server_version: number | null;
      };
      // `version` is each seat's own edit counter (an echo keeps it), not state the seats share.
      const differing = Object.keys(server).filter(
        (k) => k !== 'rowVersion' && k !== 'version' && !isDeepStrictEqual(local?.[k], server[k as keyof ServerRow]),
      );
      if (differing.length > 0 || version.server_version !== server.rowVersion) {
        fail('P3', `${s.who.seatCode} shows case ${id} unlike the server`, {
          differing: differing.map((k) => ({ k, seat: local?.[k], server: server[k as keyof ServerRow] })),
          seatVersion: version.server_version,
          serverVersion: server.rowVersion,
        });
      }
    }
  }
}

/**
 * F13: every conflict or rejection the server stored for a seat's mutation is in that seat's inbox,
 * and nothing else is open there. An issue from an earlier verdict that a re-send after a restore
 * replaced is closed (superseded) and stays only in the resolved history.
 */
function surfaced(view: ServerView, seat: SimWorld['seats'][number]): void {
  const clientId = seat.store().meta.clientId();
  const verdicts = new Map(
    view.ledger
      .filter((r) => r.clientId === clientId)
      .map((r) => [
        r.mutationId,
        r.result.status === 'applied' ? null : r.result.status === 'rejected' ? 'rejected' : 'conflict',
      ]),
  );
  const expected = [...verdicts]
    .filter(([, kind]) => kind !== null)
    .sort(([a], [b]) => a - b)
    .map(([id, kind]) => `${id}:${kind}`);
  const listed = (
    seat.store().db.prepare(`SELECT mutation_id, kind, resolved_at FROM sync_issue ORDER BY mutation_id`).all() as {
      mutation_id: number;
      kind: string;
      resolved_at: string | null;
    }[]
  )
    .filter((i) => i.resolved_at === null || verdicts.get(i.mutation_id) === i.kind)
    .map((i) => `${i.mutation_id}:${i.kind}`);
  if (!isDeepStrictEqual(listed, expected))
    fail('P3', `${seat.who.seatCode} inbox ≠ the server's verdicts`, { listed, expected });
}

/** P5: every question/answer text a seat committed is the current value, in the server's timeline, or in the writer's inbox. */
function checkTexts(world: SimWorld, view: ServerView): void {
  const issuesOf = new Map(
    world.seats.map((s) => [
      s.store().meta.clientId(),
      JSON.stringify(s.store().db.prepare(`SELECT payload FROM sync_issue`).all()),
    ]),
  );
  for (const t of world.written.texts) {
    const row = view.rows.get(t.inquiryId);
    if (row?.[t.field] === t.value) continue;
    if (JSON.stringify(view.timeline.get(t.inquiryId) ?? []).includes(JSON.stringify(t.value))) continue;
    if ((issuesOf.get(t.clientId) ?? '').includes(t.value)) continue;
    fail('P5', `text written to ${t.field} of ${t.inquiryId} is nowhere`, t.value);
  }
}

/**
 * P8: walking the ledger in server order, every change of a case's status is an allowed transition
 * (closed is left only by an explicit reopen to intake or by archiving; archived never). P2 ties the
 * real server to this walk. The timeline may also hold a seat's status_changed intent the server
 * found already done or refused: that is history of what the operator did, not a transition.
 */
function checkStatusMachine(entries: LedgerEntry[]): void {
  const server = referenceServer();
  for (const entry of entries) {
    const id = mutationInquiryId(entry.mutation);
    const before = server.row(id)?.status ?? null;
    server.apply(entry);
    const after = server.row(id)?.status ?? null;
    if (before === null || after === null || before === after) continue;
    if (!allowedNext(before).includes(after)) fail('P8', `case ${id} went ${before} → ${after}`);
  }
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function mapTimes(value: unknown, f: (iso: string) => string): unknown {
  if (typeof value === 'string') return ISO.test(value) ? f(value) : value;
  if (Array.isArray(value)) return value.map((v) => mapTimes(v, f));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapTimes(v, f)]));
  }
  return value;
}

/** P11: moving every seat's clock (each by its own amount, some backwards) changes no server value but the times. */
function checkClocks(entries: LedgerEntry[]): void {
  const shifts = new Map<string, number>();
  const shifted = entries.map(({ mutation, actor }) => {
    const key = actor.userId;
    if (!shifts.has(key)) shifts.set(key, (shifts.size % 2 === 0 ? -1 : 1) * (shifts.size + 1) * 7_777_777_777);
    const ms = shifts.get(key)!;
    return { actor, mutation: mapTimes(mutation, (iso) => new Date(Date.parse(iso) + ms).toISOString()) as Mutation };
  });
  const blank = (rows: ReadonlyMap<string, ServerRow>) => mapTimes(Object.fromEntries(rows), () => 'T');
  const a = foldLedger(entries);
  const b = foldLedger(shifted);
  if (
    !isDeepStrictEqual(blank(a.rows), blank(b.rows)) ||
    !isDeepStrictEqual(
      a.results.map((r) => r.status),
      b.results.map((r) => r.status),
    )
  ) {
    fail('P11', 'shifting seat clocks changed the server state');
  }
}
