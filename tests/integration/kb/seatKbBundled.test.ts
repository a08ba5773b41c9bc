import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSeatKb, type SeatKbOptions } from '../../../electron/core/kb/seatKb';
import { tempDir } from '../../../electron/core/db/tempStore';
import { silentLogger } from '../../../electron/core/log/logger';
import { sourceResourcesDir } from '../../../electron/core/paths';
import { REPLICA_MESSAGES } from '../../../electron/core/kb/replica/messages';

const BUNDLED_ARTICLES = fs
  .readFileSync(path.join(sourceResourcesDir(), 'data', 'kb', 'kb.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '').length;

describe('seat KB from the bundled demo articles', () => {
  let temp: { dir: string; cleanup: () => void };
  let options: SeatKbOptions;

  beforeEach(() => {
    temp = tempDir('kb-bundled-');
    options = {
      dataDir: temp.dir,
      resourcesDir: sourceResourcesDir(),
      log: silentLogger(),
      serverUrl: () => null,
      deviceToken: () => null,
    };
  });
  afterEach(() => temp.cleanup());

  it('is searchable on first start with no server, and says where its articles come from', () => {
    const kb = openSeatKb(options);
    try {
      expect(kb.status()).toEqual({
        articleCount: BUNDLED_ARTICLES,
        snapshotId: null,
        deltaSeq: 0,
        source: 'bundled',
        syncing: false,
        lastError: null,
      });
      const result = kb.current().search({ q: '玉米播种' });
      expect(result.hits.length).toBeGreaterThan(0);
    } finally {
      kb.close();
    }
  });

  it('reopens the KB it built instead of indexing the articles again', () => {
    openSeatKb(options).close();
    const kbDir = path.join(temp.dir, 'kb');
    const built = fs.readdirSync(kbDir).filter((f) => f.endsWith('.db'));
    const before = fs.statSync(path.join(kbDir, built[0]!)).mtimeMs;
    const kb = openSeatKb(options);
    try {
      expect(fs.readdirSync(kbDir).filter((f) => f.endsWith('.db'))).toEqual(built);
      expect(kb.status().articleCount).toBe(BUNDLED_ARTICLES);
      expect(built).toHaveLength(1);
      expect(fs.statSync(path.join(kbDir, built[0]!)).mtimeMs).toBe(before);
    } finally {
      kb.close();
    }
  });

  it('falls back to the bundled KB when the pointer to the active KB is damaged', () => {
    openSeatKb(options).close();
    fs.writeFileSync(path.join(temp.dir, 'kb', 'active.json'), '{"file":');
    const kb = openSeatKb(options);
    try {
      expect(kb.status().source).toBe('bundled');
      expect(kb.current().search({ q: '猪瘟' }).hits.length).toBeGreaterThan(0);
    } finally {
      kb.close();
    }
  });

  it('explains that no server is set when asked to update, and keeps searching', async () => {
    const kb = openSeatKb(options);
    try {
      await kb.syncNow();
      expect(kb.status().lastError).toBe(REPLICA_MESSAGES.noServer);
      expect(kb.current().search({ q: '玉米' }).hits.length).toBeGreaterThan(0);
    } finally {
      kb.close();
    }
  });
});
