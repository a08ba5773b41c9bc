import type Database from 'better-sqlite3';
import { type KbArticle, type KbHit, KbSearchQuery, type KbSearchResult } from '../../domain/kb';
import { AppError } from '../../errors';
import type { KbAnalyzer } from './analyzer';
import { type StoredArticle, unpackBody } from './articleBody';
import { type Field, type Layer, lengthsByLayer, normalizedFields } from './fields';
import { filterSql } from './filters';
import { answersQuery } from './fit';
import { gramCounter } from './gramCounter';
import { markText, snippet } from './highlight';
import { matchAny } from './matchQuery';
import { planQuery, type QueryPlan } from './queryPlan';
import { DEFAULT_RANKING, type Ranking } from './ranking';
import { type CandidateTerms, type CorpusStats, type DocFrequency, queryStrength, scoreCandidate } from './scoring';
import { termLookup } from './termLookup';
import { unpackWords } from './wordOffsets';

/** Each path contributes at most this many candidates, so work per query is bounded at any KB size. */
const CANDIDATES_PER_PATH = 60;
/** Documents one path may rank in FTS5 (≈2 µs each): bounds a query's cost at any KB size. */
const POSTINGS_BUDGET = 2000;
/** Document frequencies are cached across queries (cleared on every write); bounded. */
const DF_CACHE_SIZE = 50_000;

interface Candidate {
  readonly article: KbArticle;
  readonly terms: CandidateTerms;
}

export function createKbSearch(db: Database.Database, analyzer: KbAnalyzer, ranking: Ranking = DEFAULT_RANKING) {
  const lookup = termLookup(db, analyzer.lexicon);
  const dfStatements: Record<Layer, Database.Statement<[string], { df: number }>> = {
    words: db.prepare('SELECT doc AS df FROM kb_words_vocab WHERE term = ?'),
    bigrams: db.prepare('SELECT doc AS df FROM kb_bigrams_vocab WHERE term = ?'),
    chars: db.prepare('SELECT df FROM kb_char_df WHERE ch = ?'),
  };
  const statsOf = db.prepare<[], { docs: number; lens: string }>('SELECT docs, lens FROM kb_stats WHERE id = 1');
  const candidateOf = db.prepare<[number], StoredArticle & { lens: string; words: Uint8Array }>(
    'SELECT id, category, season, lens, words, body FROM kb_article WHERE rid = ?',
  );
  const candidateStatements = new Map<string, Database.Statement<unknown[], { rid: number }>>();
  const dfCache = new Map<string, number>();
  let corpus: CorpusStats | null = null;

  const df: DocFrequency = (layer, term) => {
    const key = `${layer[0]}${term}`;
    let n = dfCache.get(key);
    if (n === undefined) {
      n = dfStatements[layer].get(term)?.df ?? 0;
      if (dfCache.size >= DF_CACHE_SIZE) dfCache.clear();
      dfCache.set(key, n);
    }
    return n;
  };

  const corpusStats = (): CorpusStats => {
    if (corpus) return corpus;
    const row = statsOf.get();
    const docs = row?.docs ?? 0;
    const sums = lengthsByLayer(JSON.parse(row?.lens ?? '[]') as number[]);
    const avg = (layer: Layer) => ({
      title: sums[layer].title / Math.max(docs, 1),
      keys: sums[layer].keys / Math.max(docs, 1),
      answer: sums[layer].answer / Math.max(docs, 1),
    });
    corpus = { docs, avg: { words: avg('words'), bigrams: avg('bigrams'), chars: avg('chars') } };
    return corpus;
  };

  const candidates = (table: 'kb_words' | 'kb_bigrams', filter: string, ranked: boolean) => {
    const w = ranking.fields;
    const weights = table === 'kb_words' ? `${w.title}, ${w.keys}, ${w.answer}` : `${w.title}, ${w.keys}`;
    const sql =
      `SELECT ${table}.rowid AS rid FROM ${table} JOIN kb_article a ON a.rid = ${table}.rowid ` +
      `WHERE ${table} MATCH ?${filter}${ranked ? ` ORDER BY bm25(${table}, ${weights})` : ''} LIMIT ?`;
    let s = candidateStatements.get(sql);
    if (!s) {
      s = db.prepare<unknown[], { rid: number }>(sql);
      candidateStatements.set(sql, s);
    }
    return s;
  };

  const browse = (filter: { sql: string; params: string[] }, limit: number): KbArticle[] => {
    const sql = `SELECT id, category, season, body FROM kb_article a WHERE 1 = 1${filter.sql} ORDER BY a.rid LIMIT ?`;
    return db
      .prepare<unknown[], StoredArticle>(sql)
      .all(...filter.params, limit)
      .map((row) => unpackBody(row, row.body));
  };

  /** Counts only the query's terms in the candidate: the rest of the article cannot score. */
  const loadCandidate = (
    rid: number,
    wanted: ReadonlySet<string>,
    countGrams: (text: string) => Map<string, number>,
    countChars: (text: string) => Map<string, number>,
  ): Candidate | null => {
    const row = candidateOf.get(rid);
    if (!row) return null;
    const article = unpackBody(row, row.body);
    const norm = normalizedFields(article);
    const [title = [], keys = [], answer = []] = unpackWords(row.words, [norm.title, norm.keys, norm.answer]);
    const words = { title, keys, answer };
    const per = (count: (f: Field) => Map<string, number>) => ({
      title: count('title'),
      keys: count('keys'),
      answer: count('answer'),
    });
    return {
      article,
      terms: {
        counts: {
          words: per((f) => countWords(words[f], wanted)),
          bigrams: per((f) => countGrams(norm[f])),
          chars: per((f) => countChars(norm[f])),
        },
        lens: lengthsByLayer(JSON.parse(row.lens) as number[]),
        titleWords: title,
      },
    };
  };

  const search = (input: KbSearchQuery): KbSearchResult => {
    const started = performance.now();
    const parsed = KbSearchQuery.safeParse({
      ...input,
      q: typeof input.q === 'string' ? input.q.slice(0, 5000) : input.q,
    });
    if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? '检索条件无效');
    const query = parsed.data;
    const plan = planQuery(query.q, analyzer, lookup);
    const done = (hits: KbHit[]): KbSearchResult => ({
      hits,
      terms: understoodTerms(plan),
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    });
    const stats = corpusStats();
    const filter = filterSql(query.filters);
    // Nothing typed but a filter chosen: the articles it selects, in the order they were added.
    if (query.q.trim() === '' && filter.params.length > 0)
      return done(browse(filter, query.limit).map((article) => toHit(article, 0, [], plan)));
    if (stats.docs === 0 || (plan.concepts.length === 0 && plan.bigrams.length === 0)) return done([]);

    const rids = new Set<number>();
    const words = [...new Set(plan.concepts.flatMap((c) => c.alternatives.map((a) => a.word)))].filter(
      (w) => df('words', w) > 0,
    );
    const bigrams = [...plan.bigrams, ...plan.rewrittenBigrams].filter((g) => df('bigrams', g) > 0);
    const paths = [
      ['kb_words', selectiveMatch(words, (t) => df('words', t), 'title keys')],
      ['kb_bigrams', selectiveMatch(bigrams, (t) => df('bigrams', t), 'title keys')],
    ] as const;
    for (const [table, path] of paths) {
      if (!path) continue;
      const found = candidates(table, filter.sql, path.ranked).all(path.match, ...filter.params, CANDIDATES_PER_PATH);
      for (const r of found) rids.add(r.rid);
    }
    // Words and pairs found few articles (猪圈 for 猪舍, 保暖 for 保温): titles and keys holding the
    // query's characters are candidates too — a pair starting with each (FTS5 prefix), rarest first.
    if (rids.size < CANDIDATES_PER_PATH) {
      const chars = [...plan.chars, ...plan.rewrittenChars].filter((ch) => df('chars', ch) > 0);
      const path = selectiveMatch(chars, (t) => df('chars', t), 'title keys', true);
      if (path) {
        const found = candidates('kb_bigrams', filter.sql, path.ranked).all(
          path.match,
          ...filter.params,
          CANDIDATES_PER_PATH,
        );
        for (const r of found) rids.add(r.rid);
      }
    }

    const wanted = new Set(words);
    // A lone character typed between punctuation stands for itself among the query's pairs.
    const countGrams = gramCounter([...plan.bigrams, ...plan.rewrittenBigrams]);
    const countChars = gramCounter([...plan.chars, ...plan.rewrittenChars]);
    const strength = queryStrength(plan, stats, df, ranking);
    const scored = [...rids]
      .map((rid) => loadCandidate(rid, wanted, countGrams, countChars))
      .filter((c): c is Candidate => c !== null)
      .map((c) => ({ c, ...scoreCandidate(plan, c.terms, stats, df, ranking) }))
      .sort((a, b) => b.score - a.score || a.c.article.id.localeCompare(b.c.article.id));
    const top = scored[0];
    if (!top || !answersQuery(plan, top, strength, ranking)) return done([]);
    const hits = scored
      .filter((x) => x.score >= top.score * ranking.minShareOfTop)
      .slice(0, query.limit)
      .map((x) => toHit(x.c.article, x.score / strength, x.matched, plan));
    return done(hits);
  };

  return {
    search,
    /** Forgets cached statistics after a write. */
    forget: () => {
      dfCache.clear();
      corpus = null;
    },
  };
}

interface PathMatch {
  readonly match: string;
  /** Rank by bm25 (few enough postings), or take the first matches (every term is common). */
  readonly ranked: boolean;
}

/**
 * The MATCH for one path: its rarest terms while their postings stay within budget. FTS5 ranks every
 * document that matches, so common words (玉米 in a fifth of a million articles) would make a query
 * slow; they still count when candidates are re-scored. When even the rarest term is common, the
 * candidates are the first articles naming the two rarest terms in their title or keys.
 */
function selectiveMatch(
  terms: readonly string[],
  df: (t: string) => number,
  columns: string,
  prefix = false,
): PathMatch | null {
  const byRarity = [...new Set(terms)].sort((a, b) => df(a) - df(b));
  const [rarest, next] = byRarity;
  if (rarest === undefined) return null;
  if (df(rarest) > POSTINGS_BUDGET) {
    const one = (t: string) => matchAny([t], prefix);
    const both = next === undefined ? one(rarest) : `${one(rarest)} AND ${one(next)}`;
    return { match: `{${columns}} : (${both})`, ranked: false };
  }
  const chosen: string[] = [];
  let postings = 0;
  for (const t of byRarity) {
    if (postings + df(t) > POSTINGS_BUDGET) break;
    chosen.push(t);
    postings += df(t);
  }
  const match = matchAny(chosen, prefix);
  return match ? { match, ranked: true } : null;
}

function countWords(words: readonly string[], wanted: ReadonlySet<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) if (wanted.has(w)) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function understoodTerms(plan: QueryPlan): string[] {
  const out = new Set<string>();
  for (const c of plan.concepts) for (const a of c.alternatives) out.add(a.word);
  return [...out].slice(0, 50);
}

function toHit(article: KbArticle, score: number, matched: readonly string[], plan: QueryPlan): KbHit {
  const words = matched.length > 0 ? matched : plan.bigrams;
  return {
    id: article.id,
    title: article.title,
    score: Math.round(score * 1000) / 1000,
    titleMarked: markText(article.title, words),
    snippet: snippet(article.answer, words),
    category: article.category,
    subjects: article.subjects,
    season: article.season,
    validUntil: article.validUntil,
  };
}
