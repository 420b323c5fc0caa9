import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import type { LiveConnection } from './live-connection.ts';
import { onTokenChangedElsewhere, readToken, writeToken } from './token-storage.ts';
import { createUrqlClient } from './urql-client.ts';

interface Session {
  token: string | null;
  signIn(token: string): void;
  /** Forgets the token locally (the server session is ended by the `logout` mutation). */
  signOut(): void;
  /** The WebSocket of live updates; null while signed out. */
  live: LiveConnection | null;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(readToken);

  const signIn = useCallback((next: string) => {
    writeToken(next);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    writeToken(null);
    setToken(null);
  }, []);

  useEffect(() => onTokenChangedElsewhere(setToken), []);

  const { client, live } = useMemo(() => createUrqlClient(token, signOut), [token, signOut]);
  // The previous session's socket closes by itself (lazy) once its subscriptions have ended.
  const session = useMemo(() => ({ token, signIn, signOut, live }), [token, signIn, signOut, live]);

  return (
    <SessionContext value={session}>
      <Provider value={client}>{children}</Provider>
    </SessionContext>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>.');
  return session;
}
