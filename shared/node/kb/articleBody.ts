import type { KbArticle } from '../../domain/kb';

/**
 * How `kb_article.body` holds an article: the fields its own columns do not (id, category, season
 * are columns), as a JSON array in a fixed order, in UTF-16 — two bytes a Han character instead of
 * three, and no key names. Less than two thirds of the article's JSON; reading it back costs no more
 * than parsing that JSON (per-row zlib would cost ~25 µs a row, and search reads a row per candidate).
 */
type Stored = [
  KbArticle['title'],
  KbArticle['answer'],
  KbArticle['tags'],
  KbArticle['subjects'],
  KbArticle['regions'],
  KbArticle['version'],
  KbArticle['status'],
  KbArticle['validUntil'],
  KbArticle['reviewEachSeason'],
  KbArticle['updatedAt'],
  KbArticle['usageCount'],
];

export interface ArticleColumns {
  readonly id: string;
  readonly category: string;
  readonly season: string;
}

/** An article's columns as read back with its body. */
export type StoredArticle = ArticleColumns & { readonly body: Uint8Array };

export function packBody(a: KbArticle): Buffer {
  const stored: Stored = [
    a.title,
    a.answer,
    a.tags,
    a.subjects,
    a.regions,
    a.version,
    a.status,
    a.validUntil,
    a.reviewEachSeason,
    a.updatedAt,
    a.usageCount,
  ];
  return Buffer.from(JSON.stringify(stored), 'utf16le');
}

/** The article again, from its columns and body (not re-validated: the file holds only what `packBody` wrote). */
export function unpackBody(columns: ArticleColumns, body: Uint8Array): KbArticle {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf16le');
  const [title, answer, tags, subjects, regions, version, status, validUntil, reviewEachSeason, updatedAt, usageCount] =
    JSON.parse(text) as Stored;
  return {
    id: columns.id,
    title,
    answer,
    category: columns.category,
    tags,
    subjects,
    season: columns.season as KbArticle['season'],
    regions,
    version,
    status,
    validUntil,
    reviewEachSeason,
    updatedAt,
    usageCount,
  };
}
