import type Database from 'better-sqlite3';
import type { KbLexicon } from './lexicon';
import { initialsKey, pinyinKey } from './pinyin';
import type { TermLookup } from './queryPlan';

/** Pinyin and initials of the lexicon, computed once per lexicon (a few ms). */
interface LexiconKeys {
  readonly terms: ReadonlySet<string>;
  readonly byPinyin: ReadonlyMap<string, readonly string[]>;
  readonly byInitials: ReadonlyMap<string, readonly { term: string; initials: string }[]>;
}

const keysCache = new WeakMap<KbLexicon, LexiconKeys>();

function lexiconKeys(lexicon: KbLexicon): LexiconKeys {
  const cached = keysCache.get(lexicon);
  if (cached) return cached;
  const byPinyin = new Map<string, string[]>();
  const byInitials = new Map<string, { term: string; initials: string }[]>();
  for (const term of lexicon.terms) {
    if (!/\p{Script=Han}/u.test(term) || Array.from(term).length < 2) continue;
    const p = pinyinKey(term);
    byPinyin.set(p, [...(byPinyin.get(p) ?? []), term]);
    const initials = initialsKey(term);
    byInitials.set(initials, [...(byInitials.get(initials) ?? []), { term, initials }]);
  }
  const keys = { terms: new Set(lexicon.terms), byPinyin, byInitials };
  keysCache.set(lexicon, keys);
  return keys;
}

const MAX_INDEX_MATCHES = 8;

/** The lexicon plus the words the index has seen (`kb_term`, filled on upsert). */
export function termLookup(db: Database.Database, lexicon: KbLexicon): TermLookup {
  const keys = lexiconKeys(lexicon);
  const known = db.prepare<[string], { x: number }>('SELECT 1 AS x FROM kb_term WHERE term = ?');
  const pinyin = db.prepare<[string, number], { term: string }>('SELECT term FROM kb_term WHERE pinyin = ? LIMIT ?');
  const initials = db.prepare<[string, number], { term: string; initials: string }>(
    'SELECT term, initials FROM kb_term WHERE initials = ? LIMIT ?',
  );
  return {
    isKnown: (term) => keys.terms.has(term) || known.get(term) !== undefined,
    byPinyin: (key) => {
      const out = new Set(keys.byPinyin.get(key) ?? []);
      for (const r of pinyin.all(key, MAX_INDEX_MATCHES)) out.add(r.term);
      return [...out];
    },
    byInitials: (key, dictionaryOnly) => {
      const fromLexicon = keys.byInitials.get(key) ?? [];
      if (dictionaryOnly) return fromLexicon;
      const seen = new Set(fromLexicon.map((t) => t.term));
      return [...fromLexicon, ...initials.all(key, MAX_INDEX_MATCHES).filter((t) => !seen.has(t.term))];
    },
  };
}

/** Pinyin keys of a new index word, for `kb_term`. */
export function termKeys(term: string): { pinyin: string; initials: string } {
  return { pinyin: pinyinKey(term), initials: initialsKey(term) };
}
