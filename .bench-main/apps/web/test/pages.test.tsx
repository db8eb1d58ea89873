import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app.tsx';
import ChatPage from '../src/pages/chat/chat-page.tsx';
import ModelsPage from '../src/pages/models/models-page.tsx';
import PredictPage from '../src/pages/predict/predict-page.tsx';
import RecommendPage from '../src/pages/recommend/recommend-page.tsx';
import { CATALOG, renderApp } from './render.tsx';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  window.localStorage.clear();
});

const PREDICTION = {
  customer_id: 7,
  product_id: 40,
  probability: 0.6234,
  will_buy: true,
  threshold: 0.38,
  model_version: 3,
  candidate: true,
  contributions_method: 'approx',
  contributions: [
    { feature: 'w2', label: 'semanas con compra', value: 2, contribution: 0.4 },
    { feature: 'gap', label: 'semanas entre compras', value: 4, contribution: -0.1 },
  ],
};

describe('PredictPage', () => {
  it('sends the picked pair with the language and shows the probability, decision and contributions', async () => {
    const { seen } = renderApp(<PredictPage />, (req) => {
      if (req.url === '/api/ui/catalog') return { body: CATALOG };
      if (req.url === '/predict?lang=es') return { body: PREDICTION };
      return undefined;
    });
    const submit = screen.getByRole('button', { name: 'Calcular probabilidad' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Cliente'), { target: { value: '7 · ABARROTES' } });
    fireEvent.change(screen.getByLabelText('Producto'), { target: { value: '40' } });
    fireEvent.click(submit);
    expect(await screen.findByTestId('probability')).toHaveProperty('textContent', '62,3\u00a0%');
    expect(screen.getByTestId('decision').textContent).toBe('Probablemente comprará la próxima semana');
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ customer_id: 7, product_id: 40 });
    // The same numbers as a table, for screen readers.
    // (the chart loads lazily, with the first answer).
    // Loading that chunk took over the 1 s default of findBy* on a loaded machine.
    expect(
      await screen.findByRole('cell', { name: 'semanas entre compras' }, { timeout: 15_000 }),
    ).toBeTruthy();
  });

  it('explains a 503 as "no model serving yet"', async () => {
    renderApp(<PredictPage />, (req) =>
      req.method === 'POST'
        ? { status: 503, body: { error: 'MODEL_NOT_READY', message: 'no champion' } }
        : { body: { customers: [], products: [] } },
    );
    fireEvent.change(screen.getByLabelText('Cliente'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('Producto'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Calcular probabilidad' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Todavía no hay un modelo en servicio.');
    expect(alert.textContent).toContain('no champion');
  });
});

describe('RecommendPage', () => {
  it('sends k and only the chosen filters, and lists the products with their reasons', async () => {
    const { seen } = renderApp(<RecommendPage />, (req) => {
      if (req.url === '/api/ui/catalog') return { body: CATALOG };
      if (req.method === 'POST')
        return {
          body: {
            customer_id: 7,
            model_version: 3,
            cold_start: false,
            recommendations: [
              {
                rank: 1,
                product_id: 41,
                score: 0.5,
                source: 'model',
                attributes: CATALOG.products[1]!.attributes,
                reason: 'compra cada 2 semanas',
              },
            ],
          },
        };
      return undefined;
    });
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'JUGOS' })).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Cliente'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('Cuántos productos'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Categoría'), { target: { value: 'JUGOS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recomendar' }));
    const table = await screen.findByTestId('recommendations');
    expect(within(table).getByText('compra cada 2 semanas')).toBeTruthy();
    expect(seen.find((r) => r.method === 'POST')).toMatchObject({
      url: '/recommend?lang=es',
      body: { customer_id: 7, k: 3, exclude_recent: false, filters: { category: 'JUGOS' } },
    });
  });
});

describe('ChatPage', () => {
  it('asks an example question and shows the answer with its figures as a table', async () => {
    renderApp(
      <ChatPage />,
      (req) =>
        req.url === '/chat'
          ? {
              body: {
                answer: 'There are 2 customers.',
                intent: 'count_customers',
                lang: 'en',
                answered: true,
                entities: {},
                based_on: ['customer master'],
                suggestions: [],
                source: 'rules',
                session_id: 'test-session-1',
                question_id: 'q1',
                data: { registered: 2 },
              },
            }
          : { body: CATALOG },
      'en',
    );
    fireEvent.click(screen.getByRole('button', { name: 'How many customers are there?' }));
    const answer = await screen.findByTestId('chat-answer');
    expect(answer.textContent).toContain('There are 2 customers.');
    expect(within(answer).getByRole('rowheader', { name: 'registered' })).toBeTruthy();
    expect(within(answer).getByTestId('chat-based-on').textContent).toContain('customer master');
    expect(within(answer).getByRole('button', { name: 'Helpful answer' })).toBeTruthy();
  });
});

describe('ModelsPage', () => {
  const model = {
    model: { name: 'weekly-purchase', description: '' },
    versions: [
      {
        modelName: 'weekly-purchase',
        version: 1,
        runId: 'a',
        metrics: { test_f1: 0.25 },
        description: '',
        status: 'READY',
        createdAt: 0,
        signature: null,
      },
      {
        modelName: 'weekly-purchase',
        version: 2,
        runId: 'b',
        metrics: { test_f1: 0.27 },
        description: '',
        status: 'READY',
        createdAt: 1,
        signature: null,
      },
    ],
    aliases: [{ alias: 'champion', version: 1, updatedAt: 0 }],
  };

  it('promotes with the admin token and the reason, then reloads the versions', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'tok');
    const { seen } = renderApp(<ModelsPage />, (req) => {
      if (req.url.endsWith('/history')) return { body: [] };
      if (req.url === '/api/tracking/models/weekly-purchase') return { body: model };
      if (req.url === '/api/admin/promote')
        return { body: { alias: 'champion', version: 2, serving_version: 2 } };
      return undefined;
    });
    await screen.findByText('Versión en servicio (champion): v1');
    fireEvent.change(screen.getByLabelText('Versión a promover'), { target: { value: '2' } });
    const promoteForm = screen.getByRole('form', { name: 'Promover' });
    fireEvent.change(within(promoteForm).getByLabelText('Motivo'), { target: { value: 'mejor F1' } });
    fireEvent.click(within(promoteForm).getByRole('button', { name: 'Promover' }));
    expect((await screen.findByRole('status')).textContent).toBe('Hecho: el champion es v2; sirve v2.');
    expect(seen.find((r) => r.url === '/api/admin/promote')).toMatchObject({
      body: { version: 2, reason: 'mejor F1' },
      authorization: 'Bearer tok',
    });
    await waitFor(() =>
      expect(seen.filter((r) => r.url === '/api/tracking/models/weekly-purchase')).toHaveLength(2),
    );
  });

  it('asks for the admin token when there is none, and explains a 401', async () => {
    renderApp(<ModelsPage />, (req) => {
      if (req.url.endsWith('/history')) return { body: [] };
      if (req.url === '/api/tracking/models/weekly-purchase') return { body: model };
      if (req.url === '/api/admin/rollback')
        return { status: 401, body: { error: 'UNAUTHORIZED', message: 'needs token' } };
      return undefined;
    });
    expect(
      await screen.findByText('Introduzca el token de administración arriba para poder hacerlo.'),
    ).toBeTruthy();
    const rollbackForm = screen.getByRole('form', { name: 'Volver atrás' });
    fireEvent.change(within(rollbackForm).getByLabelText('Motivo'), { target: { value: 'x' } });
    fireEvent.click(within(rollbackForm).getByRole('button', { name: 'Volver atrás' }));
    expect((await screen.findByRole('alert')).textContent).toContain('token de administración válido');
  });
});

describe('App shell', () => {
  it('switches language from the toggle and remembers it', async () => {
    vi.stubGlobal('scrollTo', () => undefined);
    renderApp(<App />, (req) =>
      req.url === '/api/serving' ? { body: { model_version: null } } : { body: CATALOG },
    );
    expect(screen.getByRole('link', { name: 'Predecir' }).getAttribute('aria-current')).toBe('page');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    });
    expect(screen.getByRole('link', { name: 'Predict' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('sodai.lang')).toBe('en');
    expect(await screen.findByTestId('serving')).toHaveProperty(
      'textContent',
      'No model is serving yet: predictions will be available after the first training.',
    );
    vi.unstubAllGlobals();
  });
});
