import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import PipelinePage from '../src/pages/pipeline/pipeline-page.tsx';
import { renderApp } from './render.tsx';

afterEach(cleanup);

/** A DAG as the server lists it: `every` is the server's reading of `schedule` (croner's fire times). */
const dag = (id: string, schedule: string | null, every: 'hour' | 'day' | 'week' | 'month' | null) => ({
  id,
  description: null,
  schedule,
  next_run_at: '2026-12-06T04:00:00.000Z',
  every,
  nodes: [{ id: 'gc', kind: 'task', upstream: [], trigger_rule: 'all_success' }],
  edges: [],
});

function renderDags(lang: 'es' | 'en', ...dags: ReturnType<typeof dag>[]) {
  return renderApp(
    <PipelinePage />,
    (req) => {
      if (req.url === '/api/pipeline/dags') return { body: dags };
      if (req.url.startsWith('/api/pipeline/runs')) return { body: [] };
      return undefined;
    },
    lang,
  );
}

describe('a pipeline schedule', () => {
  it.each([
    { lang: 'es', says: 'cada semana' },
    { lang: 'en', says: 'every week' },
  ] as const)(
    'a weekly cron (the maintenance default, "0 4 * * 0") reads "$says", not the cron',
    async ({ lang, says }) => {
      renderDags(lang, dag('maintenance', '0 4 * * 0', 'week'));
      const section = await screen.findByTestId('dag-maintenance');
      expect(within(section).getByRole('heading', { level: 2 }).textContent).toContain(says);
      expect(section.textContent).not.toContain('0 4 * * 0');
    },
  );

  it('says in words whatever period the server reads, a monthly cron too ("every month", "cada mes")', async () => {
    renderDags('en', dag('weekly', '30 2 * * *', 'day'), dag('maintenance', '0 3 1 * *', 'month'));
    expect((await screen.findByTestId('dag-weekly')).textContent).toContain('every day');
    expect(screen.getByTestId('dag-maintenance').textContent).toContain('every month');
    expect(screen.getByTestId('dag-maintenance').textContent).not.toContain('0 3 1 * *');
    cleanup();
    renderDags('es', dag('maintenance', '0 3 1 * *', 'month'));
    expect((await screen.findByTestId('dag-maintenance')).textContent).toContain('cada mes');
  });

  it.each([
    { lang: 'es', month: 'dic 2026' },
    { lang: 'en', month: 'Dec 2026' },
  ] as const)(
    'writes the next run with the month in words ("$month"), never 12/6/2026, which reads as 12 June',
    async ({ lang, month }) => {
      renderDags(lang, dag('maintenance', '0 4 * * 0', 'week'));
      const text = (await screen.findByTestId('dag-maintenance')).textContent ?? '';
      expect(text).toContain(month);
      expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
    },
  );

  it('shows the cron as written when the server has no word for it (the UI reads no cron fields)', async () => {
    renderDags('en', dag('maintenance', '*/15 * * * *', null), dag('weekly', '0 4 * * 0', null));
    expect((await screen.findByTestId('dag-maintenance')).textContent).toContain('*/15 * * * *');
    expect(screen.getByTestId('dag-weekly').textContent).toContain('0 4 * * 0');
  });
});
