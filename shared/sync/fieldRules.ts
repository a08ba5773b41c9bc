import { EDITABLE_FIELDS, type EditableField } from '../domain/inquiry';
import type { Conflict, ServerInquiry } from './protocol';

export { EDITABLE_FIELDS, type EditableField };

/** One field of an 'edited' event: the value the seat saw and the value it wanted. */
export type FieldEdit = {
  [F in EditableField]: { field: F; from: ServerInquiry[F]; to: ServerInquiry[F] };
}[EditableField];

/**
 * Free text an operator typed during a call. Losing it is the worst failure a hotline can have, so an
 * edit based on text the server no longer holds never replaces it; it comes back as a proposal instead.
 */
const NEVER_OVERWRITTEN: readonly EditableField[] = ['question', 'answer'];

/**
 * Merges one field edit into the server's row. Short fields (contact, routing, classification) are
 * cheap to re-check on the phone, so the later write in server order wins; question and answer keep
 * the server's text when the seat edited a different version of it.
 */
export function mergeEdit<R extends ServerInquiry>(row: R, edit: FieldEdit): { row: R; conflict: Conflict | null } {
  const theirs = row[edit.field];
  if (theirs === edit.to) return { row, conflict: null };
  if (theirs !== edit.from && NEVER_OVERWRITTEN.includes(edit.field)) {
    return { row, conflict: { field: edit.field, base: edit.from, mine: edit.to, theirs } };
  }
  return { row: { ...row, [edit.field]: edit.to }, conflict: null };
}
