import { useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from './app-context.tsx';

/**
 * Sign in for admin actions: a button that opens a dialog asking for the admin token (kept for this
 * browser tab only), and, once signed in, a sign-out. Replaces a token box on every page.
 */
export function SignIn() {
  const { t } = useI18n();
  const { adminToken, setAdminToken } = useApp();
  if (adminToken) {
    return (
      <div className="sign-in">
        <span className="signed-in" data-testid="signed-in">
          {t('auth.signedIn')}
        </span>
        <button type="button" className="secondary small" onClick={() => setAdminToken('')}>
          {t('auth.signOut')}
        </button>
      </div>
    );
  }
  return (
    <div className="sign-in">
      <SignInButton />
    </div>
  );
}

/**
 * The sign-in button and its dialog, for any place that needs the token (the header, and the
 * sections that say what signing in would show).
 */
export function SignInButton() {
  const { t } = useI18n();
  const { setAdminToken } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) return;
    setAdminToken(draft.trim());
    setDraft('');
    dialog.current?.close();
  };
  return (
    <>
      <button type="button" className="secondary small" onClick={() => dialog.current?.showModal()}>
        {t('auth.signIn')}
      </button>
      <dialog ref={dialog} aria-labelledby={`${inputId}-title`} className="sign-in-dialog">
        <form onSubmit={submit} className="stack">
          <h2 id={`${inputId}-title`}>{t('auth.title')}</h2>
          <p className="explain">{t('auth.explain')}</p>
          <div className="field">
            <label htmlFor={inputId}>{t('shell.adminToken')}</label>
            <input
              id={inputId}
              type="password"
              autoComplete="current-password"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
            />
          </div>
          <div className="row-between">
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              {t('auth.cancel')}
            </button>
            <button type="submit" disabled={!draft.trim()}>
              {t('auth.submit')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
