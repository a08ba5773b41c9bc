import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, readEpoch, renewEpoch } from './openStore';

describe('renewing the server epoch after a restore', () => {
  it('gives the database a new epoch that survives a reopen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'server-epoch-'));
    const sqliteFile = path.join(dir, 'server.db');
    const store = await openStore({ sqliteFile });
    const before = await readEpoch(store.db);
    const after = await renewEpoch(store.db);
    await store.close();
    expect(after).not.toBe(before);
    const reopened = await openStore({ sqliteFile });
    expect(await readEpoch(reopened.db)).toBe(after);
    await reopened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
