import type { InquiryEvent } from '../domain/inquiry';
import { checkTransition } from '../domain/status';
import type { Role, Scope } from './auth';
import { readEvents, type ReadEvent } from './eventIntents';
import { mergeEdit } from './fieldRules';
import type { Conflict, Mutation, REJECT_CODES, ServerInquiry } from './protocol';
import { moveStatus } from './statusRule';

/**
 * How the server applies one seat mutation to a case (DESIGN.md §6 rule 3, sync-research.md §4.7).
 * Pure and clock-free, so the server, the seat's per-row rebase and the simulator's reference model
 * all compute the same row from the same history.
 */

export type ServerRow = ServerInquiry & { rowVersion: number };
export type Actor = { userId: string; role: Role; scope: Scope };
export type RejectCode = (typeof REJECT_CODES)[number];
export type ApplyResult =
  | { status: 'applied' | 'applied_with_conflict'; row: ServerRow; newEvents: InquiryEvent[]; conflicts: Conflict[] }
  | { status: 'rejected'; code: RejectCode; message: string };

/** Shown in the seat's 冲突与退回 inbox next to the change that did not reach the server. */
export const REJECT_MESSAGES = {
  cannotCreate: '您的账号不能新建工单，这张工单没有上传；请用受理员账号重新录入，或联系管理员开通权限。',
  createOutOfScope: '这张工单不属于您账号的办理范围，没有上传；请联系管理员核对座席与账号权限。',
  updateOutOfScope: '这张工单已不在您账号的办理范围内，这次修改没有上传；请联系管理员或工单现在的承办人。',
  notFound: '服务器上没有这张工单，这次修改没有上传；请联系管理员核实。',
  idTaken: '服务器上已有一张编号相同的其他工单，这张工单没有上传；请联系管理员处理。',
  invalid: (reason: string) => `这条修改的数据不正确（${reason}），没有上传；请联系管理员。`,
  badInitialStatus: '新工单的初始状态不符合办理流程，没有上传；请联系管理员。',
} as const;

/** Roles that take calls and so open cases; experts and departments only work on cases sent to them. */
const CREATORS: readonly Role[] = ['operator', 'supervisor', 'admin'];

export function canCreate(role: Role): boolean {
  return CREATORS.includes(role);
}

export function inScope(row: Pick<ServerRow, 'seatCode' | 'expertId' | 'departmentId'>, scope: Scope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'seats':
      return scope.seatCodes.includes(row.seatCode);
    case 'expert':
      return row.expertId === scope.expertId;
    case 'department':
      return row.departmentId === scope.departmentId;
  }
}

/** The case a mutation is about: the server loads `current` and the known event ids by it. */
export function mutationInquiryId(mutation: Mutation): string {
  return mutation.name === 'inquiry.create' ? mutation.args.inquiry.id : mutation.args.id;
}

/**
 * `current` = the server's row for the mutation's inquiry id (null if none); `knownEventIds` = ids of
 * that inquiry's events the server already stores (events are append-only and de-duplicated by id).
 * Events are the intents: only events the server lacks act, which makes re-applying a mutation
 * harmless. `changes` and `baseVersion` are a summary of the same events and are not consulted: the
 * per-field `from` values are a finer base than one version number for the whole row.
 */
export function applyMutation(
  current: ServerRow | null,
  mutation: Mutation,
  actor: Actor,
  knownEventIds: ReadonlySet<string>,
): ApplyResult {
  return mutation.name === 'inquiry.create'
    ? applyCreate(current, mutation.args, actor, knownEventIds)
    : applyUpdate(current, mutation.args, actor, knownEventIds);
}

type CreateArgs = Extract<Mutation, { name: 'inquiry.create' }>['args'];
type UpdateArgs = Extract<Mutation, { name: 'inquiry.update' }>['args'];

function applyCreate(
  current: ServerRow | null,
  args: CreateArgs,
  actor: Actor,
  known: ReadonlySet<string>,
): ApplyResult {
  const { inquiry } = args;
  if (!canCreate(actor.role)) return reject('FORBIDDEN', REJECT_MESSAGES.cannotCreate);
  const read = readEvents(args.events, inquiry.id);
  if (!read.ok) return reject('INVALID', REJECT_MESSAGES.invalid(read.reason));
  if (!inScope(inquiry, actor.scope)) return reject('FORBIDDEN', REJECT_MESSAGES.createOutOfScope);
  const fresh = freshEvents(read.read, known);
  if (current) {
    // A create sent again (lost response, restored server) finds its own case, maybe edited since.
    if (!sameCase(current, inquiry)) return reject('ID_TAKEN', REJECT_MESSAGES.idTaken);
    return appended(current, { ...current, updatedAt: latestTime(current.updatedAt, fresh) }, fresh, []);
  }
  const note = noteText(read.read);
  const ctx = { answer: inquiry.answer, expertId: inquiry.expertId, departmentId: inquiry.departmentId, note };
  if (inquiry.status !== 'intake' && !checkTransition('intake', inquiry.status, ctx).ok) {
    return reject('INVALID', REJECT_MESSAGES.badInitialStatus);
  }
  return {
    status: 'applied',
    row: { ...inquiry, updatedAt: latestTime(inquiry.updatedAt, fresh), rowVersion: 1 },
    newEvents: fresh.map(({ event }) => event),
    conflicts: [],
  };
}

function applyUpdate(
  current: ServerRow | null,
  args: UpdateArgs,
  actor: Actor,
  known: ReadonlySet<string>,
): ApplyResult {
  const read = readEvents(args.events, args.id);
  if (!read.ok) return reject('INVALID', REJECT_MESSAGES.invalid(read.reason));
  if (!current) return reject('NOT_FOUND', REJECT_MESSAGES.notFound);
  if (!inScope(current, actor.scope)) return reject('FORBIDDEN', REJECT_MESSAGES.updateOutOfScope);
  const fresh = freshEvents(read.read, known);
  const conflicts: Conflict[] = [];
  let row = current;
  // Edits first: a status move in the same mutation is judged against the row it was made with.
  for (const { intent } of fresh) {
    if (intent.kind !== 'edit') continue;
    for (const edit of intent.edits) {
      const merged = mergeEdit(row, edit);
      row = merged.row;
      if (merged.conflict) conflicts.push(merged.conflict);
    }
  }
  const note = noteText(read.read);
  for (const { intent } of fresh) {
    if (intent.kind !== 'move') continue;
    const moved = moveStatus(row, intent.move, note);
    row = moved.row;
    if (moved.conflict) conflicts.push(moved.conflict);
  }
  return appended(current, { ...row, updatedAt: latestTime(current.updatedAt, fresh) }, fresh, conflicts);
}

/**
 * The timeline is part of the case, so the row version moves exactly when the server learns an event;
 * a mutation whose events are all known changes nothing at all.
 */
function appended(before: ServerRow, after: ServerRow, fresh: ReadEvent[], conflicts: Conflict[]): ApplyResult {
  const status = conflicts.length > 0 ? 'applied_with_conflict' : 'applied';
  if (fresh.length === 0) return { status, row: before, newEvents: [], conflicts };
  return {
    status,
    row: { ...after, rowVersion: before.rowVersion + 1 },
    newEvents: fresh.map(({ event }) => event),
    conflicts,
  };
}

/** Events the server does not store yet, each once even if the mutation repeats an id. */
function freshEvents(read: readonly ReadEvent[], known: ReadonlySet<string>): ReadEvent[] {
  const seen = new Set(known);
  return read.filter(({ event }) => {
    if (seen.has(event.id)) return false;
    seen.add(event.id);
    return true;
  });
}

/** The mutation's own notes: the reason a reopen, a return or an unanswered close must carry. */
function noteText(read: readonly ReadEvent[]): string | null {
  const texts = read.flatMap(({ intent }) => (intent.kind === 'note' ? [intent.text] : []));
  return texts.length > 0 ? texts.join('\n') : null;
}

/**
 * updatedAt is the time of the latest event the case has, as the seats' clocks recorded it: data to
 * show, never used to order or merge anything, so a wrong seat clock cannot change the outcome.
 */
function latestTime(previous: string, fresh: readonly ReadEvent[]): string {
  let latest = previous;
  let latestMs = Date.parse(previous);
  for (const { event } of fresh) {
    const ms = Date.parse(event.at);
    if (Number.isNaN(latestMs) || ms > latestMs) {
      latest = event.at;
      latestMs = ms;
    }
  }
  return latest;
}

/** The creation facts a case never changes: equal facts mean the same case, sent again. */
const CREATION_FACTS = [
  'caseNo',
  'seatCode',
  'operator',
  'callerPhone',
  'createdAt',
] as const satisfies readonly (keyof ServerInquiry)[];

function sameCase(current: ServerRow, sent: ServerInquiry): boolean {
  return CREATION_FACTS.every((fact) => current[fact] === sent[fact]);
}

function reject(code: RejectCode, message: string): ApplyResult {
  return { status: 'rejected', code, message };
}
