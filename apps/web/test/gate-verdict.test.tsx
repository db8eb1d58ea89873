import { cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import ModelsPage from '../src/pages/models/models-page.tsx';
import { renderApp } from './render.tsx';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  window.localStorage.clear();
});

// The models page guessed why the gate rejected a version from its F1s, so a version rejected for
// worse recommendations (NDCG@5) while its F1 beat the champion's read "it did not beat champion v1".
// The gate now stores what decided it (its verdict), and the page says that, in its language; a
// gate stored before verdicts were is still told apart by the figures stored with it.

const version = (v: number, runId: string) => ({
  modelName: 'weekly-purchase',
  version: v,
  runId,
  metrics: { test_f1: 0.62 },
  description: '',
  status: 'READY',
  createdAt: v,
  signature: null,
});
const model = {
  model: { name: 'weekly-purchase', description: '' },
  versions: [version(1, 'a'), version(2, 'b')],
  aliases: [{ alias: 'champion', version: 1, updatedAt: 0 }],
};

/** The figures every gate stores beside its verdict: v2 beat the champion's F1 and the rule's. */
const FIGURES = {
  passed: false,
  reason: 'English sentence the page must not show',
  testCutoff: '2024-06-03',
  margin: 0.005,
  challengerF1: 0.62,
  bestBaseline: 'k_of_n',
  bestBaselineF1: 0.55,
  championVersion: 1,
  championF1: 0.58,
  challengerNdcgAt5: 0.68,
  championNdcgAt5: 0.7,
  ndcgTolerance: 0.01,
};
const VERDICT = {
  kind: 'worse_ranking',
  challengerNdcgAt5: 0.68,
  championVersion: 1,
  championNdcgAt5: 0.7,
  tolerance: 0.01,
};

function modelsPage(gate: Record<string, unknown>, lang: 'es' | 'en') {
  renderApp(
    <ModelsPage />,
    (req) => {
      if (req.url.endsWith('/history')) return { body: [] };
      if (req.url === '/api/tracking/models/weekly-purchase') return { body: model };
      if (req.url.startsWith('/api/tracking/runs?parentRunId=a'))
        return { body: [{ id: 'ga', name: 'gate v1' }] };
      if (req.url.startsWith('/api/tracking/runs?parentRunId=b'))
        return { body: [{ id: 'gb', name: 'gate v2' }] };
      if (req.url.startsWith('/api/tracking/runs/ga/artifact'))
        return { body: { passed: true, reason: '', testCutoff: '2024-05-27', challengerF1: 0.58 } };
      if (req.url.startsWith('/api/tracking/runs/gb/artifact')) return { body: gate };
      return undefined;
    },
    lang,
  );
  return waitFor(() => {
    const row = document.querySelector('tr[data-version="2"]');
    expect(row?.getAttribute('data-gate')).toBe('rejected');
    return row as HTMLElement;
  });
}

describe('why the gate rejected a version, on the models page', () => {
  it.each([
    [
      'es',
      'Rechazada: su NDCG@5 0,680 queda por debajo del champion v1 (0,700) en más de 0,010: sus recomendaciones serían peores.',
    ],
    [
      'en',
      'Rejected: its NDCG@5 0.680 is below champion v1 (0.700) by more than 0.010: its recommendations would be worse.',
    ],
  ] as const)('says the stored verdict in the page language (%s)', async (lang, says) => {
    const row = await modelsPage({ ...FIGURES, verdict: VERDICT }, lang);
    expect(row.textContent).toContain(says);
    expect(row.textContent).not.toContain('English sentence');
  });

  it('says what the verdict says, not what the figures beside it suggest', async () => {
    // A verdict is the gate's decision: the page does not decide again from the F1s.
    const verdict = { kind: 'below_rule', challengerF1: 0.62, rule: 'k_of_n', ruleF1: 0.63, margin: 0.005 };
    const row = await modelsPage({ ...FIGURES, verdict }, 'en');
    expect(row.textContent).toContain(
      'Rejected: the rule «bought k of the last n weeks» (0.630) matched or beat it (F1 0.620, margin 0.005).',
    );
  });

  it('tells a ranking rejection apart on a gate stored before verdicts were', async () => {
    const row = await modelsPage(FIGURES, 'es');
    expect(row.textContent).toContain('Rechazada: su NDCG@5 0,680 queda por debajo del champion v1 (0,700)');
    expect(row.textContent).not.toContain('no superó al champion');
  });
});
