import type { LoginInput, SessionState } from '../../../shared/domain/account';
import type { User } from '../../../shared/sync/auth';
import { AppError } from '../../../shared/errors';
import type { Store } from '../db/store';
import type { Logger } from '../log/logger';
import type { FetchFn } from '../sync/httpClient';
import { authClient } from './authClient';
import { sessionStore, type StoredSession } from './sessionStore';
import { createVerifier, verifyOffline } from './verifier';

export type AccountDeps = {
  store: Store;
  /** Null when no server is configured: only offline login is possible then. */
  serverUrl: () => string | null;
  now: () => Date;
  log: Logger;
  fetch?: FetchFn;
  /** After an online login: the sync engine registers the seat with the new session if it must. */
  onOnlineLogin: () => void;
  onChange: (state: SessionState) => void;
};

/** An offline login lasts one shift; then the operator logs in again (online if the server is back). */
const OFFLINE_SESSION_MS = 12 * 60 * 60 * 1000;
const LOGIN_TIMEOUT_MS = 10_000;

const MESSAGES = {
  wrongPassword: '用户名或密码不正确，请重新输入（离线登录时按上次联网登录的密码核对）',
  noVerifier: '无法连接服务器，本机也没有该账号的登录记录；请联网后登录一次，之后断网时也可在本机登录',
  noServer: '尚未设置服务器地址，本机也没有该账号的登录记录；请在“设置”中填写服务器地址后登录',
  refused: '服务器拒绝了登录，请稍后再试或联系管理员',
} as const;

/**
 * Who works at this seat (issue 3 §2). Online: the server checks the password, and the seat keeps a
 * salted verifier and the role snapshot so the same operator can log in while the server cannot be
 * reached. Logout ends the session and keeps the verifier.
 */
export function accountService(deps: AccountDeps) {
  const saved = sessionStore(deps.store.meta);
  const fetchFn = deps.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  let current: StoredSession | null = saved.session();

  function live(): StoredSession | null {
    if (current && Date.parse(current.expiresAt) <= deps.now().getTime()) {
      deps.log.info('session expired');
      current = null;
      saved.setSession(null);
    }
    return current;
  }

  function state(): SessionState {
    const session = live();
    return session
      ? { user: session.user, offline: session.offline, expiresAt: session.expiresAt }
      : { user: null, offline: false, expiresAt: null };
  }

  function begin(session: StoredSession | null): SessionState {
    current = session;
    saved.setSession(session);
    const next = state();
    deps.onChange(next);
    return next;
  }

  async function loginOnline(url: string, input: LoginInput): Promise<SessionState | null> {
    const client = authClient({ baseUrl: url, fetch: fetchFn, timeoutMs: LOGIN_TIMEOUT_MS });
    const outcome = await client.login(input);
    if (outcome.kind === 'unreachable') {
      deps.log.info({ reason: outcome.reason }, 'login server unreachable: trying offline login');
      return null;
    }
    if (outcome.kind === 'refused') {
      // A changed password or a disabled account must not keep working offline at this seat.
      if (outcome.status === 401 || outcome.status === 403) saved.dropVerifier(input.username);
      deps.log.info({ status: outcome.status }, 'login refused by the server');
      throw new AppError(outcome.status === 403 ? 'FORBIDDEN' : 'UNAUTHORIZED', outcome.message || MESSAGES.refused);
    }
    const { token, expiresAt, user } = outcome.value;
    const verifier = await createVerifier(input.password, user, deps.now().toISOString());
    const next = deps.store.transaction(() => {
      saved.setVerifier(verifier);
      return begin({ token, expiresAt, user, offline: false });
    });
    deps.log.info({ userId: user.id, role: user.role }, 'logged in online');
    deps.onOnlineLogin();
    return next;
  }

  async function loginOffline(input: LoginInput, serverConfigured: boolean): Promise<SessionState> {
    const verifier = saved.verifier(input.username);
    if (!verifier) throw new AppError('OFFLINE', serverConfigured ? MESSAGES.noVerifier : MESSAGES.noServer);
    if (!(await verifyOffline(verifier, input.password))) {
      deps.log.info({ userId: verifier.user.id }, 'offline login refused: wrong password');
      throw new AppError('UNAUTHORIZED', MESSAGES.wrongPassword);
    }
    const expiresAt = new Date(deps.now().getTime() + OFFLINE_SESSION_MS).toISOString();
    deps.log.info({ userId: verifier.user.id }, 'logged in offline against the kept verifier');
    return begin({ token: null, expiresAt, user: verifier.user, offline: true });
  }

  return {
    state,
    /** The server session token, for registering this seat as a device; null offline or logged out. */
    sessionToken: (): string | null => live()?.token ?? null,
    user: (): User | null => live()?.user ?? null,
    async login(input: LoginInput): Promise<SessionState> {
      const url = deps.serverUrl();
      const online = url ? await loginOnline(url, input) : null;
      return online ?? loginOffline(input, url !== null);
    },
    async logout(): Promise<SessionState> {
      const token = live()?.token ?? null;
      const url = deps.serverUrl();
      const next = begin(null);
      if (token && url) {
        await authClient({ baseUrl: url, fetch: fetchFn, timeoutMs: LOGIN_TIMEOUT_MS }).logout(token);
      }
      return next;
    },
  };
}

export type AccountService = ReturnType<typeof accountService>;
