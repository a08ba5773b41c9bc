import type Database from 'better-sqlite3';

/**
 * The KB file: articles with their segmented fields and filter columns, two contentless FTS5 indexes
 * (segmented words of all fields; character bigrams of title and keys — the answer's bigrams would
 * triple the build for little: its words are indexed), document frequencies of single Han characters (scored, never
 * used to find candidates) and the word list the pinyin typo path looks up. Words are
 * segmented in JavaScript (jieba), so both FTS5 tables only split on spaces (unicode61). Contentless
 * with full detail: bm25() then needs neither stored text nor re-tokenising (detail=column would
 * re-tokenise the content of every matching row, ten times slower, and returns 0 without content).
 * No index on category: candidates always come from an FTS5 match, and the category filter only
 * checks those rows (an index would cost ~3% of the file and be a worse plan to pick).
 */
const KB_SCHEMA_VERSION = 1;

/** kb_meta key: the analyzer version the file was built with. */
export const ANALYZER_VERSION_KEY = 'analyzer_version';

const SCHEMA = `
CREATE TABLE kb_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE kb_article (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL,
  season TEXT NOT NULL,
  regionless INTEGER NOT NULL,
  lens TEXT NOT NULL,
  w_title TEXT NOT NULL,
  w_keys TEXT NOT NULL,
  w_answer TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE kb_article_subject (rid INTEGER NOT NULL, subject TEXT NOT NULL, PRIMARY KEY (rid, subject)) WITHOUT ROWID;
CREATE TABLE kb_article_region (rid INTEGER NOT NULL, region TEXT NOT NULL, PRIMARY KEY (rid, region)) WITHOUT ROWID;
CREATE TABLE kb_stats (id INTEGER PRIMARY KEY CHECK (id = 1), docs INTEGER NOT NULL, lens TEXT NOT NULL);
INSERT INTO kb_stats VALUES (1, 0, '[0,0,0,0,0,0,0,0,0]');
CREATE TABLE kb_char_df (ch TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE kb_words USING fts5 (title, keys, answer, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1);
CREATE VIRTUAL TABLE kb_bigrams USING fts5 (title, keys, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1);
CREATE VIRTUAL TABLE kb_words_vocab USING fts5vocab (kb_words, 'row');
CREATE VIRTUAL TABLE kb_bigrams_vocab USING fts5vocab (kb_bigrams, 'row');
CREATE TABLE kb_term (term TEXT PRIMARY KEY, pinyin TEXT NOT NULL, initials TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX kb_term_pinyin ON kb_term (pinyin);
CREATE INDEX kb_term_initials ON kb_term (initials);
`;

/** Creates the schema in an empty file; refuses a file written by a newer schema. */
export function ensureKbSchema(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === KB_SCHEMA_VERSION) return;
  if (version > KB_SCHEMA_VERSION) {
    throw new Error(`知识库文件版本 ${version} 高于本程序支持的 ${KB_SCHEMA_VERSION}，请升级坐席台。`);
  }
  db.transaction(() => {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${KB_SCHEMA_VERSION}`);
  })();
}
