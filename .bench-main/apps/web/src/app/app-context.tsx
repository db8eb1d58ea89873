import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/api-client.ts';

const TOKEN_KEY = 'sodai.adminToken';

/** The API client and the admin token the operator typed (kept for the browser tab only). */
export interface AppServices {
  readonly api: ApiClient;
  readonly adminToken: string;
  setAdminToken(token: string): void;
}

const AppContext = createContext<AppServices | null>(null);

function readToken(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * Provides the API client (tests pass one with a fake fetch) and the admin token.
 *
 * @example
 * <AppProvider api={new ApiClient('')}><App /></AppProvider>
 */
export function AppProvider({ api, children }: { api?: ApiClient; children: ReactNode }) {
  const [client] = useState(() => api ?? new ApiClient(''));
  const [adminToken, setToken] = useState(readToken);
  const setAdminToken = useCallback((token: string) => {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Blocked storage: the token lives in memory for this page.
    }
    setToken(token);
  }, []);
  const value = useMemo(
    () => ({ api: client, adminToken, setAdminToken }),
    [client, adminToken, setAdminToken],
  );
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

/** The app's services; throws outside an `AppProvider`. */
export function useApp(): AppServices {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp needs an <AppProvider> above it');
  return value;
}
