import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignIn } from '../src/app/sign-in.tsx';
import UploadPage from '../src/pages/upload/upload-page.tsx';
import { renderApp, type Route } from './render.tsx';

const TOKEN = 'tok-0123456789abcdef';

// jsdom has <dialog> but not its modal methods: open and close it by its attribute.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});

/** GET /api/auth/me of a server that knows only TOKEN, as a token with `role` (null: the alerts-only token). */
function knowsToken(role: 'reader' | 'operator' | 'admin' | null): Route {
  return (req) => {
    if (req.url !== '/api/auth/me') return undefined;
    if (req.authorization === `Bearer ${TOKEN}`) {
      return { body: { role, alerts: role !== 'reader', signed_in: true } };
    }
    return { status: 401, body: { code: 'UNAUTHORIZED', message: 'unknown bearer token' } };
  };
}

function signInWith(token: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  const dialog = within(screen.getByRole('dialog'));
  fireEvent.change(dialog.getByLabelText('Access token'), { target: { value: token } });
  fireEvent.click(dialog.getByRole('button', { name: 'Sign in' }));
  return dialog;
}

describe('the header sign-in', () => {
  it('shows the role the server gives a token kept in the tab, in English and Spanish', async () => {
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    renderApp(<SignIn />, knowsToken('reader'), 'en');
    expect((await screen.findByText('Signed in as reader')).dataset.testid).toBe('signed-in');
    cleanup();
    renderApp(<SignIn />, knowsToken('operator'), 'es');
    expect(await screen.findByText('Sesión de operación')).toBeTruthy();
  });

  it('asks the server about a typed token and shows the role it gives; the dialog says any token works', async () => {
    const { seen } = renderApp(<SignIn />, knowsToken('operator'), 'en');
    const dialog = signInWith(TOKEN);
    expect(dialog.getByText(/any of these kinds works/)).toBeTruthy();
    expect(dialog.getByText(/^Reader: /)).toBeTruthy();
    expect(await screen.findByText('Signed in as operator')).toBeTruthy();
    expect(seen.filter((r) => r.authorization !== null)).toMatchObject([
      { url: '/api/auth/me', authorization: `Bearer ${TOKEN}` },
    ]);
    expect(window.sessionStorage.getItem('sodai.adminToken')).toBe(TOKEN);
  });

  it('takes the alerts-only token (server.operatorToken) and says the sign-in is for alerts only', async () => {
    renderApp(<SignIn />, knowsToken(null), 'en');
    const dialog = signInWith(TOKEN);
    expect(
      dialog.getByText(
        'Alerts only (the older alerts token): see and acknowledge the alerts on the Monitoring page, nothing else.',
      ),
    ).toBeTruthy();
    expect((await screen.findByText('Signed in: alerts only')).dataset.testid).toBe('signed-in');
    expect(window.sessionStorage.getItem('sodai.adminToken')).toBe(TOKEN);
  });

  it('says "Sesión: solo alertas" for an alerts-only token kept in the tab', async () => {
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    renderApp(<SignIn />, knowsToken(null), 'es');
    expect((await screen.findByText('Sesión: solo alertas')).dataset.testid).toBe('signed-in');
  });

  it('refuses a token the server does not know with a clear message, and stays signed out', async () => {
    renderApp(<SignIn />, knowsToken('admin'), 'en');
    const dialog = signInWith('a-mistyped-token-0000');
    expect((await dialog.findByRole('alert')).textContent).toBe(
      'The server does not recognise this token. Check that it was copied whole, or ask whoever runs SodAI for a new one.',
    );
    expect(screen.queryByTestId('signed-in')).toBeNull();
    expect(window.sessionStorage.getItem('sodai.adminToken')).toBeNull();
  });

  it('forgets a kept token the server no longer knows', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'a-token-since-removed-000');
    renderApp(<SignIn />, knowsToken('admin'), 'en');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByTestId('signed-in')).toBeNull();
    expect(window.sessionStorage.getItem('sodai.adminToken')).toBeNull();
  });
});

describe('the header on a server that knows no token', () => {
  /** GET /api/auth/me without a token, from a server whose reads are closed. */
  const anonymous =
    (tokensConfigured: boolean): Route =>
    (req) =>
      req.url === '/api/auth/me' && req.authorization === null
        ? {
            body: {
              role: null,
              alerts: false,
              signed_in: false,
              readers_configured: false,
              tokens_configured: tokensConfigured,
              public_read: 'predictions',
            },
          }
        : undefined;

  it('offers no sign-in that could never succeed (the demo), in Spanish and English', async () => {
    for (const lang of ['es', 'en'] as const) {
      const { seen } = renderApp(<SignIn />, anonymous(false), lang);
      await waitFor(() => expect(seen.map((r) => r.url)).toContain('/api/auth/me'));
      await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
      cleanup();
    }
  });

  it('still offers it when only the alerts-only token is configured', async () => {
    const { seen } = renderApp(<SignIn />, anonymous(true), 'en');
    await waitFor(() => expect(seen.map((r) => r.url)).toContain('/api/auth/me'));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});

describe('a signed-in header names its buttons for what they do', () => {
  const ROLES = ['reader', 'operator', 'admin', null] as const;
  const SAYS = {
    en: { switch: 'Switch token', signOut: 'Sign out', signIn: 'Sign in' },
    es: { switch: 'Cambiar token', signOut: 'Cerrar sesión', signIn: 'Iniciar sesión' },
  } as const;

  for (const lang of ['en', 'es'] as const) {
    for (const role of ROLES) {
      it(`${role ?? 'alerts only'}, ${lang}: "${SAYS[lang].switch}" and "${SAYS[lang].signOut}", no "${SAYS[lang].signIn}"`, async () => {
        window.sessionStorage.setItem('sodai.adminToken', TOKEN);
        renderApp(<SignIn />, knowsToken(role), lang);
        await screen.findByTestId('signed-in');
        await waitFor(() =>
          expect(screen.getByTestId('signed-in').textContent).not.toMatch(/^(Signed in|Sesión iniciada)$/),
        );
        expect(screen.getByRole('button', { name: SAYS[lang].switch })).toBeTruthy();
        expect(screen.getByRole('button', { name: SAYS[lang].signOut })).toBeTruthy();
        expect(screen.queryByRole('button', { name: SAYS[lang].signIn })).toBeNull();
      });
    }
  }

  it('switching from a reader token to an admin token says admin, and the dialog says it replaces the token', async () => {
    const ADMIN = 'tok-admin-fedcba9876543210';
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    renderApp(
      <SignIn />,
      (req) =>
        req.authorization === `Bearer ${ADMIN}`
          ? { body: { role: 'admin', alerts: true, signed_in: true } }
          : knowsToken('reader')(req),
      'en',
    );
    await screen.findByText('Signed in as reader');
    fireEvent.click(screen.getByRole('button', { name: 'Switch token' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Sign in with another token' }));
    expect(dialog.getByText(/replaces the one in use in this tab/)).toBeTruthy();
    fireEvent.change(dialog.getByLabelText('Access token'), { target: { value: ADMIN } });
    fireEvent.click(dialog.getByRole('button', { name: 'Use this token' }));
    expect(await screen.findByText('Signed in as admin')).toBeTruthy();
    expect(window.sessionStorage.getItem('sodai.adminToken')).toBe(ADMIN);
  });

  it('a mistyped token while switching keeps the reader signed in', async () => {
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    renderApp(<SignIn />, knowsToken('reader'), 'es');
    await screen.findByText('Sesión de lectura');
    fireEvent.click(screen.getByRole('button', { name: 'Cambiar token' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Entrar con otro token' }));
    fireEvent.change(dialog.getByLabelText('Token de acceso'), {
      target: { value: 'a-mistyped-token-0000' },
    });
    fireEvent.click(dialog.getByRole('button', { name: 'Usar este token' }));
    expect((await dialog.findByRole('alert')).textContent).toMatch(/^El servidor no reconoce este token/);
    expect(screen.getByText('Sesión de lectura')).toBeTruthy();
    expect(window.sessionStorage.getItem('sodai.adminToken')).toBe(TOKEN);
  });

  it('the note that a reader may not upload offers "Switch token", not "Sign in"', async () => {
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    renderApp(<UploadPage />, knowsToken('reader'), 'en');
    const note = within(await screen.findByTestId('sign-in-needed'));
    expect(note.getByText(/^You are signed in as reader/)).toBeTruthy();
    expect(note.getByRole('button', { name: 'Switch token' })).toBeTruthy();
    expect(note.queryByRole('button', { name: 'Sign in' })).toBeNull();
  });

  it('the note that a visitor must sign in to upload still says "Sign in"', () => {
    renderApp(<UploadPage />, knowsToken('reader'), 'en');
    const note = within(screen.getByTestId('sign-in-needed'));
    expect(note.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
