import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, type User } from './api-client';

/**
 * Whether this browser holds a session. The cookie itself is httpOnly (out of script reach), so a
 * harmless flag tells us whether asking /api/v1/me is worth a request; the server stays the judge.
 */
const flagKey = 'accord.signedIn';
const readFlag = () => {
  try {
    return localStorage.getItem(flagKey) === '1';
  } catch {
    return false;
  }
};
const writeFlag = (on: boolean) => {
  try {
    if (on) localStorage.setItem(flagKey, '1');
    else localStorage.removeItem(flagKey);
  } catch {
    // Without storage the user signs in again on reload.
  }
};

export type Role = 'director' | 'officer' | 'mediator' | 'court_liaison' | 'party';

interface SessionState {
  user: User | null;
  loading: boolean;
  signedIn(user: User): void;
  /** `everywhere`: ends every session of the account (all devices), this one included. */
  signOut(opts?: { everywhere?: boolean }): Promise<void>;
}

const SessionContext = createContext<SessionState>({
  user: null,
  loading: false,
  signedIn: () => undefined,
  signOut: async () => undefined,
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(readFlag);

  useEffect(() => {
    if (!readFlag()) return;
    api
      .get<User>('/api/v1/me')
      .then(setUser)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) writeFlag(false);
      })
      .finally(() => setLoading(false));
  }, []);

  const signedIn = useCallback((u: User) => {
    writeFlag(true);
    setUser(u);
  }, []);

  const signOut = useCallback(async (opts?: { everywhere?: boolean }) => {
    try {
      await api.post(opts?.everywhere ? '/api/v1/auth/logout-everywhere' : '/api/v1/auth/logout');
    } finally {
      writeFlag(false);
      setUser(null);
    }
  }, []);

  return (
    <SessionContext.Provider value={{ user, loading, signedIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export const useSession = () => useContext(SessionContext);

/** The role that decides a user's home screen; staff roles win over party access. */
export function primaryRole(user: User): Role {
  const order: Role[] = ['director', 'officer', 'court_liaison', 'mediator', 'party'];
  const roles = new Set(user.memberships.map((m) => m.role));
  return order.find((r) => roles.has(r)) ?? 'party';
}

export function homePathOf(user: User): string {
  switch (primaryRole(user)) {
    case 'director':
      return '/director';
    case 'officer':
      return '/officer';
    case 'court_liaison':
      return '/court';
    default:
      return '/my-cases';
  }
}
