import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { openSeat, type Seat } from '../seat';
import { openConfBackend } from '../settings/confBackend';
import { REPO_ROOT } from './testDatabase';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function seat(): Seat {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-ref-'));
  const opened = openSeat({
    dataDir,
    resourcesDir: REPO_ROOT,
    mode: 'browser',
    appVersion: 'test',
    settingsBackend: openConfBackend(dataDir),
    log: silentLogger(),
    checkOutput: true,
  });
  cleanups.push(() => {
    opened.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return opened;
}

// Through the real dispatcher with output checking on: the reference methods keep to the contract.
describe('reference data and settings through the seat contract', () => {
  it('answers region and list calls with contract-valid values', async () => {
    const s = seat();
    const hits = await s.call('region:search', { q: 'jt' });
    expect(hits.ok && Array.isArray(hits.value) ? hits.value[0] : hits).toMatchObject({
      code: '220113',
      name: '九台区',
    });
    expect(await s.call('region:children', { parentCode: '2201' })).toMatchObject({ ok: true });
    expect(await s.call('region:path', { code: '220113' })).toMatchObject({ ok: true, value: { name: '九台区' } });
    expect(await s.call('region:path', { code: '990000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.call('ref:lists', undefined)).toMatchObject({ ok: true });
  });

  it('rejects a malformed region query as INVALID_INPUT', async () => {
    const s = seat();
    expect(await s.call('region:search', { q: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await s.call('region:children', { parentCode: '2a' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('reads and updates settings, rejecting an invalid seat code', async () => {
    const s = seat();
    expect(await s.call('settings:update', { seatCode: 'S12', ui: { locale: 'en' } })).toMatchObject({
      ok: true,
      value: { seatCode: 'S12', ui: { locale: 'en', fontSize: 'standard' } },
    });
    expect(await s.call('settings:update', { seatCode: 's-12' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await s.call('settings:get', undefined)).toMatchObject({ ok: true, value: { seatCode: 'S12' } });
  });
});
