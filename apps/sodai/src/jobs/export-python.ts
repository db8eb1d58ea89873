import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isTrackingError, type TrackingClient } from '@sodai/tracking';
import type { ModelSettings } from '../config/config-schema.ts';
import { FEATURES } from '../contract/feature-vector.ts';
import { DATASET_CACHE_TABLE } from '../features/dataset-cache.ts';
import { featureStatements } from '../features/dataset-builder.ts';
import { isCompatible, MODEL_NAME, signatureThreshold } from '../model/registry.ts';
import { queryNumber, queryRows, sqlIdent, sqlString } from '../store/duckdb.ts';
import type { RawStore } from '../store/raw-store.ts';
import { SodaiError } from '../errors.ts';
import { PYTHON_SCORER } from './python-scorer.ts';
import { weekContext } from './week-context.ts';

/** The raw tables the feature SQL reads, as views over the store's Parquet files. */
export const RAW_SOURCE_TABLES = ['customers', 'products', 'transactions'] as const;

/** The table `features.sql` creates. */
export const EXPORTED_FEATURES_TABLE = 'features';

export interface PythonExport {
  readonly dir: string;
  readonly version: number;
  readonly cutoff: string;
  readonly rows: number;
  readonly files: readonly string[];
}

const KEY_COLUMNS = ['cutoff', 'customer_id', 'product_id'];

/** The exported rows' columns, in the order the model takes the features. */
export function exportedColumns(): string[] {
  return [...KEY_COLUMNS, ...FEATURES.map((f) => f.name)];
}

/**
 * Hands model `version` to Python users: in `dir`, model.ubj, signature.json (inputs, categories,
 * decision threshold, the cut-off), features.sql (the DuckDB statements that rebuild the rows from
 * the raw files: the same statements the app runs), the prediction week's feature rows as
 * features.parquet and features.csv (exactly the rows `sodai predict` scores), and score.py.
 */
export async function exportModelForPython(
  store: RawStore,
  tracking: TrackingClient,
  settings: ModelSettings,
  version: number,
  dir: string,
): Promise<PythonExport> {
  const loaded = await tracking.registry.loadModelVersion(MODEL_NAME, version).catch((error: unknown) => {
    if (isTrackingError(error, 'MODEL_NOT_FOUND', 'VERSION_NOT_FOUND')) {
      throw new SodaiError('NOT_FOUND', `model version ${version} of ${MODEL_NAME} does not exist`);
    }
    throw error;
  });
  if (!isCompatible(loaded.version)) {
    throw new SodaiError(
      'INVALID_ARGUMENT',
      `v${version} was trained on another feature contract: its features cannot be rebuilt by today's SQL`,
    );
  }
  const week = await weekContext(store.connection, settings, { store });
  const cutoff = week.plan.predictCutoff;
  await week.datasets.ensure([cutoff]);
  mkdirSync(dir, { recursive: true });

  const c = store.connection;
  const select = `SELECT ${exportedColumns().map(sqlIdent).join(', ')} FROM ${sqlIdent(DATASET_CACHE_TABLE)}
    WHERE cutoff = DATE ${sqlString(cutoff)} ORDER BY customer_id, product_id`;
  const file = (name: string) => path.join(dir, name);
  await c.run(`COPY (${select}) TO ${sqlString(file('features.parquet'))} (FORMAT parquet)`);
  await c.run(`COPY (${select}) TO ${sqlString(file('features.csv'))} (FORMAT csv, HEADER true)`);
  const rows = await queryNumber(c, `SELECT count(*) FROM (${select})`);

  writeFileSync(file('model.ubj'), loaded.bytes);
  writeFileSync(file('features.sql'), await featureScript(store, settings, cutoff, version));
  writeFileSync(
    file('signature.json'),
    `${JSON.stringify(
      {
        model: MODEL_NAME,
        version,
        cutoff,
        keys: KEY_COLUMNS,
        features: FEATURES.map((f) => ({
          name: f.name,
          type: f.type === 'categorical' ? 'categorical' : 'float',
          ...(f.categories ? { categories: f.categories } : {}),
        })),
        decisionThreshold: signatureThreshold(loaded.version),
        registered: loaded.version.signature ?? null,
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(file('score.py'), PYTHON_SCORER);
  return {
    dir,
    version,
    cutoff,
    rows,
    files: ['model.ubj', 'signature.json', 'features.sql', 'features.parquet', 'features.csv', 'score.py'],
  };
}

/**
 * features.sql: the raw tables as views over the store's Parquet files (their local paths at export
 * time; edit them to point at other copies), then the app's own feature statements for the cut-off.
 */
async function featureScript(
  store: RawStore,
  settings: ModelSettings,
  cutoff: string,
  version: number,
): Promise<string> {
  const views = await queryRows(
    store.connection,
    `SELECT view_name, sql FROM duckdb_views()
     WHERE NOT internal AND view_name IN (${RAW_SOURCE_TABLES.map(sqlString).join(', ')}) ORDER BY view_name`,
  );
  if (views.length !== RAW_SOURCE_TABLES.length) {
    throw new SodaiError('STORE_ERROR', `the store does not show all of ${RAW_SOURCE_TABLES.join(', ')}`);
  }
  const statements = featureStatements({
    cutoffs: [cutoff],
    lookbackWeeks: settings.lookbackWeeks,
    exploreK: settings.exploreK,
    table: EXPORTED_FEATURES_TABLE,
  });
  const asStatement = (sql: string) => `${sql.trim().replace(/;$/, '')};`;
  return [
    `-- SodAI feature rows of cut-off ${cutoff} for model ${MODEL_NAME} v${version} (DuckDB SQL).`,
    `-- Run from any DuckDB client, e.g. \`duckdb < features.sql\`. The first ${RAW_SOURCE_TABLES.length} statements`,
    '-- point at the raw Parquet files the store held at export time: edit the paths to use other copies.',
    `-- The last statement lists the rows features.parquet / features.csv hold (candidate pairs only).`,
    '',
    ...views.map((v) => asStatement(String(v.sql).replace(/^CREATE VIEW/, 'CREATE OR REPLACE VIEW'))),
    '',
    ...statements.map(asStatement),
    '',
    asStatement(
      `SELECT ${exportedColumns().map(sqlIdent).join(', ')} FROM ${EXPORTED_FEATURES_TABLE} ORDER BY customer_id, product_id`,
    ),
    '',
  ].join('\n');
}
