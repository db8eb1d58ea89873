import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TriggerForm } from '../src/pages/pipeline/trigger-form.tsx';
import { renderApp, type SeenRequest } from './render.tsx';

afterEach(cleanup);

/** The server accepts every run it is asked for. */
function acceptRuns(req: SeenRequest) {
  return req.method === 'POST' && req.url.endsWith('/runs') ? { body: { run_id: 'run-1' } } : undefined;
}

function renderForm() {
  const started: string[] = [];
  const view = renderApp(
    <TriggerForm dagId="weekly" trains mayRun whyNotId={undefined} onStarted={(id) => started.push(id)} />,
    acceptRuns,
    'en',
  );
  return { ...view, started };
}

const posted = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'POST').map((r) => r.body);

describe('the run form of a DAG that trains', () => {
  it('leaves the number of tuning trials to the server configuration unless one is typed', async () => {
    // The form used to send 5 trials on every run, five times the configured training (1 trial).
    const { seen, started } = renderForm();
    const trials = screen.getByLabelText('Tuning trials') as HTMLInputElement;
    expect(trials.value).toBe('');
    expect(trials.placeholder).toBe('as configured');
    fireEvent.click(screen.getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(started).toEqual(['run-1']));
    expect(posted(seen)).toEqual([{ retrain: 'auto' }]);
  });

  it('sends the trials typed, within 1 to 500, and none once the field is emptied again', async () => {
    const { seen, started } = renderForm();
    const trials = screen.getByLabelText('Tuning trials') as HTMLInputElement;
    fireEvent.change(trials, { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(started).toHaveLength(1));
    fireEvent.change(trials, { target: { value: '900' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(started).toHaveLength(2));
    fireEvent.change(trials, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(started).toHaveLength(3));
    expect(posted(seen)).toEqual([
      { retrain: 'auto', trials: 12 },
      { retrain: 'auto', trials: 500 },
      { retrain: 'auto' },
    ]);
  });
});
