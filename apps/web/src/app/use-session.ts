import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { AuthMe } from '../api/contract.ts';
import { isUnknownToken } from '../errors.ts';

// The key predates roles (every token was an admin's); kept so a tab signed in before stays signed in.
const TOKEN_KEY = 'sodai.adminToken';

/** This tab's sign-in: the token sent as the bearer, and what the server says it may do. */
export interface Session {
  /** '' when not signed in. */
  readonly token: string;
  /**
   * The server's answer about the token (its role, null for the alerts-only token, and whether it
   * may use the alert inbox); null when not signed in, and for a token kept from before until the
   * server has said.
   */
  readonly me: AuthMe | null;
}

export interface SessionControls extends Session {
  /**
   * Whether anyone can sign in to read what needs a role: false when the server knows no token with
   * a role and keeps its reads closed (a sign-in button would lead nowhere); null until it has said.
   */
  readonly signInPossible: boolean | null;
  /**
   * Whether the server knows any token at all, the alerts-only one included: false on a server
   * started without tokens (the demo), where the header's sign-in could never succeed; null until
   * it has said.
   */
  readonly tokensConfigured: boolean | null;
  /** Asks the server what `token` is and keeps it with that answer; rejects (a 401 for an unknown token) otherwise. */
  signIn(token: string): Promise<void>;
  signOut(): void;
}

const SIGNED_OUT: Session = { token: '', me: null };

/** Signed in with the alerts-only token (`server.operatorToken`): known to the server, with no role. */
export const isAlertsOnly = (me: AuthMe | null): boolean => me !== null && me.signed_in && me.role === null;

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
 * kept; one kept from earlier in the tab is asked about again on load, since what it may do is not
 * stored and the server may have dropped it since.
 *
 * @example
 * const { token, me, signIn } = useSession(api);
 * await signIn(typed); // throws a WebError with status 401 for a token the server does not know
 */
export function useSession(api: ApiClient): SessionControls {
  const [session, setSession] = useState<Session>(() => ({ token: readToken(), me: null }));
  const keep = useCallback((next: Session) => {
    writeToken(next.token);
    setSession(next);
  }, []);
  const signIn = useCallback(
    async (token: string) => {
      keep({ token, me: await api.authMe(token) });
    },
    [api, keep],
  );
  const signOut = useCallback(() => keep(SIGNED_OUT), [keep]);
  const { token, me } = session;
  const [server, setServer] = useState<{ signInPossible: boolean | null; tokensConfigured: boolean | null }>({
    signInPossible: null,
    tokensConfigured: null,
  });
  // Asked only while signed out: it matters only to a visitor the server refuses.
  const signedOut = token === '';
  useEffect(() => {
    if (!signedOut) return;
    let current = true;
    api.authMe('').then(
      (answer) => {
        if (current)
          setServer({
            signInPossible: answer.readers_configured,
            tokensConfigured: answer.tokens_configured,
          });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, signedOut]);
  useEffect(() => {
    if (!token || me !== null) return;
    let current = true;
    api.authMe(token).then(
      (answer) => {
        if (current) setSession({ token, me: answer });
      },
      (error: unknown) => {
        // A token the server no longer knows would only get every request refused. Any other failure
        // (server unreachable) keeps the sign-in, what it may do unknown.
        if (current && isUnknownToken(error)) keep(SIGNED_OUT);
      },
    );
    return () => {
      current = false;
    };
  }, [api, token, me, keep]);
  return useMemo(() => ({ token, me, ...server, signIn, signOut }), [token, me, server, signIn, signOut]);
}
