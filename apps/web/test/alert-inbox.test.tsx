import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertInbox } from '../src/pages/monitoring/alert-inbox.tsx';
import { renderApp } from './render.tsx';

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
  details: {},
  resolution: null,
  opened_at: '2024-07-15T06:00:00.000Z',
  last_seen_at: '2024-07-15T06:00:00.000Z',
  resolved_at: null,
  acknowledged_at: null,
  acknowledged_by: null,
};

describe('AlertInbox', () => {
  it('asks for a token before it asks the server', async () => {
    const { seen } = renderApp(<AlertInbox />, () => undefined, 'en');
    expect(
      await screen.findByText('Enter the admin or operator token above to see the alerts.'),
    ).toBeTruthy();
    expect(seen).toEqual([]);
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
    expect(screen.getByText(ALERT.summary)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Confirmar' }));
    await waitFor(() => expect(screen.getByText(/Confirmada por admin@127.0.0.1/)).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Confirmar' })).toBeNull();
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.authorization).toBe('Bearer tok-0123456789abcdef');
  });

  it('shows resolved alerts when asked, with what resolved them', async () => {
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
    expect(await screen.findByText('no drift in the week from 2024-07-22')).toBeTruthy();
  });
});
