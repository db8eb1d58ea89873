import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { openSqliteKysely } from '@sodai/sql';
import type { ColumnType, Insertable, Kysely, Selectable } from 'kysely';
import { SodaiError } from '../../errors.ts';
import type { AlertObservation, AlertRule, AlertSeverity } from './alert-observation.ts';
import { migrateAlerts } from './alert-migrations.ts';

type Millis = ColumnType<number | string, number, number>;
type MaybeMillis = ColumnType<number | string | null, number | null, number | null>;

interface AlertsTable {
  id: string;
  condition_key: string;
  rule: string;
  severity: string;
  state: string;
  summary: string;
  details: string;
  resolution: string | null;
  opened_at: Millis;
  last_seen_at: Millis;
  resolved_at: MaybeMillis;
  acknowledged_at: MaybeMillis;
  acknowledged_by: string | null;
}

interface AlertsDatabase {
  monitor_alerts: AlertsTable;
}
type AlertsRow = Selectable<AlertsTable>;

export type AlertState = 'open' | 'resolved';

/** One alert as stored (frozen). */
export interface AlertRecord {
  readonly id: string;
  readonly key: string;
  readonly rule: AlertRule;
  readonly severity: AlertSeverity;
  readonly state: AlertState;
  readonly summary: string;
  readonly details: Readonly<Record<string, unknown>>;
  /** What the observation that resolved it said. */
  readonly resolution: string | null;
  readonly openedAt: Date;
  readonly lastSeenAt: Date;
  readonly resolvedAt: Date | null;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedBy: string | null;
}

/** What applying one observation did. */
export type AlertTransition =
  | { readonly kind: 'opened'; readonly alert: AlertRecord }
  | { readonly kind: 'resolved'; readonly alert: AlertRecord }
  | { readonly kind: 'still_open'; readonly alert: AlertRecord }
  | { readonly kind: 'quiet' };

const ms = (v: number | string | null): Date | null => (v === null ? null : new Date(Number(v)));

function toRecord(row: AlertsRow): AlertRecord {
  return Object.freeze({
    id: row.id,
    key: row.condition_key,
    rule: row.rule as AlertRule,
    severity: row.severity as AlertSeverity,
    state: row.state as AlertState,
    summary: row.summary,
    details: JSON.parse(row.details) as Record<string, unknown>,
    resolution: row.resolution,
    openedAt: ms(row.opened_at)!,
    lastSeenAt: ms(row.last_seen_at)!,
    resolvedAt: ms(row.resolved_at),
    acknowledgedAt: ms(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
  });
}

/** A unique-index violation on SQLite or Postgres: another process opened the alert first. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint/i.test(String(e?.message))
  );
}

/**
 * Alert state in the metadata database (SQLite beside the catalog, or Postgres). Each method is one
 * transaction; a partial unique index keeps at most one `open` alert per condition key.
 */
export class AlertStore {
  constructor(
    private readonly db: Kysely<AlertsDatabase>,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  /**
   * Applies one observation: firing with no open alert → `opened`; firing with one → `still_open`
   * (last seen moves); not firing with one → `resolved`; otherwise `quiet`.
   */
  async apply(o: AlertObservation, now: number): Promise<AlertTransition> {
    try {
      return await this.#apply(o, now);
    } catch (error) {
      // Lost the race to open it: the other process's alert is the one, so this is a repeat.
      if (o.firing && isUniqueViolation(error)) return this.#apply(o, now);
      throw error;
    }
  }

  #apply(o: AlertObservation, now: number): Promise<AlertTransition> {
    return this.db.transaction().execute(async (trx) => {
      const open = await trx
        .selectFrom('monitor_alerts')
        .selectAll()
        .where('condition_key', '=', o.key)
        .where('state', '=', 'open')
        .executeTakeFirst();
      if (o.firing && !open) {
        const row = {
          id: randomUUID(),
          condition_key: o.key,
          rule: o.rule,
          severity: o.severity,
          state: 'open',
          summary: o.summary,
          details: JSON.stringify(o.details),
          resolution: null,
          opened_at: now,
          last_seen_at: now,
          resolved_at: null,
          acknowledged_at: null,
          acknowledged_by: null,
        } satisfies Insertable<AlertsTable>;
        await trx.insertInto('monitor_alerts').values(row).execute();
        return { kind: 'opened', alert: toRecord(row) };
      }
      if (o.firing && open) {
        await trx
          .updateTable('monitor_alerts')
          .set({ last_seen_at: now })
          .where('id', '=', open.id)
          .execute();
        return { kind: 'still_open', alert: toRecord({ ...open, last_seen_at: now }) };
      }
      if (!o.firing && open) {
        const resolved = { state: 'resolved', resolved_at: now, resolution: o.summary };
        await trx.updateTable('monitor_alerts').set(resolved).where('id', '=', open.id).execute();
        return { kind: 'resolved', alert: toRecord({ ...open, ...resolved }) };
      }
      return { kind: 'quiet' };
    });
  }

  /** Newest first. */
  async list(filter: { state?: AlertState; limit?: number } = {}): Promise<AlertRecord[]> {
    let q = this.db.selectFrom('monitor_alerts').selectAll();
    if (filter.state) q = q.where('state', '=', filter.state);
    const rows = await q
      .orderBy('opened_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(toRecord);
  }

  /** NOT_FOUND for an unknown id. Acknowledging twice keeps the first acknowledgement. */
  async acknowledge(id: string, by: string, now: number): Promise<AlertRecord> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('monitor_alerts').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new SodaiError('NOT_FOUND', `no alert ${id}`);
      if (row.acknowledged_at !== null) return toRecord(row);
      const ack = { acknowledged_at: now, acknowledged_by: by };
      await trx.updateTable('monitor_alerts').set(ack).where('id', '=', id).execute();
      return toRecord({ ...row, ...ack });
    });
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose();
  }
}

/** Alerts in a SQLite file (the catalog's, by default: one metadata database). */
export async function openSqliteAlertStore(file: string): Promise<AlertStore> {
  const db = openSqliteKysely<AlertsDatabase>(file);
  try {
    await migrateAlerts(db as never);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new AlertStore(db);
}

/** Alerts in Postgres; `schema` for throwaway test schemas (dropped on close when asked). */
export async function openPostgresAlertStore(
  url: string,
  options: { schema?: string; dropSchemaOnClose?: boolean } = {},
): Promise<AlertStore> {
  const { openPostgresKysely } = await import('@sodai/sql/postgres');
  const { db, schema, dropSchema } = await openPostgresKysely<AlertsDatabase>(url, {
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
  });
  try {
    await migrateAlerts(db as never, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new AlertStore(
    db as Kysely<AlertsDatabase>,
    options.dropSchemaOnClose ? dropSchema : async () => {},
  );
}

/** The deployment's alert store: Postgres for a postgres:// `databaseUrl`, else `<dataDir>/catalog.db`. */
export function openAlertStore(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<AlertStore> {
  if (options.databaseUrl !== undefined && /^postgres(ql)?:\/\//i.test(options.databaseUrl)) {
    return openPostgresAlertStore(options.databaseUrl);
  }
  return openSqliteAlertStore(path.join(options.dataDir, 'catalog.db'));
}
