import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import PipelinePage from '../src/pages/pipeline/pipeline-page.tsx';
import { renderApp } from './render.tsx';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  window.localStorage.clear();
});

// A task's log is English (the page says so). What should_retrain and the gate decided was only
// there, so a Spanish reader read "retrain: the champion is 4.5 weeks…". The decision they now store,
// with its figures, is said above the log in the page's language.

const task = (task_id: string, output: unknown) => ({
  task_id,
  state: 'success',
  attempt: 1,
  started_at: '2026-11-29T04:00:00.000Z',
  finished_at: '2026-11-29T04:00:01.000Z',
  error: null,
  output,
});
const run = {
  id: 'r1',
  dag_id: 'weekly',
  state: 'success',
  trigger: 'schedule',
  logical_date: '2026-11-29T04:00:00.000Z',
  created_at: '2026-11-29T04:00:00.000Z',
  started_at: '2026-11-29T04:00:00.000Z',
  finished_at: '2026-11-29T04:10:00.000Z',
  error: null,
  params: {},
};
const detail = {
  ...run,
  dag: { id: 'weekly', description: null, schedule: null, nodes: [], edges: [] },
  tasks: [
    task('should_retrain', {
      retrain: true,
      reason: 'the champion is 4.5 weeks of data old (limit 4)',
      verdict: { kind: 'stale_champion', championVersion: 2, ageWeeks: 4.5, maxAgeWeeks: 4 },
    }),
    task('gate', {
      passed: false,
      reason: 'NDCG@5 0.6800 is below champion v2 (0.7000) by more than 0.01',
      verdict: {
        kind: 'worse_ranking',
        challengerNdcgAt5: 0.68,
        championVersion: 2,
        championNdcgAt5: 0.7,
        tolerance: 0.01,
      },
    }),
    // A run recorded before decisions were outputs: the branch's output was the ids it followed.
    task('keep_champion', { kept: true }),
  ],
};

function renderRun(lang: 'es' | 'en') {
  return renderApp(
    <PipelinePage />,
    (req) => {
      if (req.url === '/api/pipeline/dags') return { body: [] };
      if (req.url.startsWith('/api/pipeline/runs?')) return { body: [run] };
      if (req.url === '/api/pipeline/runs/r1') return { body: detail };
      if (req.url.startsWith('/api/pipeline/runs/r1/tasks/')) return { body: [] };
      return undefined;
    },
    lang,
  );
}

async function open(taskName: string) {
  fireEvent.click(within(await screen.findByTestId('tasks')).getByRole('button', { name: taskName }));
}

describe('what a deciding task decided, above its English log', () => {
  it.each([
    [
      'es',
      '¿reentrenar?',
      'Decisión: reentrenar, porque el modelo en servicio tiene 4,5 semanas de datos (el límite es 4 semanas).',
    ],
    [
      'en',
      'retrain?',
      'Decision: retrain, because the model in service is 4.5 weeks of data old (the limit is 4 weeks).',
    ],
  ] as const)('should_retrain, in the page language (%s)', async (lang, taskName, says) => {
    renderRun(lang);
    await open(taskName);
    expect((await screen.findByTestId('task-decision')).textContent).toBe(says);
  });

  it('the gate, in Spanish, from its figures', async () => {
    renderRun('es');
    await open('comparar con el actual');
    expect((await screen.findByTestId('task-decision')).textContent).toBe(
      'Rechazada: su NDCG@5 0,680 queda por debajo del champion v2 (0,700) en más de 0,010: sus recomendaciones serían peores.',
    );
  });

  it('nothing for a task that decides nothing', async () => {
    renderRun('es');
    await open('mantener el actual');
    expect(await screen.findByText('El registro técnico se escribe en inglés.')).toBeTruthy();
    expect(screen.queryByTestId('task-decision')).toBeNull();
  });
});
