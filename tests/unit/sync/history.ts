import fc from 'fast-check';
import { CATEGORIES } from '../../../shared/domain/categories';
import { CHANNELS, PRIORITIES, type InquiryEvent } from '../../../shared/domain/inquiry';
import { allowedNext, STATUSES, type Status } from '../../../shared/domain/status';
import type { Mutation } from '../../../shared/sync/protocol';
import { applyMutation, type Actor, type ApplyResult, type ServerRow } from '../../../shared/sync/reducer';
import { referenceServer } from '../../../shared/sync/referenceModel';
import { CASE_ID, inquiry } from './fixtures';

/**
 * Random multi-seat histories for the sync rules: seats start from the same created case, edit the row
 * they last saw (their own pending edits replayed over the last pulled server row, as the seat's
 * per-row rebase does), and deliver their outbox to one server in a random interleaving.
 */

/** Short fields with a few values each, so seats often collide on the same field. */
const SHORT_VALUES = {
  callerName: ['张三', '张山', null],
  regionCode: ['220102', '220281', null],
  channel: CHANNELS,
  category: CATEGORIES.slice(0, 3),
  subject: ['玉米', '水稻', null],
  priority: PRIORITIES,
  expertId: ['E01', 'E02', null],
  departmentId: ['D01', 'D02', null],
} as const;
type ShortField = keyof typeof SHORT_VALUES;

export type EditPlan = {
  question: boolean;
  answer: 'keep' | 'write' | 'clear';
  short: { field: ShortField; pick: number } | null;
  /**
   * 'next': a move the seat's lifecycle offers, with what it needs filled in, as a careful operator
   * makes it; 'any': any status at all, allowed or not — the server must judge it either way.
   */
  status: { mode: 'next' | 'any'; pick: number } | null;
  note: boolean;
};

export type Command =
  | { kind: 'edit'; seat: number; plan: EditPlan }
  | { kind: 'deliver'; seat: number }
  | { kind: 'pull'; seat: number }
  | { kind: 'redeliver'; seat: number; pick: number };

const seatArb = fc.nat(2);
const planArb: fc.Arbitrary<EditPlan> = fc.record({
  question: fc.boolean(),
  answer: fc.constantFrom('keep', 'write', 'write', 'clear'),
  short: fc.option(
    fc.record({ field: fc.constantFrom(...(Object.keys(SHORT_VALUES) as ShortField[])), pick: fc.nat(5) }),
  ),
  status: fc.option(fc.record({ mode: fc.constantFrom('next', 'next', 'any'), pick: fc.nat(7) }), { freq: 3 }),
  note: fc.boolean(),
});
export const commandsArb: fc.Arbitrary<Command[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), seat: seatArb, plan: planArb }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), seat: seatArb }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('pull' as const), seat: seatArb }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('redeliver' as const), seat: seatArb, pick: fc.nat() }) },
  ),
  { minLength: 4, maxLength: 40, size: 'max' },
);
export const historyArb = fc.record({ seats: fc.integer({ min: 2, max: 3 }), commands: commandsArb });

/** One mutation reaching the server, with the row before and the server's answer. */
export type Delivery = {
  seat: number;
  mutation: Mutation;
  actor: Actor;
  before: ServerRow | null;
  result: ApplyResult;
  duplicate: boolean;
};

export type Run = {
  deliveries: Delivery[];
  /** Every question/answer text a seat wrote, the first case's included. */
  written: { field: 'question' | 'answer'; value: string }[];
  final: ServerRow;
  events: readonly InquiryEvent[];
};

type Seat = { base: ServerRow; local: ServerRow; pending: Mutation[]; sent: Mutation[]; nextMutationId: number };

const actorOf = (seat: number): Actor => ({ userId: `u${seat}`, role: 'supervisor', scope: { kind: 'all' } });

/** Times the seats' clocks give to step `n`: ordered by default; a test may scramble them. */
export type Clock = (step: number) => string;
export const orderedClock: Clock = (step) => new Date(Date.UTC(2026, 10, 28, 0, step)).toISOString();

function targetStatus(from: Status, wish: NonNullable<EditPlan['status']>): Status | null {
  const options = wish.mode === 'next' ? allowedNext(from) : STATUSES;
  const to = options[wish.pick % Math.max(options.length, 1)];
  return to === undefined || to === from ? null : to;
}

/** The outbox's `changes`, as the seat writes it next to the events. */
function summary(changes: Record<string, { to: unknown }>, events: readonly InquiryEvent[]): Record<string, unknown> {
  const moved = events.find((e) => e.type === 'status_changed');
  const to = Object.fromEntries(Object.entries(changes).map(([field, c]) => [field, c.to]));
  return moved ? { ...to, status: moved.data.to } : to;
}

function locally(row: ServerRow, mutation: Mutation, seat: number): ServerRow {
  const result = applyMutation(row, mutation, actorOf(seat), new Set());
  return result.status === 'rejected' ? row : result.row;
}

export function runHistory(seatCount: number, commands: readonly Command[], clock: Clock = orderedClock): Run {
  const server = referenceServer();
  const deliveries: Delivery[] = [];
  const written: Run['written'] = [];
  let step = 0;

  function deliver(seat: number, mutation: Mutation, duplicate: boolean): void {
    const actor = actorOf(seat);
    const before = server.row(CASE_ID);
    deliveries.push({ seat, mutation, actor, before, result: server.apply({ mutation, actor }), duplicate });
  }

  const at0 = clock(step++);
  // The case's own creation time stays fixed so that scrambled clocks touch event times only.
  const created = inquiry({ question: '最初的问题' });
  const createdEvent: InquiryEvent = {
    id: 'e-0-0',
    inquiryId: CASE_ID,
    type: 'created',
    at: at0,
    operator: '王丽',
    seatCode: 'S01',
    data: { caseNo: created.caseNo, status: 'intake' },
  };
  const create: Mutation = {
    id: 1,
    name: 'inquiry.create',
    args: { inquiry: created, events: [createdEvent] },
    createdAt: at0,
    operatorId: null,
  };
  written.push({ field: 'question', value: created.question }, { field: 'answer', value: created.answer });
  deliver(0, create, false);
  const start = server.row(CASE_ID);
  if (!start) throw new Error('the create did not apply');
  const seats: Seat[] = Array.from({ length: seatCount }, (_, i) => ({
    base: start,
    local: start,
    pending: [],
    sent: i === 0 ? [create] : [],
    nextMutationId: i === 0 ? 2 : 1,
  }));

  function edit(index: number, seat: Seat, plan: EditPlan): void {
    const at = clock(step);
    const tag = `s${index}-${step}`;
    step += 1;
    const { local } = seat;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const change = (field: string, from: unknown, to: unknown) => {
      if (from !== to) changes[field] = { from, to };
    };
    const target = plan.status && targetStatus(local.status, plan.status);
    const careful = plan.status?.mode === 'next' && target !== null;
    const answer =
      plan.answer === 'keep' && careful && target === 'answered' && local.answer === '' ? 'write' : plan.answer;
    if (plan.question) change('question', local.question, `问题-${tag}`);
    if (answer !== 'keep') change('answer', local.answer, answer === 'write' ? `答复-${tag}` : '');
    if (plan.short) {
      const values = SHORT_VALUES[plan.short.field];
      change(plan.short.field, local[plan.short.field], values[plan.short.pick % values.length]);
    }
    if (careful && target === 'to_expert' && !local.expertId) change('expertId', local.expertId, 'E01');
    if (careful && target === 'to_department' && !local.departmentId) change('departmentId', local.departmentId, 'D01');
    const events: InquiryEvent[] = [];
    const ev = (type: InquiryEvent['type'], data: Record<string, unknown>): InquiryEvent => ({
      id: `e-${tag}-${events.length}`,
      inquiryId: CASE_ID,
      type,
      at,
      operator: `op${index}`,
      seatCode: `S0${index + 1}`,
      data,
    });
    if (Object.keys(changes).length > 0) events.push(ev('edited', changes));
    if (target) events.push(ev('status_changed', { from: local.status, to: target }));
    if (plan.note || careful) events.push(ev('note', { text: `说明-${tag}` }));
    if (events.length === 0) return;
    for (const field of ['question', 'answer'] as const) {
      const to = changes[field]?.to;
      if (typeof to === 'string') written.push({ field, value: to });
    }
    const mutation: Mutation = {
      id: seat.nextMutationId++,
      name: 'inquiry.update',
      args: { id: CASE_ID, baseVersion: local.version, changes: summary(changes, events), events },
      createdAt: at,
      operatorId: null,
    };
    seat.pending.push(mutation);
    seat.local = locally(local, mutation, index);
  }

  function act(command: Command): void {
    const index = command.seat % seatCount;
    const seat = seats[index];
    if (!seat) return;
    switch (command.kind) {
      case 'edit':
        return edit(index, seat, command.plan);
      case 'deliver': {
        const next = seat.pending.shift();
        if (!next) return;
        seat.sent.push(next);
        return deliver(index, next, false);
      }
      case 'pull': {
        seat.base = server.row(CASE_ID) ?? seat.base;
        seat.local = seat.pending.reduce((row, m) => locally(row, m, index), seat.base);
        return;
      }
      case 'redeliver': {
        const again = seat.sent[command.pick % Math.max(seat.sent.length, 1)];
        if (again) deliver(index, again, true);
        return;
      }
    }
  }

  commands.forEach(act);
  seats.forEach((seat, index) => seat.pending.splice(0).forEach((m) => deliver(index, m, false)));
  const final = server.row(CASE_ID);
  if (!final) throw new Error('the case vanished');
  return { deliveries, written, final, events: server.events(CASE_ID) };
}
