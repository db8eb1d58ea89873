import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app.tsx';
import ChatPage from '../src/pages/chat/chat-page.tsx';
import DataPage from '../src/pages/data/data-page.tsx';
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
    { feature: 'w2', label: 'semanas con compra', value: 2, unit: 'weeks', contribution: 0.4 },
    { feature: 'share', label: 'proporción de entregas', value: 0.25, unit: 'share', contribution: 0.2 },
    { feature: 'gap', label: 'semanas entre compras', value: 4.5, unit: 'weeks', contribution: -0.1 },
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
    // Values carry their unit, and the scale of a contribution is said.
    const gapRow = screen.getByRole('cell', { name: 'semanas entre compras' }).closest('tr')!;
    expect(within(gapRow).getByRole('cell', { name: '4,50 semanas' })).toBeTruthy();
    const shareRow = screen.getByRole('cell', { name: 'proporción de entregas' }).closest('tr')!;
    expect(within(shareRow).getAllByRole('cell')[1]!.textContent).toBe('25\u00a0%');
    expect(screen.getByTestId('contribution-scale').textContent).toContain('log-odds');
    expect(screen.getByRole('columnheader', { name: 'Contribución (puntos de log-odds)' })).toBeTruthy();
  });

  it('says what the customer and product are under the result, not their ids alone', async () => {
    renderApp(<PredictPage />, (req) => {
      if (req.url === '/api/ui/catalog') return { body: CATALOG };
      if (req.url === '/predict?lang=es') return { body: PREDICTION };
      return undefined;
    });
    fireEvent.change(await screen.findByLabelText('Cliente'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('Producto'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Calcular probabilidad' }));
    await screen.findByTestId('probability');
    expect(screen.getByRole('heading', { name: 'Cliente 7 · producto 40' })).toBeTruthy();
    expect(screen.getByTestId('pair-words').textContent).toBe('ABARROTES — Brand 1 · AGUA · BOTELLA · 1');
  });

  it('says an id typed is unknown, and leaves no earlier answer under it, rather than a silent disabled button', async () => {
    renderApp(
      <PredictPage />,
      (req) => {
        if (req.url === '/api/ui/catalog') return { body: CATALOG };
        if (req.url === '/predict?lang=en') return { body: PREDICTION };
        return undefined;
      },
      'en',
    );
    await waitFor(() => expect(document.querySelectorAll('datalist option').length).toBeGreaterThan(0));
    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('Product'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Get probability' }));
    await screen.findByTestId('probability');
    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: '999999' } });
    fireEvent.change(screen.getByLabelText('Product'), { target: { value: '77' } });
    expect(screen.getByTestId('unknown-id').textContent).toBe(
      'There is no customer number 999999. There is no product number 77.',
    );
    expect(screen.queryByTestId('probability')).toBeNull();
  });

  it('says a rule answered, not "Modelo v0", while no model has passed the gate', async () => {
    renderApp(<PredictPage />, (req) => {
      if (req.url === '/api/ui/catalog') return { body: CATALOG };
      if (req.url === '/predict?lang=es')
        return { body: { ...PREDICTION, model_version: 0, contributions: [] } };
      return undefined;
    });
    fireEvent.change(screen.getByLabelText('Cliente'), { target: { value: '7 · ABARROTES' } });
    fireEvent.change(screen.getByLabelText('Producto'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Calcular probabilidad' }));
    await screen.findByTestId('probability');
    expect(document.body.textContent).not.toContain('Modelo v0');
    expect(document.body.textContent).toContain('Regla simple');
    expect(screen.getByTestId('rule-no-contributions')).toBeTruthy();
  });

  it("explains a 503 by its code, without the server's English words in the Spanish UI", async () => {
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
    expect(alert.textContent).not.toContain('no champion');
    expect(alert.getAttribute('data-error-code')).toBe('MODEL_NOT_READY');
  });
});

const SERVED_BY_MODEL = {
  kind: 'model',
  model_version: 3,
  rule: null,
  rule_description: null,
  reason: null,
} as const;

describe('RecommendPage', () => {
  it('sends k and only the chosen filters, and lists the products with their reasons', async () => {
    const { seen } = renderApp(<RecommendPage />, (req) => {
      if (req.url === '/api/ui/catalog') return { body: CATALOG };
      if (req.method === 'POST')
        return {
          body: {
            customer_id: 7,
            model_version: 3,
            served_by: SERVED_BY_MODEL,
            cold_start: false,
            recommendations: [
              {
                rank: 1,
                product_id: 41,
                score: 0.5,
                source: 'model',
                rule: null,
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
  it('names the serving rule, not a model, while no model has passed the gate', async () => {
    renderApp(<RecommendPage />, (req) => {
      if (req.url === '/api/ui/catalog') return { body: CATALOG };
      if (req.method === 'POST')
        return {
          body: {
            customer_id: 7,
            model_version: 0,
            served_by: {
              kind: 'rule',
              model_version: null,
              rule: 'k_of_n',
              rule_description: 'comprado en al menos 2 de las últimas 4 semanas',
              reason: 'no_champion',
            },
            cold_start: false,
            recommendations: [
              {
                rank: 1,
                product_id: 41,
                score: 0.4,
                source: 'rule',
                rule: 'k_of_n',
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
    fireEvent.click(screen.getByRole('button', { name: 'Recomendar' }));
    const table = await screen.findByTestId('recommendations');
    expect(within(table).getByText('regla')).toBeTruthy();
    expect(table.querySelector('caption')?.textContent).toBe(
      'Recomendaciones para el cliente 7 (regla: comprado en al menos 2 de las últimas 4 semanas)',
    );
    const result = table.closest('section')!;
    expect(result.textContent).toContain('ordenadas por la probabilidad que da la regla');
    expect(result.textContent).not.toMatch(/modelo v\d|estima el modelo/);
    expect(within(table).queryByText('modelo')).toBeNull();
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
                data: { registered: 2, data_until: '2025-01-05', lapsed_share: 0.25 },
              },
            }
          : { body: CATALOG },
      'en',
    );
    fireEvent.click(screen.getByRole('button', { name: 'How many customers are there?' }));
    const answer = await screen.findByTestId('chat-answer');
    expect(answer.textContent).toContain('There are 2 customers.');
    // Figures are named in words; one the UI has no words for keeps the server's name.
    expect(within(answer).getByRole('rowheader', { name: 'Registered customers' })).toBeTruthy();
    expect(within(answer).getByRole('rowheader', { name: 'Data up to' })).toBeTruthy();
    expect(within(answer).getByRole('rowheader', { name: 'lapsed_share' })).toBeTruthy();
    expect(within(answer).queryByRole('rowheader', { name: 'data_until' })).toBeNull();
    expect(within(answer).getByTestId('chat-based-on').textContent).toContain('customer master');
    // The rating buttons are a thumb each: a pointer's tooltip says what they do, as a screen reader does.
    expect(within(answer).getByRole('button', { name: 'Helpful answer' }).title).toBe('Helpful answer');
    expect(within(answer).getByRole('button', { name: 'Unhelpful answer' }).title).toBe('Unhelpful answer');
  });

  it("shows the server's example questions grouped by family", async () => {
    renderApp(<ChatPage />, (req) =>
      req.url === '/api/chat/examples?lang=es'
        ? {
            body: {
              families: [
                {
                  family: 'Ventas',
                  questions: [
                    '¿Qué le ofrezco al cliente 100007 esta semana?',
                    '¿Quiénes dejaron de comprar?',
                    '¿Qué marcas se venden más?',
                    '¿Qué productos están creciendo?',
                  ],
                },
                {
                  family: 'Modelo',
                  questions: ['¿Hay drift?', '¿Cuál fue el F1?', '¿Qué versión está en producción?'],
                },
              ],
            },
          }
        : { body: CATALOG },
    );
    // Beyond a first chip each, they wait behind "Más ejemplos", under their family's name.
    expect(await screen.findByRole('heading', { name: 'Ventas' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Modelo' })).toBeTruthy();
    expect(screen.getByText('Más ejemplos (5)').tagName).toBe('SUMMARY');
    expect(
      screen.getByRole('button', { name: '¿Qué le ofrezco al cliente 100007 esta semana?' }),
    ).toBeTruthy();
  });

  it('puts the question box before the examples, one chip per family and the rest behind "More examples"', async () => {
    const families = [
      {
        family: 'Sales',
        questions: ['What should I offer customer 7?', 'Who stopped buying?', 'Top brands?'],
      },
      { family: 'Model', questions: ['Is there drift?', 'Which model is serving?', 'What was the F1?'] },
      { family: 'Operations', questions: ['When is the next run?'] },
    ];
    renderApp(
      <ChatPage />,
      (req) => (req.url === '/api/chat/examples?lang=en' ? { body: { families } } : { body: CATALOG }),
      'en',
    );
    const examples = await screen.findByTestId('chat-examples');
    await within(examples).findByRole('button', { name: 'Is there drift?' });
    const input = screen.getByLabelText('Type your question');
    // On a phone the examples once came first and pushed the box below the screen.
    expect(input.compareDocumentPosition(examples) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const chips = examples.querySelector(':scope > .chips')!;
    expect([...chips.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'What should I offer customer 7?',
      'Is there drift?',
      'When is the next run?',
    ]);
    const more = examples.querySelector('details')!;
    expect(more.open).toBe(false);
    expect(more.querySelector('summary')?.textContent).toBe('More examples (4)');
    expect([...more.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Sales', 'Model']);
    expect(
      within(more)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Who stopped buying?', 'Top brands?', 'Which model is serving?', 'What was the F1?']);
  });

  it('lists the most frequent and the unanswered questions when chat analytics is opened', async () => {
    const { seen } = renderApp(<ChatPage />, (req) =>
      req.url.startsWith('/api/chat/analytics')
        ? {
            body: {
              total: 4,
              answered: 3,
              up: 1,
              down: 0,
              p95_latency_ms: 12,
              by_intent: [],
              frequent: [
                { text: '¿por qué?', count: 2, intent: 'why_recommended', last_asked_at: '2026-11-28' },
              ],
              unanswered: [
                { text: '¿va a llover?', count: 1, intent: 'unknown', last_asked_at: '2026-11-28' },
              ],
              recent: [],
            },
          }
        : { body: CATALOG },
    );
    const panel = screen.getByTestId('chat-analytics') as HTMLDetailsElement;
    expect(seen.some((r) => r.url.startsWith('/api/chat/analytics'))).toBe(false);
    await act(async () => {
      panel.open = true;
      panel.dispatchEvent(new Event('toggle'));
    });
    const frequent = await screen.findByTestId('chat-analytics-frequent');
    expect(within(frequent).getByText('¿por qué?')).toBeTruthy();
    expect(within(screen.getByTestId('chat-analytics-unanswered')).getByText('¿va a llover?')).toBeTruthy();
    expect(screen.getByTestId('chat-analytics-totals').textContent).toContain('75');
  });
});

describe('RecommendPage: unknown and new customers', () => {
  const popularOnly = {
    customer_id: 8,
    model_version: 3,
    served_by: SERVED_BY_MODEL,
    cold_start: true,
    recommendations: [
      {
        rank: 1,
        product_id: 41,
        score: 0.2,
        source: 'popular',
        rule: null,
        attributes: CATALOG.products[1]!.attributes,
        reason: 'popular',
      },
    ],
  };

  it("clears the previous customer's table and says so when an unknown customer is typed", async () => {
    renderApp(<RecommendPage />, (req) => {
      if (req.url === '/api/ui/catalog') return { body: CATALOG };
      if (req.method === 'POST') return { body: popularOnly };
      return undefined;
    });
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'JUGOS' })).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Cliente'), { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recomendar' }));
    await screen.findByTestId('recommendations');
    fireEvent.change(screen.getByLabelText('Cliente'), { target: { value: '999' } });
    expect(screen.queryByTestId('recommendations')).toBeNull();
    expect(screen.getByTestId('unknown-customer').textContent).toBe(
      'No hay ningún cliente con el número 999.',
    );
  });

  it("labels a never-bought customer's scores as popularity, not probability", async () => {
    renderApp(<RecommendPage />, (req) => {
      if (req.url === '/api/ui/catalog') return { body: CATALOG };
      if (req.method === 'POST') return { body: popularOnly };
      return undefined;
    });
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'JUGOS' })).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Cliente'), { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recomendar' }));
    const table = await screen.findByTestId('recommendations');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toContain('Popularidad');
    expect(headers).not.toContain('Probabilidad');
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

  /** The server's answer to "what is this token?" for an admin's. */
  const ADMIN = { role: 'admin', alerts: true, signed_in: true };

  it('promotes with the admin token and the reason, then reloads the versions', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'tok');
    const { seen } = renderApp(<ModelsPage />, (req) => {
      if (req.url === '/api/auth/me') return { body: ADMIN };
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
    const promote = within(promoteForm).getByRole('button', { name: 'Promover' });
    await waitFor(() => expect(promote).toHaveProperty('disabled', false));
    fireEvent.click(promote);
    // Nothing moves until the operator confirms.
    const confirm = await screen.findByRole('alertdialog');
    expect(confirm.textContent).toContain('¿Poner v2 en servicio ahora?');
    expect(seen.some((r) => r.url === '/api/admin/promote')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Confirmar' }));
    expect((await screen.findByRole('status')).textContent).toBe('Hecho: el champion es v2; sirve v2.');
    expect(seen.find((r) => r.url === '/api/admin/promote')).toMatchObject({
      body: { version: 2, reason: 'mejor F1' },
      authorization: 'Bearer tok',
    });
    await waitFor(() =>
      expect(seen.filter((r) => r.url === '/api/tracking/models/weekly-purchase')).toHaveLength(2),
    );
  });

  const history = [
    {
      seq: 1,
      version: 1,
      action: 'set',
      startedAt: 0,
      endedAt: 5,
      actor: 'cli',
      reason: 'first',
      gate: null,
    },
    {
      seq: 2,
      version: 2,
      action: 'set',
      startedAt: 5,
      endedAt: null,
      actor: 'cli',
      reason: 'second',
      gate: null,
    },
  ];

  it.each([
    {
      lang: 'es',
      rollback: 'Volver atrás',
      reason: 'Motivo',
      confirm: 'Confirmar',
      says: 'Necesita iniciar sesión para esto, o su sesión ya no es válida: inicie sesión de nuevo.',
    },
    {
      lang: 'en',
      rollback: 'Roll back',
      reason: 'Reason',
      confirm: 'Confirm',
      says: 'You need to sign in for this, or your sign-in is no longer valid: sign in again.',
    },
  ] as const)(
    'explains a 401 for a token the server dropped after the sign-in as a sign-in to renew, not an admin one ($lang)',
    async ({ lang, rollback, reason, confirm, says }) => {
      window.sessionStorage.setItem('sodai.adminToken', 'tok');
      renderApp(
        <ModelsPage />,
        (req) => {
          if (req.url === '/api/auth/me') return { body: ADMIN };
          if (req.url.endsWith('/history')) return { body: history };
          if (req.url === '/api/tracking/models/weekly-purchase') return { body: model };
          if (req.url === '/api/admin/rollback')
            return { status: 401, body: { error: 'UNAUTHORIZED', message: 'needs token' } };
          return undefined;
        },
        lang,
      );
      const rollbackForm = await screen.findByRole('form', { name: rollback });
      fireEvent.change(within(rollbackForm).getByLabelText(reason), { target: { value: 'x' } });
      await waitFor(() =>
        expect(within(rollbackForm).getByRole('button', { name: rollback })).toHaveProperty(
          'disabled',
          false,
        ),
      );
      fireEvent.click(within(rollbackForm).getByRole('button', { name: rollback }));
      fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: confirm }));
      const alert = await screen.findByRole('alert');
      expect(alert.querySelector('strong')?.textContent).toBe(says);
      // The server's own words are English: only the English UI shows them.
      expect(alert.textContent?.includes('needs token')).toBe(lang === 'en');
    },
  );

  it('says why the champion history could not be read, rather than "no moves yet"', async () => {
    renderApp(<ModelsPage />, (req) => {
      if (req.url.endsWith('/history'))
        return {
          status: 401,
          body: { code: 'UNAUTHORIZED', message: 'this route needs a bearer token with the reader role' },
        };
      if (req.url === '/api/tracking/models/weekly-purchase') return { body: model };
      return undefined;
    });
    await screen.findByText('Versión en servicio (champion): v1');
    const timeline = screen.getByRole('region', { name: 'Historial del champion' });
    // Nobody signed in: the refusal is a sign-in to do, offered with its button.
    expect((await within(timeline).findByTestId('sign-in-needed')).textContent).toContain(
      'Esto solo se muestra con la sesión iniciada',
    );
    expect(within(timeline).getByRole('button', { name: 'Iniciar sesión' })).toBeTruthy();
    expect(timeline.textContent).not.toContain('Sin movimientos todavía.');
  });

  it.each([
    { lang: 'es', pipeline: 'flujo semanal', cli: 'ana (línea de comandos)' },
    { lang: 'en', pipeline: 'weekly pipeline', cli: 'ana (command line)' },
  ] as const)(
    'names who moved the champion in words, not as a pipeline run id ($lang)',
    async ({ lang, pipeline, cli }) => {
      const moves = [
        { ...history[0], actor: 'cli:ana' },
        { ...history[1], actor: 'pipeline:01a2297b-3c8d-7000-80bf-624f17861caa' },
      ];
      renderApp(
        <ModelsPage />,
        (req) => {
          if (req.url.endsWith('/history')) return { body: moves };
          if (req.url === '/api/tracking/models/weekly-purchase') return { body: model };
          return undefined;
        },
        lang,
      );
      const timeline = await screen.findByTestId('alias-timeline');
      expect(timeline.textContent).toContain(pipeline);
      expect(timeline.textContent).toContain(cli);
      expect(timeline.textContent).not.toContain('01a2297b');
      expect(timeline.textContent).not.toContain('cli:');
    },
  );

  it.each([
    { lang: 'es', says: 'Todavía no se ha entrenado ningún modelo', link: 'ir al flujo semanal' },
    { lang: 'en', says: 'No model has been trained yet', link: 'go to the weekly pipeline' },
  ] as const)(
    'before the first training, says no model is trained yet and links the pipeline, not an error ($lang)',
    async ({ lang, says, link }) => {
      const noModel = {
        status: 404,
        body: { code: 'MODEL_NOT_FOUND', message: 'no registered model named weekly-purchase' },
      };
      renderApp(
        <ModelsPage />,
        (req) => (req.url.startsWith('/api/tracking/models/') ? noModel : undefined),
        lang,
      );
      const note = await screen.findByTestId('no-model');
      expect(note.textContent).toContain(says);
      expect(within(note).getByRole('link', { name: link }).getAttribute('href')).toBe('#/pipeline');
      expect(screen.queryByRole('alert')).toBeNull();
    },
  );

  it('says "no moves yet" for a champion history that is empty', async () => {
    renderApp(<ModelsPage />, (req) => {
      if (req.url.endsWith('/history')) return { body: [] };
      if (req.url === '/api/tracking/models/weekly-purchase') return { body: model };
      return undefined;
    });
    const timeline = screen.getByRole('region', { name: 'Historial del champion' });
    expect(await within(timeline).findByText('Sin movimientos todavía.')).toBeTruthy();
  });

  it('disables rollback when the champion has no earlier version', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'tok');
    renderApp(<ModelsPage />, (req) => {
      if (req.url === '/api/auth/me') return { body: ADMIN };
      if (req.url.endsWith('/history')) return { body: [history[0]] };
      if (req.url === '/api/tracking/models/weekly-purchase') return { body: model };
      return undefined;
    });
    expect(await screen.findByText('No hay una versión anterior a la que volver.')).toBeTruthy();
    // Signed in as admin (promote comes on), so only the missing earlier version keeps rollback off.
    const promoteForm = screen.getByRole('form', { name: 'Promover' });
    fireEvent.change(screen.getByLabelText('Versión a promover'), { target: { value: '2' } });
    fireEvent.change(within(promoteForm).getByLabelText('Motivo'), { target: { value: 'x' } });
    await waitFor(() =>
      expect(within(promoteForm).getByRole('button', { name: 'Promover' })).toHaveProperty('disabled', false),
    );
    const rollbackForm = screen.getByRole('form', { name: 'Volver atrás' });
    fireEvent.change(within(rollbackForm).getByLabelText('Motivo'), { target: { value: 'x' } });
    expect(within(rollbackForm).getByRole('button', { name: 'Volver atrás' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it.each([
    { lang: 'es', says: 'No hay otra versión que promover', label: 'Versión a promover' },
    { lang: 'en', says: 'There is no other version to promote', label: 'Version to promote' },
  ] as const)(
    'says there is nothing to promote when the champion is the only version, not an empty list ($lang)',
    async ({ lang, says, label }) => {
      window.sessionStorage.setItem('sodai.adminToken', 'tok');
      const only = { ...model, versions: [model.versions[0]] };
      renderApp(
        <ModelsPage />,
        (req) => {
          if (req.url === '/api/auth/me') return { body: ADMIN };
          if (req.url.endsWith('/history')) return { body: [history[0]] };
          if (req.url === '/api/tracking/models/weekly-purchase') return { body: only };
          return undefined;
        },
        lang,
      );
      expect(await screen.findByText(new RegExp(`^${says}`))).toBeTruthy();
      expect(screen.getByLabelText(label)).toHaveProperty('disabled', true);
    },
  );

  it('marks a version a rule beat on its test week as rejected, never as passed', async () => {
    const gate = (passed: boolean, f1: number) => ({
      passed,
      reason: 'English sentence the UI must not show',
      testCutoff: passed ? '2024-05-27' : '2024-06-03',
      margin: 0,
      challengerF1: f1,
      bestBaseline: 'k_of_n',
      bestBaselineF1: 0.26,
    });
    renderApp(<ModelsPage />, (req) => {
      if (req.url.endsWith('/history')) return { body: [] };
      if (req.url === '/api/tracking/models/weekly-purchase') return { body: model };
      if (req.url.startsWith('/api/tracking/runs?parentRunId=a'))
        return { body: [{ id: 'ga', name: 'gate v1' }] };
      if (req.url.startsWith('/api/tracking/runs?parentRunId=b'))
        return { body: [{ id: 'gb', name: 'gate v2' }] };
      if (req.url.startsWith('/api/tracking/runs/ga/artifact')) return { body: gate(true, 0.3) };
      if (req.url.startsWith('/api/tracking/runs/gb/artifact')) return { body: gate(false, 0.25) };
      return undefined;
    });
    const v2 = await waitFor(() => {
      const row = document.querySelector('tr[data-version="2"]');
      expect(row?.getAttribute('data-gate')).toBe('rejected');
      return row as HTMLElement;
    });
    expect(v2.textContent).toContain('rechazada');
    expect(v2.textContent).toContain('2024-06-03');
    expect(v2.textContent).toContain('Rechazada: la regla «compró k de las últimas n semanas» (0,260)');
    expect(v2.textContent).not.toContain('Aprobada');
    const v1 = document.querySelector('tr[data-version="1"]')!;
    expect(v1.getAttribute('data-gate')).toBe('passed');
    expect(v1.textContent).toContain('2024-05-27');
    expect(document.body.textContent).not.toContain('English sentence');
    expect(screen.getByTestId('f1-note').textContent).toContain('misma semana de prueba');
  });

  /** The models page over `model` whose v1 the gate passed and v2 it rejected with `rejected`. */
  const gated = (rejected: Record<string, unknown>) => (req: { url: string }) => {
    if (req.url.endsWith('/history')) return { body: [] };
    if (req.url === '/api/tracking/models/weekly-purchase')
      return {
        body: {
          ...model,
          versions: model.versions.map((v) => ({
            ...v,
            metrics: { test_f1: v.version === 1 ? 0.41264 : 0.4127 },
          })),
        },
      };
    if (req.url.startsWith('/api/tracking/runs?parentRunId=a'))
      return { body: [{ id: 'ga', name: 'gate v1' }] };
    if (req.url.startsWith('/api/tracking/runs?parentRunId=b'))
      return { body: [{ id: 'gb', name: 'gate v2' }] };
    if (req.url.startsWith('/api/tracking/runs/ga/artifact'))
      return { body: { passed: true, reason: '', testCutoff: '2024-05-27', challengerF1: 0.41264 } };
    if (req.url.startsWith('/api/tracking/runs/gb/artifact'))
      return { body: { passed: false, reason: '', testCutoff: '2024-06-03', ...rejected } };
    return undefined;
  };
  const rejectedRow = () =>
    waitFor(() => {
      const row = document.querySelector('tr[data-version="2"]');
      expect(row?.getAttribute('data-gate')).toBe('rejected');
      return row as HTMLElement;
    });

  it.each([
    { lang: 'es', f1: '0,413', version: 'v2rechazada' },
    { lang: 'en', f1: '0.413', version: 'v2rejected' },
  ] as const)(
    'writes F1 with 3 decimals as Experiments does, the rejected badge beside its version ($lang)',
    async ({ lang, f1, version }) => {
      renderApp(<ModelsPage />, gated({ margin: 0.002, challengerF1: 0.4127 }), lang);
      const row = await rejectedRow();
      const cells = [...row.querySelectorAll('td')];
      expect(cells.map((td) => td.textContent)).toContain(f1);
      // Number and badge are one box, so a phone's card keeps them on one line.
      const versionCell = cells[0]!;
      expect(versionCell.textContent).toBe(version);
      expect(versionCell.children).toHaveLength(1);
      expect(versionCell.querySelector('.badge.rejected')).toBeTruthy();
      expect(row.querySelectorAll('.badge.rejected')).toHaveLength(1);
    },
  );

  it('states a small margin exactly and tells apart F1s closer than the third decimal', async () => {
    renderApp(
      <ModelsPage />,
      gated({
        margin: 0.0025,
        challengerF1: 0.4127,
        bestBaseline: 'popularity',
        bestBaselineF1: 0.3,
        championVersion: 1,
        championF1: 0.41264,
      }),
      'en',
    );
    const row = await rejectedRow();
    // At 3 decimals both F1s read 0.413, a tie the gate did not see, and the margin 0.003.
    expect(row.textContent).toContain(
      'Rejected: it did not beat champion v1 (0.4126) (F1 0.4127, margin 0.0025).',
    );
  });

  it("writes a gate's F1s with 3 decimals when they differ there, the margin as it is", async () => {
    renderApp(
      <ModelsPage />,
      gated({ margin: 0.002, challengerF1: 0.4127, bestBaseline: 'popularity', bestBaselineF1: 0.42 }),
      'en',
    );
    const row = await rejectedRow();
    expect(row.textContent).toContain(
      'Rejected: the rule «product popularity» (0.420) matched or beat it (F1 0.413, margin 0.002).',
    );
  });
});

describe('DataPage', () => {
  const batch = (batchId: string, file: string | undefined) => ({
    batchId,
    table: 'transactions',
    ...(file ? { file } : {}),
    outcome: 'ingested',
    rowsRead: 5842,
    rowsAccepted: 5822,
    rowsQuarantined: 20,
    dateMin: '2024-12-30',
    dateMax: '2025-01-05',
    startedAt: '2026-11-29T22:44:33.468Z',
  });

  it('names each batch by the file it came in, the batch id as its tooltip, and labels every cell for the phone', async () => {
    renderApp(<DataPage />, (req) =>
      req.url.startsWith('/api/ingestions')
        ? {
            body: [
              batch('transactions-20261129T224433Z-60fd4f51c8-a0185f', 'week-2024-12-30.parquet'),
              batch('transactions-20261129T224430Z-9396e79479-190f9c', '/srv/landing/transacciones.parquet'),
              batch('transactions-20261129T224000Z-0000000000-000000', undefined),
            ],
          }
        : undefined,
    );
    const table = await screen.findByTestId('ingestions');
    const named = within(table).getByRole('button', { name: 'week-2024-12-30.parquet' });
    expect(named.getAttribute('title')).toBe('transactions-20261129T224433Z-60fd4f51c8-a0185f');
    expect(within(table).getByRole('button', { name: 'transacciones.parquet' })).toBeTruthy();
    // A batch the log names no file for keeps its id.
    expect(
      within(table).getByRole('button', { name: 'transactions-20261129T224000Z-0000000000-000000' }),
    ).toBeTruthy();
    const cells = [...table.querySelectorAll('tbody td')];
    expect(cells.filter((td) => !td.getAttribute('data-label'))).toEqual([]);
    expect(table.classList.contains('cards')).toBe(true);
    expect(cells.slice(0, 7).map((td) => td.getAttribute('data-label'))).toEqual([
      'Lote',
      'Tabla',
      'Fechas',
      'Resultado',
      'Leídas',
      'Aceptadas',
      'En cuarentena',
    ]);
  });
});

describe('DataPage: a batch picked', () => {
  const ID = 'transactions-20261129T224433Z-60fd4f51c8-a0185f';
  const REPORT = {
    batchId: ID,
    table: 'transactions',
    file: 'week-2024-12-30.parquet',
    outcome: 'ingested',
    message: '',
    rows: { read: 10, accepted: 9, quarantined: 1 },
    checks: [
      {
        id: 'duplicate_row',
        severity: 'quarantine',
        description: 'exact copy of an earlier row',
        policy: 'quarantine',
        count: 1,
        examples: [{ row: 3, detail: 'duplicate', record: { customer_id: 7 } }],
      },
    ],
  };

  it('brings its validation report into view (off screen on a phone) and labels the checks for the phone', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    try {
      renderApp(<DataPage />, (req) => {
        if (req.url.startsWith('/api/ingestions'))
          return {
            body: [
              {
                batchId: ID,
                table: 'transactions',
                file: 'week-2024-12-30.parquet',
                outcome: 'ingested',
                rowsRead: 10,
                rowsAccepted: 9,
                rowsQuarantined: 1,
                dateMin: '2024-12-30',
                dateMax: '2025-01-05',
                startedAt: '2026-11-29T22:44:33.468Z',
              },
            ],
          };
        if (req.url === `/api/reports/ingest/${ID}`) return { body: REPORT };
        return undefined;
      });
      fireEvent.click(await screen.findByRole('button', { name: 'week-2024-12-30.parquet' }));
      const report = await screen.findByTestId('validation-report');
      expect(scrolled.mock.contexts).toContain(report);
      const checks = within(report).getByTestId('checks');
      expect(checks.classList.contains('cards')).toBe(true);
      expect([...checks.querySelectorAll('tbody td')].map((td) => td.getAttribute('data-label'))).toEqual([
        'Comprobación',
        'Gravedad',
        'Filas',
        'Qué se hace',
      ]);
    } finally {
      // jsdom has no scrollIntoView of its own.
      Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
    }
  });
});

describe('App shell', () => {
  it('switches language from the toggle and remembers it', async () => {
    vi.stubGlobal('scrollTo', () => undefined);
    renderApp(<App />, (req) =>
      req.url.startsWith('/api/serving') ? { body: { model_version: null } } : { body: CATALOG },
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

  it('says the model is loading while a restarted server loads it, then reads the page again', async () => {
    // The server answered only "no model" while loading after a restart; the page said none was trained.
    vi.stubGlobal('scrollTo', () => undefined);
    let servingAsked = 0;
    const { seen } = renderApp(<App />, (req) => {
      if (!req.url.startsWith('/api/serving')) return { body: CATALOG };
      servingAsked++;
      return {
        body:
          servingAsked === 1
            ? { model_version: null, cutoff: null, served_by: null, loading: true }
            : { model_version: 3, cutoff: '2024-12-23', served_by: SERVED_BY_MODEL, loading: false },
      };
    });
    expect((await screen.findByTestId('serving')).textContent).toBe(
      'Cargando el modelo: las predicciones estarán listas en unos segundos.',
    );
    const catalogReads = () => seen.filter((r) => r.url.startsWith('/api/ui/catalog')).length;
    await waitFor(() => expect(catalogReads()).toBe(1));
    await waitFor(() => expect(screen.getByTestId('serving').textContent).toContain('v3'), {
      timeout: 6_000,
    });
    await waitFor(() => expect(catalogReads()).toBe(2));
    vi.unstubAllGlobals();
  }, 10_000);

  it('says which rule serves, in the page language, while no model has passed the gate', async () => {
    vi.stubGlobal('scrollTo', () => undefined);
    const asked: string[] = [];
    renderApp(<App />, (req) => {
      if (!req.url.startsWith('/api/serving')) return { body: CATALOG };
      asked.push(req.url);
      const es = req.url.endsWith('lang=es');
      return {
        body: {
          model_version: 0,
          cutoff: '2024-12-30',
          served_by: {
            kind: 'rule',
            model_version: null,
            rule: 'k_of_n',
            rule_description: es
              ? 'comprado en al menos 2 de las últimas 4 semanas'
              : 'bought in at least 2 of the last 4 weeks',
            reason: 'no_champion',
          },
        },
      };
    });
    expect((await screen.findByTestId('serving')).textContent).toContain(
      'comprado en al menos 2 de las últimas 4 semanas',
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    });
    await waitFor(() =>
      expect(screen.getByTestId('serving').textContent).toContain('bought in at least 2 of the last 4 weeks'),
    );
    expect(asked).toEqual(['/api/serving?lang=es', '/api/serving?lang=en']);
    vi.unstubAllGlobals();
  });
});
