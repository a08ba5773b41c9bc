import Database from 'better-sqlite3';
import { KbArticle, type KbSearchQuery, type KbSearchResult } from '../../domain/kb';
import type { KbAnalyzer } from './analyzer';
import { type StoredArticle, unpackBody } from './articleBody';
import { distinctChars } from './fields';
import { indexRow } from './indexRow';
import { applyStats, prepareWrites, StatsDelta, writeRow, type WriteStatements } from './indexWrites';
import { type KbBuildOptions, buildKbFile } from './kbBuild';
import { ANALYZER_VERSION_KEY, ensureKbSchema } from './schema';
import type { ArticleSource } from './segmentPool';
import { createKbSearch } from './search';

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

  /**
   * Builds a new KB file from all `articles` at once (kb import, snapshots, bench): segmenting in
   * worker threads, without a journal, then merged and compacted; renamed over `file` only when
   * complete. Returns the number of articles.
   */
  static build(file: string, analyzer: KbAnalyzer, articles: ArticleSource, opts?: KbBuildOptions): Promise<number> {
    return buildKbFile(file, analyzer, articles, opts);
  }

  /** Never throws on any query text; a query longer than 5,000 characters is cut there. */
  search(query: KbSearchQuery): KbSearchResult {
    return this.searcher.search(query);
  }

  upsert(articles: readonly KbArticle[]): void {
    this.transaction(() => {
      const delta = new StatsDelta();
      const seen = this.seenTerms();
      for (const input of articles) {
        const article = KbArticle.parse(input);
        const old = this.removeOne(article.id, delta);
        const row = indexRow(article, this.analyzer, seen);
        writeRow(this.writes, row, old);
        for (const t of row.terms) this.writes.insertTerm.run(t.term, t.pinyin, t.initials);
        delta.add(1, row.lens, row.chars);
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
    const row = this.reads.article.get(id);
    return row ? KbArticle.parse(unpackBody(row, row.body)) : null;
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
    delta.add(-1, JSON.parse(row.lens) as number[], distinctChars(unpackBody(row, row.body)));
    this.searcher.forget();
    return row.rid;
  }

  private applyStats(delta: StatsDelta): void {
    applyStats(this.writes, delta);
    this.searcher.forget();
  }

  /** Terms already keyed in this file: each gets its pinyin keys once. */
  private seenTerms(): Set<string> {
    if (!this.knownTerms) {
      const rows = this.db.prepare<[], { term: string }>('SELECT term FROM kb_term').all();
      this.knownTerms = new Set(rows.map((r) => r.term));
    }
    return this.knownTerms;
  }

  private get writes(): WriteStatements {
    if (this.readonly) throw new Error('知识库以只读方式打开，不能修改。');
    this.writeStatements ??= prepareWrites(this.db);
    return this.writeStatements;
  }
}

function prepareReads(db: Database.Database) {
  return {
    findArticle: db.prepare<[string], StoredArticle & { rid: number; lens: string }>(
      'SELECT rid, id, category, season, lens, body FROM kb_article WHERE id = ?',
    ),
    article: db.prepare<[string], StoredArticle>('SELECT id, category, season, body FROM kb_article WHERE id = ?'),
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM kb_article'),
    meta: db.prepare<[string], { value: string }>('SELECT value FROM kb_meta WHERE key = ?'),
    stats: db.prepare<[], { docs: number; lens: string }>('SELECT docs, lens FROM kb_stats WHERE id = 1'),
  };
}
