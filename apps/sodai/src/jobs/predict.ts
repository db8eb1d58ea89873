import type { DuckDBConnection } from '@duckdb/node-api';
import type { TrackingClient } from '@sodai/tracking';
import { queryNumber, queryRows, sqlString } from '../store/duckdb.ts';
import { SodaiError } from '../errors.ts';
import { buildDataset, type DatasetSummary } from '../features/dataset-builder.ts';
import { writeFileAtomic } from '../store/atomic-write.ts';
import { readDatasetMatrix } from '../features/dataset-matrix.ts';
import { loadAliasedModel, CHAMPION } from '../model/registry.ts';
import { latestPurchaseDate, type ModelSettings } from './train.ts';
import { planCutoffs } from '../features/cutoff-plan.ts';
import { toDMatrix } from '../model/xgb-search.ts';
import type { FittedBaseline } from '../model/baselines.ts';

export interface PredictionOutcome {
  readonly cutoff: string;
  /** 0 when no model has passed the gate and the fallback rule predicted. */
  readonly modelVersion: number;
  /** What scored the pairs: `xgboost v3`, or the fallback baseline's name. */
  readonly scorer: string;
  readonly scored: number;
  readonly predicted: number;
  readonly csv?: string;
}

export const PREDICTION_TABLE = 'prediction_dataset';

/** Features of every candidate pair at the prediction cut-off (the table serving and predict read). */
export async function buildPredictionDataset(
  connection: DuckDBConnection,
  settings: ModelSettings,
  cutoff: string,
): Promise<DatasetSummary> {
  return buildDataset(connection, {
    cutoffs: [cutoff],
    lookbackWeeks: settings.lookbackWeeks,
    exploreK: settings.exploreK,
    table: PREDICTION_TABLE,
  });
}

/**
 * The distributor's file: header-less `customer_id,product_id` lines of predicted purchases,
 * highest score first. Returns the number of lines.
 */
export async function exportPredictionsCsv(
  connection: DuckDBConnection,
  cutoff: string,
  modelVersion: number,
  csvPath: string,
): Promise<number> {
  const lines = await queryRows(
    connection,
    `SELECT customer_id, product_id FROM predictions
     WHERE cutoff = DATE ${sqlString(cutoff)} AND model_version = ${modelVersion} AND predicted
     ORDER BY score DESC, customer_id, product_id`,
  );
  writeFileAtomic(csvPath, lines.map((r) => `${r.customer_id},${r.product_id}\n`).join(''));
  return lines.length;
}

/**
 * Scores every candidate pair for the 7 days after the latest data with the champion, stores the
 * scores (with each pair's rank within its customer) and optionally writes the distributor's file:
 * header-less `customer_id,product_id` lines of predicted purchases, highest score first.
 */
export async function predictNextWeek(
  connection: DuckDBConnection,
  tracking: TrackingClient,
  settings: ModelSettings,
  options: {
    csvPath?: string;
    now?: Date;
    fallback?: FittedBaseline;
    /** The caller already built `prediction_dataset` at this cut-off (the weekly flow's features step). */
    datasetReady?: boolean;
  } = {},
): Promise<PredictionOutcome> {
  const champion = await loadAliasedModel(tracking, CHAMPION);
  if (!champion && !options.fallback) {
    throw new SodaiError('INVALID_ARGUMENT', 'no champion model yet: run `sodai train` first');
  }
  if (champion && !champion.compatible) {
    champion.booster.dispose();
    throw new SodaiError(
      'INVALID_ARGUMENT',
      `champion v${champion.version.version} was trained on another feature contract: retrain`,
    );
  }
  const { predictCutoff } = planCutoffs(await latestPurchaseDate(connection), settings);
  if (!options.datasetReady) await buildPredictionDataset(connection, settings, predictCutoff);
  const matrix = await readDatasetMatrix(connection, PREDICTION_TABLE);
  let scores: ArrayLike<number>;
  let threshold: number;
  if (champion) {
    const d = toDMatrix(matrix);
    scores = champion.booster.predict(d, { iterationRange: 'best' }).values;
    d.dispose();
    champion.booster.dispose();
    threshold = champion.threshold;
  } else {
    // No model has beaten the rules yet: the best rule, as fitted on validation weeks, predicts.
    scores = options.fallback!.score(matrix);
    threshold = options.fallback!.threshold;
  }

  await connection.run(
    'CREATE OR REPLACE TEMP TABLE new_scores (customer_id BIGINT, product_id BIGINT, score DOUBLE)',
  );
  const appender = await connection.createAppender('new_scores');
  for (let i = 0; i < matrix.rows; i++) {
    appender.appendBigInt(BigInt(matrix.customerIds[i]!));
    appender.appendBigInt(BigInt(matrix.productIds[i]!));
    appender.appendDouble(scores[i]!);
    appender.endRow();
  }
  appender.closeSync();
  const version = champion ? champion.version.version : 0;
  const createdAt = (options.now ?? new Date()).toISOString().replace('T', ' ').replace('Z', '');
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(
      `DELETE FROM predictions WHERE cutoff = DATE ${sqlString(predictCutoff)} AND model_version = ${version}`,
    );
    await connection.run(
      `INSERT INTO predictions
       SELECT DATE ${sqlString(predictCutoff)}, customer_id, product_id, score,
              row_number() OVER (PARTITION BY customer_id ORDER BY score DESC, product_id)::INTEGER,
              score >= ${threshold}, ${version}, TIMESTAMP ${sqlString(createdAt)}
       FROM new_scores`,
    );
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
  await connection.run('DROP TABLE new_scores');
  const where = `cutoff = DATE ${sqlString(predictCutoff)} AND model_version = ${version}`;
  const predicted = await queryNumber(
    connection,
    `SELECT count(*) FROM predictions WHERE ${where} AND predicted`,
  );
  if (options.csvPath) await exportPredictionsCsv(connection, predictCutoff, version, options.csvPath);
  return {
    cutoff: predictCutoff,
    modelVersion: version,
    scorer: champion ? `xgboost v${version}` : `baseline ${options.fallback!.name}`,
    scored: matrix.rows,
    predicted,
    ...(options.csvPath ? { csv: options.csvPath } : {}),
  };
}
