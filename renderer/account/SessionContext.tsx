import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginInput, SessionState } from '../../shared/domain/account';
import type { Result } from '../../shared/contract/result';
import { useConnectionState, useHotline } from '../api/HotlineContext';
import { useSyncStatus } from '../sync/SyncStatusContext';
import { LoginDialog } from './LoginDialog';

type Session = {
  session: SessionState | null;
  login: (input: LoginInput) => Promise<Result<SessionState>>;
  logout: () => Promise<Result<SessionState>>;
  openLogin: () => void;
};

const SessionContext = createContext<Session | null>(null);

/** Who is logged in at this seat (auth:session, then 'auth:changed'), and the one login dialog. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useHotline();
  const connection = useConnectionState();
  const [session, setSession] = useState<SessionState | null>(null);
  const [loginOpen, setLoginOpen] = useState(false);

  useEffect(() => {
    if (connection !== 'online') return;
    let current = true;
    void api.auth.session().then((r) => {
      if (current && r.ok) setSession(r.value);
    });
    const off = api.on['auth:changed']((next) => setSession(next));
    return () => {
      current = false;
      off();
    };
  }, [api, connection]);

  const login = useCallback(
    async (input: LoginInput) => {
      const result = await api.auth.login(input);
      if (result.ok) setSession(result.value);
      return result;
    },
    [api],
  );
  const logout = useCallback(async () => {
    const result = await api.auth.logout();
    if (result.ok) setSession(result.value);
    return result;
  }, [api]);
  const openLogin = useCallback(() => setLoginOpen(true), []);

  // The seat cannot sync until someone logs in: ask once each time that becomes true (adjusting
  // state while rendering, as React recommends for state that follows a changing input).
  const needsLogin = useSyncStatus().status?.needsLogin ?? false;
  const [askedForLogin, setAskedForLogin] = useState(false);
  if (needsLogin !== askedForLogin) {
    setAskedForLogin(needsLogin);
    if (needsLogin) setLoginOpen(true);
  }

  const value = useMemo<Session>(() => ({ session, login, logout, openLogin }), [session, login, logout, openLogin]);
  return (
    <SessionContext.Provider value={value}>
      {children}
      <LoginDialog open={loginOpen} onClose={() => setLoginOpen(false)} login={login} />
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('SessionProvider is missing above this component');
  return session;
}
