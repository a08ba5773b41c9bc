import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { articleFeed } from '../../../../server/kb/articleFeed';
import { SERVER_DATA_DIR } from '../../../../server/kb/dataDir';
import { seedKb } from '../../../../server/kb/seed';
import { buildServer } from '../../../../server/http/buildServer';
import { type TestDatabase, VARIANTS, startTestServer, testDatabase } from '../harness';

const demoIds = fs
  .readFileSync(path.join(SERVER_DATA_DIR, 'kb', 'kb.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { id: string }).id);

describe.each(VARIANTS)('demo KB seed (%s)', (variant) => {
  let db: TestDatabase;
  afterEach(async () => db.cleanup());

  it('publishes every demo article as version 1 by "system" on the first start, once', async () => {
    db = testDatabase(variant);
    const first = await startTestServer(db);
    await first.app.ready();
    const feed = articleFeed(first.store.db);
    const snapshot = await feed.published();
    expect(snapshot.articles.map((a) => a.id).sort()).toEqual([...demoIds].sort());
    expect(snapshot.articles.every((a) => a.version === 1 && a.status === 'published')).toBe(true);
    expect(snapshot.seq).toBe(demoIds.length);
    const version = await first.store.db
      .selectFrom('kb_article_version')
      .select(['created_by', 'action'])
      .where('article_id', '=', demoIds[0]!)
      .executeTakeFirstOrThrow();
    expect(version).toEqual({ created_by: 'system', action: 'seed' });
    const page = await feed.changesSince(100, 50);
    expect(page.changes.map((c) => c.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 101 + i));
    expect(page.lastSeq).toBe(150);
    expect(page.changes.every((c) => c.op === 'upsert' && c.article?.version === 1)).toBe(true);

    // A second start on the same database (and a direct second call) adds nothing.
    expect(await seedKb(first.store, SERVER_DATA_DIR, Date.now())).toBe(0);
    const again = await buildServer({ store: first.store, log: pino({ level: 'silent' }) });
    await again.ready();
    await again.close();
    expect(await feed.currentSeq()).toBe(demoIds.length);
    expect((await feed.published()).articles).toHaveLength(demoIds.length);
    await first.close();
  });
});
