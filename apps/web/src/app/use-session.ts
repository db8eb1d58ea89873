import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { Role } from '../api/contract.ts';
import { isUnknownToken } from '../errors.ts';

// The key predates roles (every token was an admin's); kept so a tab signed in before stays signed in.
const TOKEN_KEY = 'sodai.adminToken';

/** This tab's sign-in: the token sent as the bearer, and the role the server says it carries. */
export interface Session {
  /** '' when not signed in. */
  readonly token: string;
  /** null when not signed in, and for a token kept from before until the server has said. */
  readonly role: Role | null;
}

export interface SessionControls extends Session {
  /** Asks the server what `token` is and keeps it with its role; rejects (a 401 for an unknown token) otherwise. */
  signIn(token: string): Promise<void>;
  signOut(): void;
}

const SIGNED_OUT: Session = { token: '', role: null };

function readToken(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function writeToken(token: string): void {
  try {
    if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Blocked storage: the token lives in memory for this page.
  }
}

/**
 * The sign-in, kept for the browser tab only (sessionStorage). Only a token the server knows is
 * kept; one kept from earlier in the tab is asked about again on load, since its role is not stored
 * and the server may have dropped it since.
 *
 * @example
 * const { token, role, signIn } = useSession(api);
 * await signIn(typed); // throws a WebError with status 401 for a token the server does not know
 */
export function useSession(api: ApiClient): SessionControls {
  const [session, setSession] = useState<Session>(() => ({ token: readToken(), role: null }));
  const keep = useCallback((next: Session) => {
    writeToken(next.token);
    setSession(next);
  }, []);
  const signIn = useCallback(
    async (token: string) => {
      const me = await api.authMe(token);
      keep({ token, role: me.role });
    },
    [api, keep],
  );
  const signOut = useCallback(() => keep(SIGNED_OUT), [keep]);
  const { token, role } = session;
  useEffect(() => {
    if (!token || role !== null) return;
    let current = true;
    api.authMe(token).then(
      (me) => {
        if (current) setSession({ token, role: me.role });
      },
      (error: unknown) => {
        // A token the server no longer knows would only get every request refused. Any other failure
        // (server unreachable) keeps the sign-in, its role unknown.
        if (current && isUnknownToken(error)) keep(SIGNED_OUT);
      },
    );
    return () => {
      current = false;
    };
  }, [api, token, role, keep]);
  return useMemo(() => ({ token, role, signIn, signOut }), [token, role, signIn, signOut]);
}
