import { type Generated } from 'kysely';

// The case table is the sync layer's; the knowledge base adds one column to it (migration 0004).
declare module '../store/schema' {
  interface InquiryTable {
    /** The article that answered the case (usage statistics), set from the pushed row. */
    kb_article_id: string | null;
  }
}

/** One row per article: the working state and the pointer to the version seats search. */
export interface KbArticleTable {
  id: string;
  status: string;
  /** Bumped by every change; requests name the revision they were made on. */
  revision: number;
  /** The live version (seats search it); null before the first publish. */
  published_version: number | null;
  /** KbDraft as JSON while a draft or review is open. */
  draft: string | null;
  /** Title and category of the working copy, for lists and filters. */
  title: string;
  category: string;
  /** The expert responsible for keeping the article right; null for seeded articles (any expert). */
  owner_id: string | null;
  owner_name: string | null;
  author_id: string;
  author_name: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_note: string | null;
  source_inquiry_id: string | null;
  /** Validity of the live version. */
  valid_until: string | null;
  review_each_season: number;
  last_reviewed_at: string;
  created_at: string;
  updated_at: string;
}

/** Every published content, frozen: publish, rollback and seed each add one. */
export interface KbArticleVersionTable {
  article_id: string;
  version: number;
  /** KbArticleContent as JSON. */
  content: string;
  valid_until: string | null;
  review_each_season: number;
  action: string;
  restored_from: number | null;
  note: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

/** What seats replicate: each publish/rollback (upsert) and retire (remove), in commit order. */
export interface KbChangeLogTable {
  seq: number;
  article_id: string;
  op: string;
  /** The version an upsert made live; null for a remove. */
  version: number | null;
  at: string;
}

export interface KbFeedbackTable {
  article_id: string;
  user_id: string;
  helpful: number;
  version: number;
  at: string;
}

/** Full-history case search: a stable integer per case (FTS5 rowid / page cursor). */
export interface CaseSearchTable {
  doc_id: Generated<number>;
  inquiry_id: string;
}

/** Kysely table types of the knowledge-base article store (issue 4 §3) and the case search (§5). */
export interface KbTables {
  kb_article: KbArticleTable;
  kb_article_version: KbArticleVersionTable;
  kb_change_log: KbChangeLogTable;
  kb_feedback: KbFeedbackTable;
  case_search: CaseSearchTable;
}
