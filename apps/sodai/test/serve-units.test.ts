import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURES } from '../src/contract/feature-vector.ts';
import { queryNumber } from '../src/store/duckdb.ts';
import { readDatasetMatrix } from '../src/features/dataset-matrix.ts';
import { Catalog } from '../src/scoring/catalog.ts';
import { DbLane } from '../src/store/db-lane.ts';
import { FeatureStore } from '../src/scoring/feature-store.ts';
import { resolveLang } from '../src/serve/language.ts';
import { PredictionLog, PREDICTION_LOG_TABLE } from '../src/monitor/prediction-log.ts';
import { pickCompaction } from '../src/monitor/prediction-log-compaction.ts';
import type { CatalogFile } from '../src/store/catalog/catalog-records.ts';
import { reasonText } from '../src/scoring/reasons.ts';
import { PREDICTION_TABLE } from '../src/features/prediction-dataset.ts';
import { serveFixture, type ServeFixture } from './serve-fixture.ts';

let fx: ServeFixture;
beforeAll(async () => {
  fx = await serveFixture();
});
afterAll(async () => {
  await fx?.close();
});

describe('FeatureStore', () => {
  it('builds the row of a never-bought pair exactly as the dataset builder does', async () => {
    const matrix = await readDatasetMatrix(fx.store.connection, PREDICTION_TABLE);
    const store = new FeatureStore(matrix, await Catalog.load(fx.store.connection, matrix.cutoffs[0]!));
    const F = FEATURES.length;
    const out = new Float32Array(F);
    const year = FEATURES.findIndex((f) => f.name === 'pair_weeks_52');
    let checked = 0;
    for (let r = 0; r < matrix.rows; r++) {
      // Explore candidates never bought in the year are the builder's own version of the case.
      if (matrix.fromHistory[r] || matrix.features[r * F + year]! > 0) continue;
      const c = matrix.customerIds[r]!;
      const p = matrix.productIds[r]!;
      expect(store.findRow(c, p)).toBe(r);
      store.fillRow(c, p, out);
      const expected = Array.from(matrix.features.subarray(r * F, r * F + F));
      expect(Array.from(out)).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    expect(store.findRow(matrix.customerIds[0]!, -1)).toBe(-1);
    expect(store.findRow(-1, matrix.productIds[0]!)).toBe(-1);
  });
});

describe('reasons', () => {
  it('reads as a short sentence in each language', () => {
    expect(reasonText({ kind: 'history', gapWeeks: 2.2, weeksSinceLast: 3 }, 'en')).toBe(
      'buys about every 2 weeks; last bought 3 weeks ago',
    );
    expect(reasonText({ kind: 'history', gapWeeks: 2.2, weeksSinceLast: 3 }, 'es')).toBe(
      'compra aproximadamente cada 2 semanas; última compra hace 3 semanas',
    );
    expect(reasonText({ kind: 'history', gapWeeks: Number.NaN, weeksSinceLast: 1 }, 'en')).toBe(
      'bought it once, 1 week ago',
    );
    expect(reasonText({ kind: 'popular', customerType: 'MAYORISTA', share: 0.42 }, 'en')).toBe(
      'popular: 42% of wholesalers bought it in the last 8 weeks',
    );
  });

  // The chat's answer to '¿por qué le recomiendas el 63510 al 181101?' read "popular entre clientes
  // RESTAURANT": the type as stored, where every other answer says "restaurantes".
  it('names the customer type in words, and a type it has no words for as stored', () => {
    expect(reasonText({ kind: 'explore', customerType: 'RESTAURANT' }, 'es')).toBe(
      'popular entre restaurantes; aún no lo ha comprado',
    );
    expect(reasonText({ kind: 'explore', customerType: 'TIENDA DE CONVENIENCIA' }, 'en')).toBe(
      'popular with convenience stores; not bought yet',
    );
    expect(reasonText({ kind: 'popular', customerType: 'MAYORISTA', share: 0.42 }, 'es')).toBe(
      'popular: lo compró el 42% de los mayoristas en las últimas 8 semanas',
    );
    expect(reasonText({ kind: 'popular', customerType: 'TIENDA DE CONVENIENCIA', share: 0.5 }, 'es')).toBe(
      'popular: lo compró el 50% de las tiendas de conveniencia en las últimas 8 semanas',
    );
    expect(reasonText({ kind: 'explore', customerType: 'KIOSKO' }, 'es')).toBe(
      'popular entre clientes KIOSKO; aún no lo ha comprado',
    );
  });
});

describe('language', () => {
  it('resolves ?lang, then Accept-Language, then Spanish', () => {
    expect(resolveLang('en', 'es')).toBe('en');
    expect(resolveLang(undefined, 'fr-FR, en;q=0.5')).toBe('en');
    expect(resolveLang(undefined, 'de')).toBe('es');
    expect(resolveLang(undefined, undefined)).toBe('es');
  });
});

describe('PredictionLog', () => {
  it('writes in batches and counts what it had to drop', async () => {
    const lane = new DbLane(fx.store.connection);
    const log = await PredictionLog.open(lane, fx.store, {
      maxBatch: 1000,
      maxBuffered: 3,
      flushIntervalMs: 60_000,
    });
    const before = await queryNumber(fx.store.connection, 'SELECT count(*) FROM prediction_log');
    for (let i = 0; i < 5; i++) log.record('predict', 1, i, 0.5, i % 2 === 0, 0, 7, 0.1);
    expect(log.pending).toBe(3);
    expect(log.dropped).toBe(2);
    await log.close();
    expect(await queryNumber(fx.store.connection, 'SELECT count(*) FROM prediction_log')).toBe(before + 3);
    expect(
      await queryNumber(
        fx.store.connection,
        'SELECT count(*) FROM prediction_log WHERE model_version = 7 AND rank IS NULL',
      ),
    ).toBe(3);
  });

  it('keeps the log to a bounded number of files under a steady stream of flushes, every row kept', async () => {
    const lane = new DbLane(fx.store.connection);
    const log = await PredictionLog.open(lane, fx.store, { flushIntervalMs: 60_000, compactionFanIn: 4 });
    const rowsBefore = await queryNumber(fx.store.connection, 'SELECT count(*) FROM prediction_log');
    const filesBefore = fx.store.read[PREDICTION_LOG_TABLE]?.files.length ?? 0;
    for (let flush = 0; flush < 60; flush++) {
      for (let i = 0; i < 3; i++) log.record('predict', 3, flush * 3 + i, 0.25, true, 0, 9, 0.1);
      await log.flush();
    }
    await log.close();
    // 60 segments of 3 rows: appended one by one they were 60 files; merged by fours, tier by tier
    // (3 rows, 12, 48, 192), at most 3 of each tier remain.
    const files = fx.store.read[PREDICTION_LOG_TABLE]!.files.length - filesBefore;
    expect(log.compactions).toBeGreaterThanOrEqual(15);
    expect(files).toBeLessThanOrEqual(12);
    expect(await queryNumber(fx.store.connection, 'SELECT count(*) FROM prediction_log')).toBe(
      rowsBefore + 180,
    );
    expect(
      await queryNumber(
        fx.store.connection,
        'SELECT count(DISTINCT product_id) FROM prediction_log WHERE model_version = 9 AND customer_id = 3',
      ),
    ).toBe(180);
  });

  it('flushes on its own once a batch is full', async () => {
    const lane = new DbLane(fx.store.connection);
    const log = await PredictionLog.open(lane, fx.store, { maxBatch: 4, flushIntervalMs: 60_000 });
    const before = await queryNumber(fx.store.connection, 'SELECT count(*) FROM prediction_log');
    for (let i = 0; i < 4; i++) log.record('recommend', 2, i, 0.1, null, i + 1, 8, 0.2);
    const deadline = Date.now() + 5000;
    while (log.written < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(await queryNumber(fx.store.connection, 'SELECT count(*) FROM prediction_log')).toBe(before + 4);
    await log.close();
  });
});

describe('pickCompaction', () => {
  const file = (key: string, rows: number, day: string | undefined, dayMax = day): CatalogFile => ({
    key,
    table: PREDICTION_LOG_TABLE,
    contentHash: key,
    rows,
    bytes: rows * 10,
    dateMin: day,
    dateMax: dayMax,
  });

  it('merges a tier of one day once it holds fan-in files, the smallest tier first', () => {
    const files = [
      ...['a', 'b', 'c'].map((k) => file(k, 300, '2026-11-28')),
      file('big', 5000, '2026-11-28'),
      ...['d', 'e', 'f', 'g'].map((k) => file(k, 20, '2026-11-29')),
      ...['h', 'i', 'j', 'k'].map((k) => file(k, 40, '2026-11-29')),
    ];
    expect(pickCompaction(files.slice(0, 4), 4)).toBeUndefined();
    // 20 and 40 rows share a tier of fan-in 4 (16–63 rows): four of them, the smallest.
    expect(pickCompaction(files, 4)!.map((f) => f.key)).toEqual(['d', 'e', 'f', 'g']);
  });

  it('never merges across days, nor files without a date range', () => {
    const files = [
      file('a', 10, '2026-11-28'),
      file('b', 10, '2026-11-29'),
      file('c', 10, '2026-11-28', '2026-11-29'),
      file('d', 10, undefined),
      file('e', 10, '2026-11-30'),
    ];
    expect(pickCompaction(files, 2)).toBeUndefined();
    expect(pickCompaction([...files, file('f', 12, '2026-11-29')], 2)!.map((f) => f.key)).toEqual(['b', 'f']);
  });
});
