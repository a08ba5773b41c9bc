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
 * checks those rows (an index would cost ~3% of the file and be a worse plan to pick). An article row
 * keeps its segmented words as places in its text (`wordOffsets.ts`) and the rest of the article
 * compactly (`articleBody.ts`): the rows are most of the file, and the file's size is what a seat
 * downloads and installs.
 * Version 2 (those two encodings) cannot be read as version 1: a KB file is rebuilt, never migrated.
 */
export const KB_SCHEMA_VERSION = 2;

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
  words BLOB NOT NULL,
  body BLOB NOT NULL
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

/** Creates the schema in an empty file; refuses a file written by another schema. */
export function ensureKbSchema(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === KB_SCHEMA_VERSION) return;
  if (version > KB_SCHEMA_VERSION) {
    throw new Error(`知识库文件版本 ${version} 高于本程序支持的 ${KB_SCHEMA_VERSION}，请升级坐席台。`);
  }
  if (version > 0) {
    throw new Error(`知识库文件版本 ${version} 已过时（本程序使用 ${KB_SCHEMA_VERSION}），请重新导入或同步知识库。`);
  }
  db.transaction(() => {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${KB_SCHEMA_VERSION}`);
  })();
}
