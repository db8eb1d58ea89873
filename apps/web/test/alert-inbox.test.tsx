import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignIn } from '../src/app/sign-in.tsx';
import { AlertInbox } from '../src/pages/monitoring/alert-inbox.tsx';
import { renderApp } from './render.tsx';

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

const ALERT = {
  id: 'a1',
  key: 'dataset_drift',
  rule: 'dataset_drift',
  severity: 'warning',
  state: 'open',
  summary: 'dataset drift in the week from 2024-07-08: psi 0.41 on line_items',
  details: { week: '2024-07-08', reason: 'psi 0.41 on line_items' },
  resolution: null,
  opened_at: '2024-07-15T06:00:00.000Z',
  last_seen_at: '2024-07-15T06:00:00.000Z',
  resolved_at: null,
  acknowledged_at: null,
  acknowledged_by: null,
};

describe('AlertInbox', () => {
  it("falls back to the server's sentence for a rule the UI has no words for", async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'tok-0123456789abcdef');
    const novel = { ...ALERT, id: 'a2', key: 'novel', rule: 'novel_rule', summary: 'something new happened' };
    renderApp(
      <AlertInbox />,
      (req) => (req.url === '/api/alerts?state=open' ? { body: { alerts: [novel] } } : undefined),
      'en',
    );
    expect(await screen.findByText('something new happened')).toBeTruthy();
  });

  it("names a refused batch file in the reader's language, without its folder or bucket", async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'tok-0123456789abcdef');
    const refused = {
      ...ALERT,
      id: 'a3',
      key: 'batch_rejected',
      rule: 'batch_rejected',
      summary: '1 batch file(s) refused by validation, nothing of them stored: …',
      details: { run_id: 'r1', files: ['s3://bucket/landing/week-2024-12-30.csv'] },
    };
    const route = (req: { url: string }) =>
      req.url === '/api/alerts?state=open' ? { body: { alerts: [refused] } } : undefined;
    renderApp(<AlertInbox />, route, 'es');
    expect(await screen.findByText('Un lote de datos no pasó la validación')).toBeTruthy();
    expect(
      screen.getByText(
        'La validación rechazó 1 archivo(s) y no guardó nada de ellos: week-2024-12-30.csv. Suba el archivo corregido con el mismo nombre (reemplazándolo) o quítelo de la entrada; ambas cosas, y su informe, están en Subir lote.',
      ),
    ).toBeTruthy();
    cleanup();
    renderApp(<AlertInbox />, route, 'en');
    expect(await screen.findByText('A data batch failed validation')).toBeTruthy();
    expect(
      screen.getByText(/^Validation refused 1 file\(s\) and stored nothing of them: week-2024-12-30\.csv\./),
    ).toBeTruthy();
  });

  it('names the weeks with no data in the reader language and says where to upload them', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'tok-0123456789abcdef');
    const gap = {
      ...ALERT,
      id: 'a4',
      key: 'missing_weeks',
      rule: 'missing_weeks',
      summary: 'no purchase at all in the week(s) from 2024-03-11, …',
      details: { weeks: ['2024-03-11'] },
    };
    renderApp(
      <AlertInbox />,
      (req) => (req.url === '/api/alerts?state=open' ? { body: { alerts: [gap] } } : undefined),
      'es',
    );
    expect(await screen.findByText('Falta una semana de datos')).toBeTruthy();
    expect(
      screen.getByText(
        /^No hay ninguna compra en la\(s\) semana\(s\) del 2024-03-11, .*Súbalo en Subir lote/,
      ),
    ).toBeTruthy();
  });

  it('says how many source rows arrived late, in the reader language, without the source URL', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'tok-0123456789abcdef');
    const late = {
      ...ALERT,
      id: 'a5',
      key: 'late_source_rows',
      rule: 'late_source_rows',
      summary: 'postgres://etl@db/erp public.sales: 2 row(s) …',
      details: {
        rows: 2,
        sources: [{ source: 'postgres://etl@db/erp public.sales', rows: 2, watermark: '2024-02-10' }],
      },
    };
    renderApp(
      <AlertInbox />,
      (req) => (req.url === '/api/alerts?state=open' ? { body: { alerts: [late] } } : undefined),
      'en',
    );
    expect(await screen.findByText('Rows arrived late and were not loaded')).toBeTruthy();
    expect(
      screen.getByText(
        /^2 row\(s\) of the source table are dated on or before the last date already read \(2024-02-10\)/,
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/postgres:/)).toBeNull();
  });

  it('offers the sign-in, not the removed token box, before it asks the server', async () => {
    const { seen } = renderApp(
      <AlertInbox />,
      (req) => {
        if (req.url === '/api/auth/me') return { body: { role: 'operator', alerts: true, signed_in: true } };
        return req.url === '/api/alerts?state=open' ? { body: { alerts: [ALERT] } } : undefined;
      },
      'en',
    );
    const needed = await screen.findByTestId('sign-in-needed');
    expect(needed.textContent).toContain(
      'Sign in as operator or admin, or with the alerts token, to see the alerts.',
    );
    expect(needed.textContent).not.toMatch(/above|enter the/i);
    // Only the anonymous "can anyone sign in here?" has been asked: nothing with a token yet.
    expect(seen.filter((r) => r.authorization !== null)).toEqual([]);
    fireEvent.click(within(needed).getByRole('button', { name: 'Sign in' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/token/i), { target: { value: 'tok-0123456789abcdef' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByText(
        'The data of the week from 2024-07-08 departs from the reference: the details are on the Drift page.',
      ),
    ).toBeTruthy();
    expect(seen.find((r) => r.authorization !== null)?.authorization).toBe('Bearer tok-0123456789abcdef');
  });

  it('lists open alerts in words, acknowledges one with the token and shows who did', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'tok-0123456789abcdef');
    let acked = false;
    const { seen } = renderApp(<AlertInbox />, (req) => {
      if (req.method === 'GET' && req.url === '/api/alerts?state=open')
        return {
          body: {
            alerts: [
              acked
                ? { ...ALERT, acknowledged_at: ALERT.opened_at, acknowledged_by: 'admin@127.0.0.1' }
                : ALERT,
            ],
          },
        };
      if (req.method === 'POST' && req.url === '/api/alerts/a1/acknowledge') {
        acked = true;
        return { body: ALERT };
      }
      return undefined;
    });
    expect(await screen.findByText('Los datos cambiaron (deriva)')).toBeTruthy();
    // In the reader's language, from the alert's details: never the server's English sentence.
    expect(
      screen.getByText(
        'Los datos de la semana del 2024-07-08 se apartan de los de referencia: el detalle está en Deriva.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(ALERT.summary)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Confirmar' }));
    await waitFor(() => expect(screen.getByText(/Confirmada por admin@127.0.0.1/)).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Confirmar' })).toBeNull();
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.authorization).toBe('Bearer tok-0123456789abcdef');
  });

  it('signed in with the alerts-only token, the header says so and the inbox lists and acknowledges alerts', async () => {
    let acked = false;
    const { seen } = renderApp(
      <>
        <SignIn />
        <AlertInbox />
      </>,
      (req) => {
        if (req.url === '/api/auth/me') return { body: { role: null, alerts: true, signed_in: true } };
        if (req.method === 'GET' && req.url === '/api/alerts?state=open') {
          return {
            body: {
              alerts: [
                acked
                  ? { ...ALERT, acknowledged_at: ALERT.opened_at, acknowledged_by: 'alerts@127.0.0.1' }
                  : ALERT,
              ],
            },
          };
        }
        if (req.method === 'POST' && req.url === '/api/alerts/a1/acknowledge') {
          acked = true;
          return { body: ALERT };
        }
        return undefined;
      },
    );
    const needed = await screen.findByTestId('sign-in-needed');
    fireEvent.click(within(needed).getByRole('button', { name: 'Iniciar sesión' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/token/i), { target: { value: 'tok-0123456789abcdef' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Entrar' }));
    expect(await screen.findByText('Sesión: solo alertas')).toBeTruthy();
    expect(await screen.findByText('Los datos cambiaron (deriva)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Confirmar' }));
    await waitFor(() => expect(screen.getByText(/Confirmada por alerts@127.0.0.1/)).toBeTruthy());
    expect(seen.filter((r) => r.url.startsWith('/api/alerts')).map((r) => r.authorization)).toEqual([
      'Bearer tok-0123456789abcdef',
      'Bearer tok-0123456789abcdef',
      'Bearer tok-0123456789abcdef',
    ]);
  });

  it('signed in as reader, says the alerts need another sign-in and does not ask for them', async () => {
    const { seen } = renderApp(
      <AlertInbox />,
      (req) => {
        if (req.url === '/api/auth/me') return { body: { role: 'reader', alerts: false, signed_in: true } };
        if (req.url.startsWith('/api/alerts')) {
          return {
            status: 403,
            body: { code: 'FORBIDDEN', message: 'ana has the reader role; alerts need operator' },
          };
        }
        return undefined;
      },
      'en',
    );
    fireEvent.click(
      within(await screen.findByTestId('sign-in-needed')).getByRole('button', { name: 'Sign in' }),
    );
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/token/i), { target: { value: 'tok-0123456789abcdef' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getByTestId('sign-in-needed').textContent).toContain(
        'Your sign-in does not show the alerts: they need an operator or admin sign-in, or the alerts token.',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(seen.filter((r) => r.url.startsWith('/api/alerts'))).toEqual([]);
  });

  it('shows resolved alerts when asked, said to be resolved', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'tok-0123456789abcdef');
    renderApp(
      <AlertInbox />,
      (req) =>
        req.url === '/api/alerts?state=all'
          ? {
              body: {
                alerts: [
                  {
                    ...ALERT,
                    state: 'resolved',
                    resolution: 'no drift in the week from 2024-07-22',
                    resolved_at: '2024-07-23T06:00:00.000Z',
                  },
                ],
              },
            }
          : req.url === '/api/alerts?state=open'
            ? { body: { alerts: [] } }
            : undefined,
      'en',
    );
    expect(await screen.findByText('No open alerts.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Show resolved alerts too'));
    expect(await screen.findByText('Resolved: the condition no longer holds.')).toBeTruthy();
  });
});
