import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../shared/domain/account';
import type { SyncStatus } from '../../shared/domain/seat';
import { FAKE_USER, IDLE_STATUS } from '../test/fakeSync';
import { serverBlock } from './serverReach';

const ONLINE: SyncStatus = { ...IDLE_STATUS, online: true };
const LOGGED_IN: SessionState = { user: FAKE_USER, offline: false, expiresAt: '2026-11-29T05:00:00.000Z' };

describe('serverBlock', () => {
  it('says nothing while the seat has not told its sync status yet, so no notice flashes at start-up', () => {
    expect(serverBlock(null, null)).toBeNull();
    expect(serverBlock(null, { user: null, offline: false, expiresAt: null })).toBeNull();
  });

  it('names the first thing in the way: no server, no network, then no online login', () => {
    expect(serverBlock({ ...ONLINE, serverConfigured: false, online: false }, null)).toBe('noServer');
    expect(serverBlock({ ...ONLINE, online: false }, { ...LOGGED_IN, offline: true })).toBe('unreachable');
    expect(serverBlock({ ...ONLINE, needsLogin: true }, LOGGED_IN)).toBe('notLoggedIn');
    expect(serverBlock(ONLINE, { user: null, offline: false, expiresAt: null })).toBe('notLoggedIn');
    expect(serverBlock(ONLINE, { ...LOGGED_IN, offline: true })).toBe('offlineLogin');
  });

  it('lets the search through when the seat is online with an online login, or its session is still unknown', () => {
    expect(serverBlock(ONLINE, LOGGED_IN)).toBeNull();
    expect(serverBlock(ONLINE, null)).toBeNull();
  });
});
