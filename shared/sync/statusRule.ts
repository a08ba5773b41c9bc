import { checkTransition, type Status } from '../domain/status';
import type { Conflict, ServerInquiry } from './protocol';

/** A 'status_changed' event: the status the seat saw and the one it moved the case to. */
export type StatusMove = { from: Status; to: Status };

/** Statuses another seat's concurrent work must not undo: a case closed by one seat stays closed. */
const TERMINAL: readonly Status[] = ['closed', 'archived'];

/**
 * Moves the server's row along the case lifecycle. The move is judged from the server's status, not
 * the seat's, because other seats may have moved the case since. Leaving a closed case (reopening or
 * archiving it) needs a seat that saw it closed: a move planned against an older, open status is a
 * concurrent edit, and letting it through would silently reopen a case someone else finished.
 * `note` is the text of the mutation's own note events, which reopening and returning require.
 */
export function moveStatus<R extends ServerInquiry>(
  row: R,
  move: StatusMove,
  note: string | null,
): { row: R; conflict: Conflict | null } {
  if (row.status === move.to) return { row, conflict: null };
  const sawTerminal = !TERMINAL.includes(row.status) || move.from === row.status;
  const legal = checkTransition(row.status, move.to, {
    answer: row.answer,
    expertId: row.expertId,
    departmentId: row.departmentId,
    note,
  }).ok;
  if (sawTerminal && legal) return { row: { ...row, status: move.to }, conflict: null };
  return { row, conflict: { field: 'status', base: move.from, mine: move.to, theirs: row.status } };
}
