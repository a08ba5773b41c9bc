import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { KbAnalyzer } from './analyzer';
import { type StoredArticle, unpackBody } from './articleBody';
import { distinctChars } from './fields';
import { applyStats, prepareWrites, StatsDelta, writeRow, type WriteStatements } from './indexWrites';
import { ANALYZER_VERSION_KEY, ensureKbSchema } from './schema';
import { type ArticleSource, indexRows } from './segmentPool';

export interface KbBuildOptions {
  /** The analyzer's data directory: lets worker threads load the same analyzer and segment in parallel. */
  readonly dataDir?: string;
  /** Worker threads segmenting (with `dataDir`); default 2. */
  readonly workers?: number;
  /** Called after each batch with the number of articles indexed so far. */
  readonly onProgress?: (indexed: number) => void;
  /** Small key/values stored with the articles (a snapshot's feed seq). */
  readonly meta?: Readonly<Record<string, string>>;
}

/** Free pages (a share of the file) worth a VACUUM: rewriting the whole file costs ~1 s per 10^5 articles. */
const VACUUM_ABOVE = 0.05;
/**
 * FTS5 flushes its in-memory term hash into a new segment whenever it outgrows this; a large one
 * during the build leaves few segments to merge (the default suits a seat's small delta writes).
 */
const BUILD_HASH_SIZE = 64 << 20;
const DEFAULT_HASH_SIZE = 1 << 20;
const FTS_TABLES = ['kb_words', 'kb_bigrams'] as const;
/** Larger pages leave less slack around rows of ~2 KB. */
const PAGE_SIZE = 8192;

/**
 * Writes a new KB file from scratch: indexes `articles` into a temporary file next to `file` with
 * its journal in memory and no syncs (nothing in it is worth recovering), in one transaction with a
 * large FTS5 hash (few segments, merged as it goes), compacts it if merging left much free space,
 * and only then renames it over `file` — a build that fails or is killed never leaves a half-built
 * file where a reader would open it. An id that comes again replaces the earlier article.
 */
export async function buildKbFile(
  file: string,
  analyzer: KbAnalyzer,
  articles: ArticleSource,
  opts: KbBuildOptions = {},
): Promise<number> {
  const tmp = `${file}.building-${process.pid}`;
  removeDbFiles(tmp);
  const db = new Database(tmp);
  try {
    db.pragma(`page_size = ${PAGE_SIZE}`);
    // better-sqlite3's defensive mode refuses journal_mode=OFF; in memory it costs no disk writes either.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -131072');
    ensureKbSchema(db);
    setHashSize(db, BUILD_HASH_SIZE);
    const w = prepareWrites(db);
    const ids = new Map<string, number>();
    const delta = new StatsDelta();
    const keyed = new Set<string>();
    // One transaction: FTS5 writes a segment per commit, and pages freed by its merges are reused at once.
    db.exec('BEGIN');
    for await (const rows of indexRows(articles, analyzer, { dataDir: opts.dataDir, workers: opts.workers ?? 2 })) {
      for (const row of rows) {
        const old = ids.get(row.id);
        if (old !== undefined) removeArticle(db, w, old, delta);
        ids.set(row.id, writeRow(w, row, old ?? null));
        for (const t of row.terms) {
          if (keyed.has(t.term)) continue;
          keyed.add(t.term);
          w.insertTerm.run(t.term, t.pinyin, t.initials);
        }
        delta.add(1, row.lens, row.chars);
      }
      opts.onProgress?.(ids.size);
    }
    applyStats(w, delta);
    w.setMeta.run(ANALYZER_VERSION_KEY, analyzer.version);
    for (const [key, value] of Object.entries(opts.meta ?? {})) w.setMeta.run(key, value);
    db.exec('COMMIT');
    setHashSize(db, DEFAULT_HASH_SIZE);
    const free = db.pragma('freelist_count', { simple: true }) as number;
    if (free > VACUUM_ABOVE * (db.pragma('page_count', { simple: true }) as number)) db.exec('VACUUM');
    // A self-contained file: later writers (deltas on a seat) choose their own journal mode.
    db.pragma('journal_mode = DELETE');
    db.close();
    removeDbFiles(file);
    fs.renameSync(tmp, file);
    return ids.size;
  } catch (err) {
    if (db.open) db.close();
    removeDbFiles(tmp);
    throw err;
  }
}

/** Takes an article the build already wrote out again, so a later copy of its id replaces it. */
function removeArticle(db: Database.Database, w: WriteStatements, rid: number, delta: StatsDelta): void {
  const row = db
    .prepare<[number], StoredArticle & { lens: string }>(
      'SELECT id, category, season, lens, body FROM kb_article WHERE rid = ?',
    )
    .get(rid);
  if (!row) return;
  w.deleteWords.run(rid);
  w.deleteBigrams.run(rid);
  w.deleteSubjects.run(rid);
  w.deleteRegions.run(rid);
  w.deleteArticle.run(rid);
  delta.add(-1, JSON.parse(row.lens) as number[], distinctChars(unpackBody(row, row.body)));
}

/** A database file and the journals SQLite keeps beside it (a stale WAL must never meet a new file). */
function removeDbFiles(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal', '']) fs.rmSync(file + suffix, { force: true });
}

function setHashSize(db: Database.Database, bytes: number): void {
  // FTS5 takes only an integer here, and better-sqlite3 binds numbers as reals.
  for (const table of FTS_TABLES)
    db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ?)`).run(BigInt(bytes));
}
