import { type Scope } from '../../../shared/sync/auth';
import { type ServerInquiry } from '../../../shared/sync/protocol';
import { type WordGroup } from './caseQuery';

/**
 * A case's index also holds words naming who may see it — its seat, expert and department. A search in
 * a narrow scope then asks the index for those words next to the typed ones, and the index alone finds
 * the intersection: joining every match to the case table to test its scope read the pages of every
 * case holding a common word (a seat's long-question search over 10^6 cases took a second on
 * PostgreSQL).
 *
 * The words are `scope` + a letter + the id's UTF-8 in hex: letters and digits only, so both FTS5's and
 * PostgreSQL's 'simple' tokenizers keep each whole, and no query can reach them (caseQuery.ts drops
 * any typed word of this shape).
 */
export type ScopeFacts = Pick<ServerInquiry, 'seatCode' | 'expertId' | 'departmentId'>;

/** Bump when the words change: the backfill re-indexes every case, and searches test scope by join meanwhile. */
export const SCOPE_WORDS_FORMAT = 'scope-words-1';

const KIND = { seat: 's', expert: 'e', department: 'd' } as const;

const scopeWord = (kind: keyof typeof KIND, id: string) =>
  `scope${KIND[kind]}${Buffer.from(id, 'utf8').toString('hex')}`;

const SCOPE_WORD = /^scope[sed][0-9a-f]+$/;

export const isScopeWord = (word: string): boolean => SCOPE_WORD.test(word);

/** The words a case's index holds for its scope. */
export function scopeWordsOf(c: ScopeFacts): string[] {
  return [
    scopeWord('seat', c.seatCode),
    ...(c.expertId ? [scopeWord('expert', c.expertId)] : []),
    ...(c.departmentId ? [scopeWord('department', c.departmentId)] : []),
  ];
}

/**
 * The group a search in `scope` adds to its words: any of the scope's words (a seat-scoped caller may
 * see several seats). Null for the whole center, which needs none; an empty group for a scope that
 * names no seat, which can see nothing.
 */
export function scopeGroup(scope: Scope): WordGroup | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'seats':
      return scope.seatCodes.map((s) => [scopeWord('seat', s)]);
    case 'expert':
      return [[scopeWord('expert', scope.expertId)]];
    case 'department':
      return [[scopeWord('department', scope.departmentId)]];
  }
}
