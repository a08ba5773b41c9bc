import fs from 'node:fs';
import path from 'node:path';
import { KbArticleContent } from '../../shared/domain/kb';
import { type Store } from '../store/openStore';
import { articleStore } from './articleStore';

const SEEDED_KEY = 'kb_seeded';
export const SYSTEM_AUTHOR = { id: 'system', name: '系统' } as const;
const BATCH = 100;

function readArticles(file: string): KbArticleContent[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line !== '')
    .map(({ line, n }) => {
      const parsed = KbArticleContent.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file} 第 ${n} 行不是有效的知识条目：${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/**
 * On the first start, the demo KB (`<dataDir>/kb/kb.jsonl`) becomes published version 1 of each article,
 * written by "system", in one transaction with its change-log entries. Later starts do nothing, even
 * if articles were since retired or rewritten. Returns how many articles were added.
 */
export async function seedKb(store: Store, dataDir: string, now: number): Promise<number> {
  const done = await store.db
    .selectFrom('server_meta')
    .select('value')
    .where('key', '=', SEEDED_KEY)
    .executeTakeFirst();
  if (done) return 0;
  const articles = readArticles(path.join(dataDir, 'kb', 'kb.jsonl'));
  const at = new Date(now).toISOString();
  return store.db.transaction().execute(async (trx) => {
    const kb = articleStore(trx, store.dialect);
    await kb.lock();
    // Another instance may have seeded while this one read the file.
    if (await trx.selectFrom('server_meta').select('value').where('key', '=', SEEDED_KEY).executeTakeFirst()) return 0;
    const existing = new Set((await trx.selectFrom('kb_article').select('id').execute()).map((r) => r.id));
    const fresh = articles.filter((a) => !existing.has(a.id));
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      await trx
        .insertInto('kb_article')
        .values(
          batch.map((a) => ({
            id: a.id,
            status: 'published',
            revision: 1,
            published_version: 1,
            draft: null,
            title: a.title,
            category: a.category,
            owner_id: null,
            owner_name: null,
            author_id: SYSTEM_AUTHOR.id,
            author_name: SYSTEM_AUTHOR.name,
            reviewer_id: null,
            reviewer_name: null,
            review_note: null,
            source_inquiry_id: null,
            valid_until: null,
            review_each_season: 0,
            last_reviewed_at: at,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      await kb.insertVersions(
        batch.map(({ id, ...content }) => ({
          article_id: id,
          version: 1,
          content: JSON.stringify({ id, ...content }),
          valid_until: null,
          review_each_season: 0,
          action: 'seed',
          restored_from: null,
          note: null,
          created_by: SYSTEM_AUTHOR.id,
          created_by_name: SYSTEM_AUTHOR.name,
          created_at: at,
        })),
      );
    }
    await kb.appendChanges(
      fresh.map((a) => ({ articleId: a.id, op: 'upsert', version: 1 })),
      at,
    );
    await trx.insertInto('server_meta').values({ key: SEEDED_KEY, value: at }).execute();
    return fresh.length;
  });
}
