import { afterEach, describe, expect, it } from 'vitest';
import type { SecretBox } from '../secrets/secretBox';
import { syncMeta } from '../sync/syncMeta';
import { sessionStore } from '../account/sessionStore';
import { syncMetaRepo } from './syncMetaRepo';
import { openTempStore } from './tempStore';

/** A stand-in for the OS keychain: reversible, and refuses what another machine sealed. */
function fakeKeychainBox(machine: string): SecretBox {
  return {
    kind: 'os',
    seal: (plain) => Buffer.from(`${machine}:${plain}`).toString('base64'),
    open: (sealed) => {
      const text = Buffer.from(sealed, 'base64').toString();
      if (!text.startsWith(`${machine}:`)) throw new Error('sealed on another machine');
      return text.slice(machine.length + 1);
    },
  };
}

const TOKEN = 'dev_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const raw = (db: ReturnType<typeof openTempStore>['db'], key: string) =>
  db.prepare<[string], { value: string }>('SELECT value FROM sync_meta WHERE key = ?').get(key)?.value ?? null;

describe('secrets in sync_meta', () => {
  let temp: ReturnType<typeof openTempStore> | null = null;
  afterEach(() => temp?.cleanup());

  it('keeps the device token and the session sealed on disk and reads them back', () => {
    temp = openTempStore();
    const meta = syncMetaRepo(temp.db, fakeKeychainBox('pc-1'));
    syncMeta(meta).setDeviceToken(TOKEN);
    sessionStore(meta).setSession({
      token: 'ses_abcdef0123456789',
      expiresAt: '2026-11-29T06:00:00.000Z',
      user: {
        id: 'u1',
        username: 'op1',
        displayName: '操作员',
        role: 'operator',
        scope: { kind: 'all' },
        disabled: false,
      },
      offline: false,
    });

    expect(raw(temp.db, 'device_token')).not.toContain(TOKEN);
    expect(raw(temp.db, 'session')).not.toContain('ses_abcdef0123456789');
    expect(syncMeta(meta).deviceToken()).toBe(TOKEN);
    expect(sessionStore(meta).session()?.token).toBe('ses_abcdef0123456789');
  });

  it('seals a token an older seat kept in clear the first time it is read', () => {
    temp = openTempStore();
    syncMeta(syncMetaRepo(temp.db)).setDeviceToken(TOKEN);
    expect(raw(temp.db, 'device_token')).toBe(TOKEN);

    const meta = syncMetaRepo(temp.db, fakeKeychainBox('pc-1'));
    expect(syncMeta(meta).deviceToken()).toBe(TOKEN);
    expect(raw(temp.db, 'device_token')).not.toContain(TOKEN);
    expect(syncMeta(meta).deviceToken()).toBe(TOKEN);
  });

  it('treats a token sealed on another machine (a copied database) as absent, so the seat logs in again', () => {
    temp = openTempStore();
    syncMeta(syncMetaRepo(temp.db, fakeKeychainBox('pc-1'))).setDeviceToken(TOKEN);
    expect(syncMeta(syncMetaRepo(temp.db, fakeKeychainBox('pc-2'))).deviceToken()).toBeNull();
  });

  it('forgets a token set to null', () => {
    temp = openTempStore();
    const meta = syncMeta(syncMetaRepo(temp.db, fakeKeychainBox('pc-1')));
    meta.setDeviceToken(TOKEN);
    meta.setDeviceToken(null);
    expect(meta.deviceToken()).toBeNull();
    expect(raw(temp.db, 'device_token')).toBe('');
  });
});
