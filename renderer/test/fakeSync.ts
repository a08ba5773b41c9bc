import type { EventName } from '../../shared/contract/channels';
import type { EventPayload, In, Out } from '../../shared/contract/contract';
import { methods } from '../../shared/contract/contract';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { SessionState } from '../../shared/domain/account';
import type { SyncStatus } from '../../shared/domain/seat';
import type { SyncIssueView } from '../../shared/domain/syncIssue';
import type { User } from '../../shared/sync/auth';

type SyncMethod =
  'sync:status' | 'sync:now' | 'sync:issues' | 'sync:resolveIssue' | 'auth:session' | 'auth:login' | 'auth:logout';
type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export const FAKE_USER: User = {
  id: 'u-op1',
  username: 'op1',
  displayName: '张丽',
  role: 'operator',
  scope: { kind: 'seats', seatCodes: ['S01'] },
  disabled: false,
};
export const FAKE_PASSWORD = 'hotline-op1';

/** An expert who writes articles and a supervisor (班长) who reviews them, for the 知识维护 tests. */
export const FAKE_EXPERT: User = {
  id: 'u-exp1',
  username: 'expert1',
  displayName: '王立新',
  role: 'expert',
  scope: { kind: 'all' },
  disabled: false,
};
export const FAKE_SUPERVISOR: User = {
  id: 'u-sup1',
  username: 'lead1',
  displayName: '孙秀梅',
  role: 'supervisor',
  scope: { kind: 'all' },
  disabled: false,
};

const LOGGED_OUT: SessionState = { user: null, offline: false, expiresAt: null };

/** A seat with a server set, nothing waiting and not (yet) online: tests spread it and change what they need. */
export const IDLE_STATUS: SyncStatus = {
  online: false,
  serverConfigured: true,
  syncing: false,
  pending: 0,
  oldestPendingAt: null,
  lastSyncAt: null,
  lastError: null,
  needsUpgrade: false,
  needsLogin: false,
  openIssues: 0,
};

/**
 * The sync and account half of the fake seat. Tests steer it like the real engine would: change
 * the status (the seat then sends 'sync:statusChanged'), put issues in the inbox, take the server
 * away so a login falls back to the kept verifier, or hold 立即同步 open to look at it mid-run.
 */
export function createFakeSync(emit: Emit, local: { pending: () => number; markSynced: () => void }) {
  let status: SyncStatus = IDLE_STATUS;
  let session: SessionState = LOGGED_OUT;
  let serverReachable = true;
  let issues: SyncIssueView[] = [];
  let hold: Promise<void> | null = null;

  const current = (): SyncStatus => ({
    ...status,
    pending: Math.max(status.pending, local.pending()),
    openIssues: issues.filter((i) => i.resolvedAt === null).length,
  });
  const setStatus = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    emit('sync:statusChanged', current());
  };
  const setSession = (next: SessionState) => {
    session = next;
    emit('auth:changed', session);
  };

  const handlers: { [M in SyncMethod]: (input: In<M>) => Result<Out<M>> | Promise<Result<Out<M>>> } = {
    'sync:status': () => ok(current()),
    'sync:now': async () => {
      setStatus({ syncing: true });
      if (hold) await hold;
      local.markSynced();
      status = { ...status, syncing: false, pending: 0, oldestPendingAt: null, lastSyncAt: new Date().toISOString() };
      emit('sync:statusChanged', current());
      return ok(current());
    },
    'sync:issues': (raw) => {
      const { includeResolved } = methods['sync:issues'].input.parse(raw ?? {});
      return ok(issues.filter((i) => includeResolved || i.resolvedAt === null));
    },
    'sync:resolveIssue': (raw) => {
      const input = methods['sync:resolveIssue'].input.parse(raw);
      const issue = issues.find((i) => i.id === input.id);
      if (!issue) return fail('NOT_FOUND', '没有找到这条冲突或退回记录，请刷新列表');
      const resolved = { ...issue, resolvedAt: new Date().toISOString() };
      issues = issues.map((i) => (i.id === issue.id ? resolved : i));
      emit('sync:statusChanged', current());
      return ok(resolved);
    },
    'auth:session': () => ok(session),
    'auth:login': (raw) => {
      const input = methods['auth:login'].input.parse(raw);
      if (input.username !== FAKE_USER.username || input.password !== FAKE_PASSWORD) {
        return fail('UNAUTHORIZED', '账号或密码不正确，请重新输入');
      }
      setSession({ user: FAKE_USER, offline: !serverReachable, expiresAt: '2026-11-29T05:00:00.000Z' });
      if (status.needsLogin) setStatus({ needsLogin: false });
      return ok(session);
    },
    'auth:logout': () => {
      setSession(LOGGED_OUT);
      return ok(session);
    },
  };

  return {
    handlers,
    setStatus,
    /** Who is logged in now, as the seat's session says. */
    user: () => session.user,
    /** Logs `user` in online, as if they had typed their password at the 登录 dialog. */
    signIn: (user: User) => setSession({ user, offline: false, expiresAt: '2026-11-29T05:00:00.000Z' }),
    setIssues: (next: SyncIssueView[]) => {
      issues = next;
      emit('sync:statusChanged', current());
    },
    setServerReachable: (reachable: boolean) => {
      serverReachable = reachable;
    },
    /** 立即同步 stays "running" until the returned function is called. */
    holdSyncNow: () => {
      let release = () => undefined as void;
      hold = new Promise<void>((resolve) => {
        release = () => {
          hold = null;
          resolve();
        };
      });
      return () => release();
    },
  };
}
