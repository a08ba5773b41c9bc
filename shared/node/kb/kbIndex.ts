import Database from 'better-sqlite3';
import { KbArticle, type KbSearchQuery, type KbSearchResult } from '../../domain/kb';
import type { KbAnalyzer } from './analyzer';
import { distinctChars, FIELDS, fieldLengths, indexFields } from './fields';
import { ensureKbSchema } from './schema';
import { createKbSearch } from './search';
import { termKeys } from './termLookup';

const ANALYZER_VERSION_KEY = 'analyzer_version';

/** What one write transaction changes in the corpus statistics, applied once at its end. */
class StatsDelta {
  docs = 0;
  readonly lens = new Array<number>(9).fill(0);
  readonly charDf = new Map<string, number>();

  add(sign: 1 | -1, lens: readonly number[], chars: ReadonlySet<string>): void {
    this.docs += sign;
    lens.forEach((n, i) => (this.lens[i]! += sign * n));
    for (const ch of chars) this.charDf.set(ch, (this.charDf.get(ch) ?? 0) + sign);
  }
}

/**
 * One SQLite file holding published articles and every structure search needs (DESIGN.md §7), used
 * the same way by the seat, the server's snapshot builder and the CLI.
 */
export class KbIndex {
  readonly analyzerVersion: string;
  private readonly searcher: ReturnType<typeof createKbSearch>;
  private readonly reads: ReturnType<typeof prepareReads>;
  private writeStatements: WriteStatements | undefined;
  private knownTerms: Set<string> | null = null;

  private constructor(
    private readonly db: Database.Database,
    private readonly analyzer: KbAnalyzer,
    private readonly readonly: boolean,
  ) {
    this.reads = prepareReads(db);
    this.analyzerVersion = this.getMeta(ANALYZER_VERSION_KEY) ?? analyzer.version;
    this.searcher = createKbSearch(db, analyzer);
  }

  /** Opens (and, if new, creates) a KB file. */
  static open(file: string, analyzer: KbAnalyzer, opts: { readonly?: boolean } = {}): KbIndex {
    const readonly = opts.readonly ?? false;
    const db = new Database(file, { readonly, fileMustExist: readonly });
    try {
      if (!readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        ensureKbSchema(db);
        db.prepare('INSERT OR IGNORE INTO kb_meta (key, value) VALUES (?, ?)').run(
          ANALYZER_VERSION_KEY,
          analyzer.version,
        );
      }
      return new KbIndex(db, analyzer, readonly);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** Never throws on any query text; a query longer than 5,000 characters is cut there. */
  search(query: KbSearchQuery): KbSearchResult {
    return this.searcher.search(query);
  }

  upsert(articles: readonly KbArticle[]): void {
    this.transaction(() => {
      const delta = new StatsDelta();
      for (const input of articles) {
        const article = KbArticle.parse(input);
        const old = this.removeOne(article.id, delta);
        const fields = indexFields(article, this.analyzer);
        const lens = fieldLengths(fields);
        const w = this.writes;
        const rid = Number(
          w.insertArticle.run(
            old ?? null,
            article.id,
            article.category,
            article.season,
            article.regions.length === 0 ? 1 : 0,
            JSON.stringify(lens),
            fields.words.title.join(' '),
            fields.words.keys.join(' '),
            fields.words.answer.join(' '),
            JSON.stringify(article),
          ).lastInsertRowid,
        );
        w.insertWords.run(rid, ...FIELDS.map((f) => fields.words[f].join(' ')));
        w.insertBigrams.run(rid, fields.bigrams.title.join(' '), fields.bigrams.keys.join(' '));
        for (const s of new Set(article.subjects)) w.insertSubject.run(rid, s);
        for (const r of new Set(article.regions)) w.insertRegion.run(rid, r);
        // Title and keys name what an article is about — the words an operator mistypes when asking for it.
        this.rememberTerms([
          ...fields.words.title,
          ...fields.words.keys,
          ...fields.bigrams.title,
          ...fields.bigrams.keys,
        ]);
        delta.add(1, lens, new Set(FIELDS.flatMap((f) => fields.chars[f])));
      }
      this.applyStats(delta);
    });
  }

  remove(ids: readonly string[]): void {
    this.transaction(() => {
      const delta = new StatsDelta();
      for (const id of ids) this.removeOne(id, delta);
      this.applyStats(delta);
    });
  }

  get(id: string): KbArticle | null {
    const row = this.reads.body.get(id);
    return row ? KbArticle.parse(JSON.parse(row.body)) : null;
  }

  count(): number {
    return this.reads.count.get()?.n ?? 0;
  }

  getMeta(key: string): string | null {
    return this.reads.meta.get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.writes.setMeta.run(key, value);
  }

  /** Runs `fn` in a transaction, or inside the caller's if one is open. */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }

  /** Deletes an article from every structure and counts it out of `delta`; returns its row id. */
  private removeOne(id: string, delta: StatsDelta): number | null {
    const row = this.reads.findArticle.get(id);
    if (!row) return null;
    const w = this.writes;
    w.deleteWords.run(row.rid);
    w.deleteBigrams.run(row.rid);
    w.deleteSubjects.run(row.rid);
    w.deleteRegions.run(row.rid);
    w.deleteArticle.run(row.rid);
    delta.add(-1, JSON.parse(row.lens) as number[], distinctChars(KbArticle.parse(JSON.parse(row.body))));
    this.searcher.forget();
    return row.rid;
  }

  private applyStats(delta: StatsDelta): void {
    const current = this.reads.stats.get();
    const lens = (JSON.parse(current?.lens ?? '[]') as number[]).map((n, i) => n + (delta.lens[i] ?? 0));
    this.writes.setStats.run((current?.docs ?? 0) + delta.docs, JSON.stringify(lens));
    for (const [ch, n] of delta.charDf) if (n !== 0) this.writes.addCharDf.run(ch, n);
    this.writes.dropUnusedChars.run();
    this.searcher.forget();
  }

  /** New Han words and bigrams get pinyin keys for the typo path; each is keyed once per file. */
  private rememberTerms(terms: readonly string[]): void {
    if (!this.knownTerms) {
      const rows = this.db.prepare<[], { term: string }>('SELECT term FROM kb_term').all();
      this.knownTerms = new Set(rows.map((r) => r.term));
    }
    for (const t of terms) {
      if (this.knownTerms.has(t)) continue;
      this.knownTerms.add(t);
      if (!/\p{Script=Han}/u.test(t) || Array.from(t).length < 2) continue;
      const k = termKeys(t);
      this.writes.insertTerm.run(t, k.pinyin, k.initials);
    }
  }

  private get writes(): WriteStatements {
    if (this.readonly) throw new Error('知识库以只读方式打开，不能修改。');
    this.writeStatements ??= prepareWrites(this.db);
    return this.writeStatements;
  }
}

function prepareReads(db: Database.Database) {
  return {
    findArticle: db.prepare<[string], { rid: number; lens: string; body: string }>(
      'SELECT rid, lens, body FROM kb_article WHERE id = ?',
    ),
    body: db.prepare<[string], { body: string }>('SELECT body FROM kb_article WHERE id = ?'),
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM kb_article'),
    meta: db.prepare<[string], { value: string }>('SELECT value FROM kb_meta WHERE key = ?'),
    stats: db.prepare<[], { docs: number; lens: string }>('SELECT docs, lens FROM kb_stats WHERE id = 1'),
  };
}

type WriteStatements = ReturnType<typeof prepareWrites>;

function prepareWrites(db: Database.Database) {
  return {
    insertArticle: db.prepare<[number | null, string, string, string, number, string, string, string, string, string]>(
      'INSERT INTO kb_article (rid, id, category, season, regionless, lens, w_title, w_keys, w_answer, body) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertWords: db.prepare<[number, ...string[]]>(
      'INSERT INTO kb_words (rowid, title, keys, answer) VALUES (?, ?, ?, ?)',
    ),
    insertBigrams: db.prepare<[number, string, string]>('INSERT INTO kb_bigrams (rowid, title, keys) VALUES (?, ?, ?)'),
    insertSubject: db.prepare<[number, string]>('INSERT INTO kb_article_subject (rid, subject) VALUES (?, ?)'),
    insertRegion: db.prepare<[number, string]>('INSERT INTO kb_article_region (rid, region) VALUES (?, ?)'),
    insertTerm: db.prepare<[string, string, string]>(
      'INSERT OR IGNORE INTO kb_term (term, pinyin, initials) VALUES (?, ?, ?)',
    ),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO kb_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    setStats: db.prepare<[number, string]>('UPDATE kb_stats SET docs = ?, lens = ? WHERE id = 1'),
    addCharDf: db.prepare<[string, number]>(
      'INSERT INTO kb_char_df (ch, df) VALUES (?, ?) ON CONFLICT (ch) DO UPDATE SET df = df + excluded.df',
    ),
    dropUnusedChars: db.prepare('DELETE FROM kb_char_df WHERE df <= 0'),
    deleteWords: db.prepare<[number]>('DELETE FROM kb_words WHERE rowid = ?'),
    deleteBigrams: db.prepare<[number]>('DELETE FROM kb_bigrams WHERE rowid = ?'),
    deleteSubjects: db.prepare<[number]>('DELETE FROM kb_article_subject WHERE rid = ?'),
    deleteRegions: db.prepare<[number]>('DELETE FROM kb_article_region WHERE rid = ?'),
    deleteArticle: db.prepare<[number]>('DELETE FROM kb_article WHERE rid = ?'),
  };
}
