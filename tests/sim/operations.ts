import { PRIORITIES } from '../../shared/domain/inquiry';
import { allowedNext, type Status } from '../../shared/domain/status';
import type { In } from '../../shared/contract/contract';
import { anInquiry } from '../../electron/core/intake/testSeat';
import type { EditKind } from './history';
import type { SimWorld } from './runScenario';
import type { SimSeat } from './simSeat';

/** Question/answer text a seat committed: P5 demands each one survives somewhere. */
export type WrittenText = { clientId: string; inquiryId: string; field: 'question' | 'answer'; value: string };
/** A value a seat committed and must keep showing until the server acknowledges it (P4 read-your-writes). */
export type PendingWrite = { seat: SimSeat; inquiryId: string; field: string; value: unknown; mutationId: number };
/** `serial` numbers every text so each one is unique (two racing seats never write the same words). */
export type Written = { texts: WrittenText[]; pending: PendingWrite[]; serial: number };

type EditStep = { pick: number; edit: EditKind; choice: number; killAfterCommit: boolean };

function lastMutationId(seat: SimSeat): number {
  return Number(seat.store().meta.get('next_mutation_id') ?? '1') - 1;
}

function serial(world: SimWorld): number {
  world.written.serial += 1;
  return world.written.serial;
}

/** The operator saves a new case from a call. */
export async function create(world: SimWorld, seat: SimSeat, killAfterCommit: boolean): Promise<void> {
  const question = `问题${serial(world)}：玉米叶片发黄，下部叶子有褐色斑点，是什么病？`;
  const input = anInquiry({ question });
  const saved = killAfterCommit
    ? await seat.callThenKill('inquiry:create', input)
    : await seat.call('inquiry:create', input);
  if (!saved) throw new Error('a valid new case was refused by the seat');
  const clientId = seat.store().meta.clientId();
  world.written.texts.push({ clientId, inquiryId: saved.id, field: 'question', value: question });
  world.written.pending.push({
    seat,
    inquiryId: saved.id,
    field: 'question',
    value: question,
    mutationId: lastMutationId(seat),
  });
}

function caseIds(seat: SimSeat): string[] {
  return (seat.store().db.prepare(`SELECT id FROM inquiry ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
}

/** The `pick`-th newest case among those every one of `seats` holds (ids are time-ordered UUIDv7). */
export function newestShared(seats: SimSeat[], pick: number): string | undefined {
  const [first, ...rest] = seats.map(caseIds);
  const shared = (first ?? []).filter((id) => rest.every((ids) => ids.includes(id)));
  return shared[shared.length - 1 - (pick % Math.max(shared.length, 1))];
}

/** The operator edits one of the cases the seat shows; an edit the seat itself refuses changes nothing. */
export async function edit(world: SimWorld, seat: SimSeat, step: EditStep, id = newestShared([seat], step.pick)) {
  const current = id ? seat.store().inquiries.get(id) : undefined;
  if (!id || !current) return;
  const n = serial(world);
  const update = buildUpdate(step, current.status, current.answer, n);
  const input: In<'inquiry:update'> = { id, expectedVersion: current.version, ...update };
  const saved = step.killAfterCommit
    ? await seat.callThenKill('inquiry:update', input)
    : await seat.call('inquiry:update', input);
  if (!saved) return;
  const clientId = seat.store().meta.clientId();
  const mutationId = lastMutationId(seat);
  for (const [field, value] of Object.entries(update.changes)) {
    if (field === 'question' || field === 'answer') {
      world.written.texts.push({ clientId, inquiryId: id, field, value: String(value) });
    }
    world.written.pending.push({ seat, inquiryId: id, field, value, mutationId });
  }
}

function buildUpdate(
  step: EditStep,
  status: Status,
  answer: string,
  n: number,
): { changes: NonNullable<In<'inquiry:update'>['changes']>; note?: string } {
  switch (step.edit) {
    case 'answer':
      return { changes: { answer: `答复${n}：追施钾肥，十天后复查` } };
    case 'question':
      return { changes: { question: `问题${n}：水稻叶瘟怎么防治？` } };
    case 'field': {
      const which = step.choice % 3;
      if (which === 0) return { changes: { priority: PRIORITIES[step.choice % PRIORITIES.length]! } };
      if (which === 1) return { changes: { callerName: `来电人${n}` } };
      return { changes: { subject: `品种${n}` } };
    }
    case 'status': {
      const next = allowedNext(status);
      const to = next[step.choice % Math.max(next.length, 1)];
      if (!to) return { changes: {}, note: `说明${n}：已归档，仅记录` };
      return {
        changes: {
          status: to,
          ...(to === 'answered' && answer.trim() === '' ? { answer: `答复${n}：按农技站建议处理` } : {}),
          ...(to === 'to_expert' ? { expertId: 'E01' } : {}),
          ...(to === 'to_department' ? { departmentId: 'D01' } : {}),
        },
        note: `说明${n}：状态调整`,
      };
    }
    case 'note':
      return { changes: {}, note: `说明${n}：回访记录` };
  }
}
