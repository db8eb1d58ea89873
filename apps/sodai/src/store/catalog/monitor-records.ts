import type { Kysely } from 'kysely';
import type { CatalogDatabase } from './catalog-schema.ts';

/** One realized metric: how a scorer's predictions of `week` did once its purchases were known. */
export interface RealizedMetricRow {
  /** The prediction cut-off (YYYY-MM-DD): the week is the 7 days from it. */
  readonly week: string;
  /** The model version whose stored predictions were scored; 0 for a rule. */
  readonly version: number;
  /** `model` (a version's stored predictions), `fallback` (a rule's stored predictions), `rule:<name>`. */
  readonly scorer: string;
  readonly metric: string;
  readonly value: number;
  readonly daysObserved: number;
}

/** One expected metric of a week's predictions, from their calibrated probabilities. */
export interface EstimatedMetricRow {
  readonly week: string;
  readonly version: number;
  readonly metric: string;
  readonly value: number;
}

export interface RealizedFilter {
  /** Weeks from this cut-off on (inclusive). */
  readonly from?: string;
  readonly version?: number;
}

/**
 * The monitoring rows kept in the catalog's database (SQLite or Postgres): realized and estimated
 * metrics per week. A week is always written whole in one transaction, so a reader never sees half
 * of a week's scores.
 */
export class MonitorRecords {
  readonly #db: Kysely<CatalogDatabase>;
  readonly #now: () => number;

  constructor(db: Kysely<CatalogDatabase>, now: () => number) {
    this.#db = db;
    this.#now = now;
  }

  /** Replaces every realized row of `week` with `rows` (all of which must be of that week). */
  async replaceRealizedWeek(week: string, rows: readonly RealizedMetricRow[]): Promise<void> {
    const stray = rows.find((r) => r.week !== week);
    if (stray) throw new RangeError(`realized row of week ${stray.week} given for week ${week}`);
    const scoredAt = this.#now();
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom('monitor_realized').where('week', '=', week).execute();
      // Chunks keep each statement under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += 100) {
        await trx
          .insertInto('monitor_realized')
          .values(
            rows.slice(i, i + 100).map((r) => ({
              week: r.week,
              model_version: r.version,
              scorer: r.scorer,
              metric: r.metric,
              value: r.value,
              days_observed: r.daysObserved,
              scored_at: scoredAt,
            })),
          )
          .execute();
      }
    });
  }

  /** Realized rows, oldest week first. */
  async realized(filter: RealizedFilter = {}): Promise<RealizedMetricRow[]> {
    let query = this.#db.selectFrom('monitor_realized').selectAll();
    if (filter.from) query = query.where('week', '>=', filter.from);
    if (filter.version !== undefined) query = query.where('model_version', '=', filter.version);
    const rows = await query
      .orderBy('week')
      .orderBy('model_version')
      .orderBy('scorer')
      .orderBy('metric')
      .execute();
    return rows.map((r) => ({
      week: r.week,
      version: Number(r.model_version),
      scorer: r.scorer,
      metric: r.metric,
      value: Number(r.value),
      daysObserved: Number(r.days_observed),
    }));
  }

  /** Weeks with realized rows (oldest first) and the days each was scored on. */
  async realizedWeeks(): Promise<Map<string, number>> {
    const rows = await this.#db
      .selectFrom('monitor_realized')
      .select(['week', (eb) => eb.fn.max('days_observed').as('days')])
      .groupBy('week')
      .orderBy('week')
      .execute();
    return new Map(rows.map((r) => [r.week, Number(r.days)]));
  }

  /** Replaces the estimated rows of (`week`, `version`): a week predicted again is estimated again. */
  async replaceEstimated(week: string, version: number, rows: readonly EstimatedMetricRow[]): Promise<void> {
    const stray = rows.find((r) => r.week !== week || r.version !== version);
    if (stray)
      throw new RangeError(`estimated row of ${stray.week} v${stray.version} given for ${week} v${version}`);
    const estimatedAt = this.#now();
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('monitor_estimated')
        .where('week', '=', week)
        .where('model_version', '=', version)
        .execute();
      if (rows.length === 0) return;
      await trx
        .insertInto('monitor_estimated')
        .values(
          rows.map((r) => ({
            week: r.week,
            model_version: r.version,
            metric: r.metric,
            value: r.value,
            estimated_at: estimatedAt,
          })),
        )
        .execute();
    });
  }

  /** Estimated rows, oldest week first. */
  async estimated(filter: RealizedFilter = {}): Promise<EstimatedMetricRow[]> {
    let query = this.#db.selectFrom('monitor_estimated').selectAll();
    if (filter.from) query = query.where('week', '>=', filter.from);
    if (filter.version !== undefined) query = query.where('model_version', '=', filter.version);
    const rows = await query.orderBy('week').orderBy('model_version').orderBy('metric').execute();
    return rows.map((r) => ({
      week: r.week,
      version: Number(r.model_version),
      metric: r.metric,
      value: Number(r.value),
    }));
  }
}
