import type { DuckDBConnection } from '@duckdb/node-api';
import type { ModelSettings } from '../config/config-schema.ts';
import { buildDataset, type DatasetSummary } from './dataset-builder.ts';

/** The table serving reads: the feature rows of every candidate pair at the prediction cut-off. */
export const PREDICTION_TABLE = 'prediction_dataset';

/** Builds {@link PREDICTION_TABLE} for one cut-off (for a store no weekly run has prepared yet). */
export function buildPredictionDataset(
  connection: DuckDBConnection,
  settings: Pick<ModelSettings, 'lookbackWeeks' | 'exploreK'>,
  cutoff: string,
): Promise<DatasetSummary> {
  return buildDataset(connection, {
    cutoffs: [cutoff],
    lookbackWeeks: settings.lookbackWeeks,
    exploreK: settings.exploreK,
    table: PREDICTION_TABLE,
  });
}
