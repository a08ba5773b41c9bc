import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/domain/seat';
import { AppError } from '../../shared/errors';
import { silentLogger } from '../../electron/core/log/logger';
import { sourceResourcesDir } from '../../electron/core/paths';
import { openSeat, type Seat, type SeatOptions } from '../../electron/core/seat';
import { openConfBackend } from '../../electron/core/settings/confBackend';

let dataDir: string;
const open: Seat[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(overrides: Partial<SeatOptions> = {}): Seat {
  const seat = openSeat({
    dataDir,
    resourcesDir: sourceResourcesDir(),
    mode: 'browser',
    appVersion: '0.1.0-test',
    settingsBackend: openConfBackend(dataDir),
    log: silentLogger(),
    checkOutput: true,
    now: () => new Date('2026-11-28T02:00:00.000Z'),
    ...overrides,
  });
  open.push(seat);
  return seat;
}

async function stop(seat: Seat): Promise<void> {
  open.splice(open.indexOf(seat), 1);
  await seat.close();
}

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const INQUIRY = {
  callerPhone: '0431-85551234',
  callerName: '赵铁柱',
  regionCode: '220113',
  channel: 'phone',
  category: '畜牧兽医',
  subject: '生猪',
  question: '猪不吃食，耳朵发紫',
};

describe('a seat', () => {
  it('keeps a saved inquiry across a restart and finds it by a word of the question', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-int-'));
    const first = start();
    const saved = await value<{ id: string; caseNo: string; regionName: string | null }>(
      first.call('inquiry:create', INQUIRY),
    );
    expect(saved.caseNo).toBe('S01-261128-0001');
    expect(saved.regionName).toMatch(/九台/);
    await stop(first);

    const again = start();
    const page = await value<{ items: { id: string }[]; total: number }>(again.call('inquiry:list', { text: '耳朵' }));
    expect(page.items.map((i) => i.id)).toEqual([saved.id]);
    const history = await value<{ repeat: unknown }>(again.call('caller:history', { phone: '0431 8555 1234' }));
    expect(history.repeat).not.toBeNull();
  });

  it('numbers cases with the seat code set in settings at save time', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-int-'));
    const seat = start();
    await value(seat.call('settings:update', { seatCode: 'JT02', operatorName: '李强' }));
    const saved = await value<{ caseNo: string; operator: string }>(seat.call('inquiry:create', INQUIRY));
    expect(saved).toMatchObject({ caseNo: 'JT02-261128-0001', operator: '李强' });
  });

  it('announces a save to the windows: the changed case and the new unsynced count', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-int-'));
    const seat = start();
    const changed: string[][] = [];
    const statuses: SyncStatus[] = [];
    seat.events.on('inquiry:changed', (p) => changed.push(p.ids));
    seat.events.on('sync:statusChanged', (p) => statuses.push(p));
    const saved = await value<{ id: string }>(seat.call('inquiry:create', INQUIRY));
    expect(changed).toEqual([[saved.id]]);
    expect(statuses.at(-1)).toMatchObject({ pending: 1, online: false, serverConfigured: false });
    expect(await value(seat.call('sync:status', undefined))).toMatchObject({
      pending: 1,
      oldestPendingAt: '2026-11-28T02:00:00.000Z',
    });
  });

  it('tells where its files are', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-int-'));
    const seat = start();
    expect(await value(seat.call('app:info', undefined))).toEqual({
      version: '0.1.0-test',
      mode: 'browser',
      dataDir,
      dbPath: path.join(dataDir, 'seat.db'),
      logFile: path.join(dataDir, 'logs', 'core.log'),
      settingsFile: path.join(dataDir, 'settings.json'),
    });
  });

  it('refuses to open a database from a newer program and does not touch it', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-int-'));
    await stop(start());
    const file = path.join(dataDir, 'seat.db');
    const db = new Database(file);
    db.pragma('user_version = 30000');
    db.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    let caught: unknown;
    try {
      start();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'DB_FROM_FUTURE' });
    expect((caught as Error).message).toContain(file);
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
  });

  it('refuses a corrupt database file and leaves it for recovery', () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-int-'));
    const file = path.join(dataDir, 'seat.db');
    fs.writeFileSync(file, 'this is not a database, it is a shopping list: 玉米种子 2 袋'.repeat(200));
    const before = fs.readFileSync(file);
    expect(() => start()).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
