import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, setCsrfInvalidHandler, setCsrfToken, setPasswordChangeRequiredHandler, setUnauthorizedHandler } from '../api/client.ts';
import type { Session, SessionUser } from '../api/types.ts';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';

/** Why the login page is shown, to tell the person. */
export type LoginNotice = { kind: 'expired' } | { kind: 'loggedOut' } | { kind: 'loggedOutAll'; count: number };

interface SessionApi {
  status: SessionStatus;
  user: SessionUser | null;
  notice: LoginNotice | null;
  can: (permission: string) => boolean;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  logoutAll: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<SessionUser | null>(null);
  const [notice, setNotice] = useState<LoginNotice | null>(null);
  const statusRef = useRef<SessionStatus>('loading');

  const apply = useCallback(
    (s: Session | null) => {
      setCsrfToken(s?.csrfToken ?? null);
      statusRef.current = s ? 'authenticated' : 'anonymous';
      setStatus(statusRef.current);
      setUser(s?.user ?? null);
      if (!s) queryClient.clear();
    },
    [queryClient],
  );

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (statusRef.current === 'authenticated') setNotice({ kind: 'expired' });
      apply(null);
    });
    setPasswordChangeRequiredHandler(() => setUser((u) => (u ? { ...u, mustChangePassword: true } : u)));
    // The session behind the cookie changed (signed in again in another tab): take its token so
    // that the next attempt works; the error itself tells the person to try again.
    setCsrfInvalidHandler(() => {
      api<Session>('/api/auth/me')
        .then((s) => apply(s))
        .catch(() => undefined);
    });
    let alive = true;
    api<Session>('/api/auth/me')
      .then((s) => alive && apply(s))
      .catch(() => alive && apply(null));
    return () => {
      alive = false;
      setUnauthorizedHandler(null);
      setPasswordChangeRequiredHandler(null);
      setCsrfInvalidHandler(null);
    };
  }, [apply]);

  const login = useCallback(
    async (username: string, password: string) => {
      const s = await api<Session>('/api/auth/login', { method: 'POST', body: { username, password } });
      queryClient.clear();
      setNotice(null);
      apply(s);
      return s.user;
    },
    [apply, queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api<void>('/api/auth/logout', { method: 'POST' });
    } finally {
      setNotice({ kind: 'loggedOut' });
      apply(null);
    }
  }, [apply]);

  const logoutAll = useCallback(async () => {
    const r = await api<{ closedSessions: number }>('/api/auth/logout-all', { method: 'POST' });
    setNotice({ kind: 'loggedOutAll', count: r.closedSessions });
    apply(null);
  }, [apply]);

  const refresh = useCallback(async () => {
    apply(await api<Session>('/api/auth/me'));
  }, [apply]);

  const value = useMemo<SessionApi>(
    () => ({
      status,
      user,
      notice,
      can: (p) => user?.permissions.includes(p) ?? false,
      login,
      logout,
      logoutAll,
      refresh,
    }),
    [status, user, notice, login, logout, logoutAll, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for components rendered behind RequireSession. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
