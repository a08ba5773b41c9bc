-- Which knowledge-base article answered the case (issue 4 §2): the server counts article usage from it.
ALTER TABLE inquiry ADD COLUMN kb_article_id TEXT CHECK (kb_article_id IS NULL OR length(kb_article_id) <= 64);
