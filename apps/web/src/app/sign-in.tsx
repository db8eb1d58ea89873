import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorNote } from '../components/error-note.tsx';
import { isUnknownToken } from '../errors.ts';
import type { AuthMe } from '../api/contract.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from './app-context.tsx';
import { isAlertsOnly } from './use-session.ts';

/** What the header says of a sign-in: its role, alerts only, or just "signed in" until the server has said. */
function signedInKey(me: AuthMe | null): MessageKey {
  if (me?.role) return `auth.signedIn.${me.role}`;
  return isAlertsOnly(me) ? 'auth.signedIn.alerts' : 'auth.signedIn';
}

/**
 * Sign in: a button that opens a dialog asking for a token (kept for this browser tab only), and,
 * once signed in, what the server says that token may do, a switch to another token and a sign-out.
 * Replaces a token box on every page. Not offered at all by a server that knows no token.
 *
 * On a phone the three of them would take a row of the header of their own: there they sit behind
 * one "Session" button (the stylesheet shows that button, and hides the panel until it is opened,
 * only on narrow screens; elsewhere the panel is simply part of the header).
 */
export function SignIn() {
  const { t } = useI18n();
  const { token, me, signOut, tokensConfigured } = useApp();
  const panelId = useId();
  const box = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  // A tap anywhere else, or Escape, closes the panel, as any menu does.
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  if (token) {
    return (
      <div className={open ? 'sign-in open' : 'sign-in'} ref={box}>
        <button
          type="button"
          className="secondary small session-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          data-testid="session-toggle"
          onClick={() => setOpen((o) => !o)}
        >
          {t('auth.session')}
          <span aria-hidden="true"> ▾</span>
        </button>
        <div className="session-panel" id={panelId}>
          <span className="signed-in" data-testid="signed-in">
            {t(signedInKey(me))}
          </span>
          <SignInButton />
          <button type="button" className="secondary small" onClick={signOut}>
            {t('auth.signOut')}
          </button>
        </div>
      </div>
    );
  }
  // A server without any token (the demo) could never accept a sign-in: offering one only misleads.
  if (tokensConfigured === false) return null;
  return (
    <div className="sign-in">
      <SignInButton />
    </div>
  );
}

/**
 * The sign-in button and its dialog, for any place that needs the token (the header, and the
 * sections that say what signing in would show). The server is asked about the token before it is
 * kept, so a mistyped one is said at once rather than on the first refused action.
 *
 * Signed in, it offers to switch tokens: a reader told that an action needs an operator would
 * otherwise see "Sign in" beside "You are signed in as reader" and not know what it does.
 */
export function SignInButton() {
  const { t } = useI18n();
  const { token, signIn } = useApp();
  const switching = token !== '';
  const dialog = useRef<HTMLDialogElement>(null);
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = draft.trim();
    if (!typed) return;
    setBusy(true);
    setError(null);
    signIn(typed)
      .then(() => {
        setDraft('');
        dialog.current?.close();
      }, setError)
      .finally(() => setBusy(false));
  };
  return (
    <>
      <button
        type="button"
        className="secondary small"
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        {t(switching ? 'auth.switchToken' : 'auth.signIn')}
      </button>
      <dialog ref={dialog} aria-labelledby={`${inputId}-title`} className="sign-in-dialog">
        <form onSubmit={submit} className="stack">
          <h2 id={`${inputId}-title`}>{t(switching ? 'auth.switchTitle' : 'auth.title')}</h2>
          <p className="explain">{t(switching ? 'auth.switchExplain' : 'auth.explain')}</p>
          <ul className="explain">
            <li>{t('auth.kind.reader')}</li>
            <li>{t('auth.kind.operator')}</li>
            <li>{t('auth.kind.admin')}</li>
            <li>{t('auth.kind.alerts')}</li>
          </ul>
          <div className="field">
            <label htmlFor={inputId}>{t('auth.token')}</label>
            <input
              id={inputId}
              type="password"
              autoComplete="current-password"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
            />
          </div>
          {isUnknownToken(error) ? (
            <p className="error-note" role="alert">
              {t('auth.unknownToken')}
            </p>
          ) : error ? (
            <ErrorNote error={error} />
          ) : null}
          <div className="row-between">
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              {t('auth.cancel')}
            </button>
            <button type="submit" disabled={busy || !draft.trim()}>
              {t(switching ? 'auth.switchSubmit' : 'auth.submit')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
