import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignIn } from '../src/app/sign-in.tsx';
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
    expect(seen).toMatchObject([{ url: '/api/auth/me', authorization: `Bearer ${TOKEN}` }]);
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
