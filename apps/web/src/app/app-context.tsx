import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/api-client.ts';
import { useSession, type SessionControls } from './use-session.ts';

/** The API client and this tab's sign-in (the token and what the server says it may do). */
export interface AppServices extends SessionControls {
  readonly api: ApiClient;
}

const AppContext = createContext<AppServices | null>(null);

/**
 * Provides the API client (tests pass one with a fake fetch) and the sign-in.
 *
 * @example
 * <AppProvider api={new ApiClient('')}><App /></AppProvider>
 */
export function AppProvider({ api, children }: { api?: ApiClient; children: ReactNode }) {
  const [client] = useState(() => api ?? new ApiClient(''));
  const session = useSession(client);
  // A new client only when the token changes: pages reload their reads with it, not when the role arrives.
  const signedIn = useMemo(() => client.signedIn(session.token), [client, session.token]);
  const value = useMemo(() => ({ ...session, api: signedIn }), [signedIn, session]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

/** The app's services; throws outside an `AppProvider`. */
export function useApp(): AppServices {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp needs an <AppProvider> above it');
  return value;
}
