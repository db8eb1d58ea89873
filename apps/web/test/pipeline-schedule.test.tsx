import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import PipelinePage from '../src/pages/pipeline/pipeline-page.tsx';
import { renderApp } from './render.tsx';

afterEach(cleanup);

const dag = (id: string, schedule: string | null) => ({
  id,
  description: null,
  schedule,
  next_run_at: '2026-12-06T04:00:00.000Z',
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
      renderDags(lang, dag('maintenance', '0 4 * * 0'));
      const section = await screen.findByTestId('dag-maintenance');
      expect(within(section).getByRole('heading', { level: 2 }).textContent).toContain(says);
      expect(section.textContent).not.toContain('0 4 * * 0');
    },
  );

  it('a daily cron reads "every day"; one with no simple words is shown as written', async () => {
    renderDags('en', dag('weekly', '30 2 * * *'), dag('maintenance', '*/15 * * * *'));
    expect((await screen.findByTestId('dag-weekly')).textContent).toContain('every day');
    expect(screen.getByTestId('dag-maintenance').textContent).toContain('*/15 * * * *');
  });
});
