import { describe, expect, it } from 'vitest';
import { interpolate } from '../src/i18n/dictionary.ts';
import { detectLanguage } from '../src/i18n/detect-language.ts';
import { en } from '../src/i18n/en.ts';
import { es } from '../src/i18n/es.ts';

describe('dictionaries', () => {
  it('have exactly the same keys in Spanish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
  });

  it('use the same placeholders in both languages, and no empty message', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(es) as (keyof typeof es)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(es[key]));
      expect(en[key].trim().length, key).toBeGreaterThan(0);
    }
  });

  it('name every task of the weekly and maintenance pipelines, so no task shows as its id', () => {
    // The tasks the server's DAGs have (GET /api/pipeline/dags): a missing name shows e.g. "score_realized".
    const tasks = [
      'ingest',
      'validate',
      'features',
      'drift',
      'should_retrain',
      'train_or_skip',
      'train',
      'gate',
      'promote_or_keep',
      'promote',
      'keep_champion',
      'skip_training',
      'predict',
      'export',
      'score_realized',
      'notify_serving',
      'gc',
    ];
    for (const dict of [es, en]) {
      const missing = tasks.filter((id) => !(`pipeline.taskName.${id}` in dict));
      expect(missing).toEqual([]);
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(interpolate('Cliente {id} · {x}', { id: 7 })).toBe('Cliente 7 · {x}');
  });
});

describe('detectLanguage', () => {
  it('prefers the stored choice, then the browser order, then Spanish', () => {
    expect(detectLanguage(['es-MX'], 'en')).toBe('en');
    expect(detectLanguage(['fr-FR', 'en-GB', 'es'], null)).toBe('en');
    expect(detectLanguage(['ES-cl'], null)).toBe('es');
    expect(detectLanguage(['de'], 'xx')).toBe('es');
  });
});
