import type { Transaction } from 'kysely';
import { requireArgument, TrackingError } from '../errors.ts';
import { toHistoryEntry, toModelVersion } from '../store/row-mappers.ts';
import type { Database } from '../store/schema.ts';
import { checkName, type StoreContext } from '../store/store-context.ts';
import type {
  AliasAction,
  AliasHistoryEntry,
  AliasMoveOptions,
  CreateModelVersionInput,
  ModelAlias,
  ModelVersion,
  RegisteredModel,
} from './records.ts';
import {
  getAlias,
  getAliasHistory,
  getModelVersion,
  getRegisteredModel,
  listAliases,
  listModelVersions,
  listRegisteredModels,
  modelNotFound,
} from './registry-reads.ts';
import type { RegistryStore } from './registry-store.ts';

const ALIAS_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * The model registry over Kysely: the registry part that `KyselyTrackingStore` composes with the runs
 * part. Each mutation is ONE transaction that first locks the model row, so transitions on one model
 * are serialized on both dialects (SQLite transactions take the write lock at BEGIN IMMEDIATE;
 * Postgres takes a row lock with FOR UPDATE).
 */
export class KyselyRegistryStore implements RegistryStore {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async createRegisteredModel(name: string, description = ''): Promise<RegisteredModel> {
    const ctx = this.#ctx;
    checkName('name', name);
    const t = ctx.now();
    await ctx.db
      .insertInto('registered_models')
      .values({ name, description, created_at: t, updated_at: t })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    return getRegisteredModel(ctx.db, name);
  }

  async createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion> {
    const ctx = this.#ctx;
    checkName('modelName', input.modelName);
    checkName('artifactPath', input.artifactPath);
    if (input.metrics) {
      for (const [k, v] of Object.entries(input.metrics)) {
        requireArgument(Number.isFinite(v), `metrics.${k}`, 'must be a finite number');
      }
    }
    const t = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('registered_models')
        .values({ name: input.modelName, description: '', created_at: t, updated_at: t })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      await lockModel(ctx, trx, input.modelName);
      const run = await trx
        .selectFrom('runs')
        .select(['id', 'status'])
        .where('id', '=', input.runId)
        .executeTakeFirst();
      if (!run)
        throw new TrackingError('RUN_NOT_FOUND', `no run with id ${input.runId}`, { runId: input.runId });
      // A failed or killed training must never become a servable model.
      if (run.status === 'FAILED' || run.status === 'KILLED') {
        throw new TrackingError('INVALID_ARGUMENT', `runId: run ${input.runId} ended ${run.status}`, {
          field: 'runId',
          status: run.status,
        });
      }
      const artifact = await trx
        .selectFrom('artifacts')
        .select('digest')
        .where('run_id', '=', input.runId)
        .where('path', '=', input.artifactPath)
        .executeTakeFirst();
      if (!artifact) {
        throw new TrackingError(
          'ARTIFACT_NOT_FOUND',
          `run ${input.runId} has no artifact ${input.artifactPath}`,
          {
            runId: input.runId,
            path: input.artifactPath,
          },
        );
      }
      let metrics = input.metrics;
      if (!metrics) {
        const latest = await trx
          .selectFrom('latest_metrics')
          .select(['key', 'value'])
          .where('run_id', '=', input.runId)
          .orderBy('key')
          .execute();
        metrics = Object.fromEntries(latest.map((m) => [m.key, Number(m.value)]));
      }
      const max = await trx
        .selectFrom('model_versions')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('model_name', '=', input.modelName)
        .executeTakeFirst();
      const row = {
        model_name: input.modelName,
        version: Number(max?.v ?? 0) + 1,
        run_id: input.runId,
        artifact_path: input.artifactPath,
        artifact_digest: artifact.digest,
        signature_json: input.signature ? JSON.stringify(input.signature) : null,
        metrics_json: JSON.stringify(metrics),
        description: input.description ?? '',
        status: 'READY',
        created_at: t,
      };
      await trx.insertInto('model_versions').values(row).execute();
      await trx
        .updateTable('registered_models')
        .set({ updated_at: t })
        .where('name', '=', input.modelName)
        .execute();
      return toModelVersion(row);
    });
  }

  async setAlias(
    name: string,
    alias: string,
    version: number,
    options: AliasMoveOptions,
  ): Promise<AliasHistoryEntry> {
    const ctx = this.#ctx;
    checkMove(alias, options);
    requireArgument(Number.isSafeInteger(version) && version > 0, 'version', 'must be a positive integer');
    return ctx.db.transaction().execute(async (trx) => {
      await lockModel(ctx, trx, name);
      await requireServable(trx, name, version);
      return moveAlias(ctx, trx, name, alias, version, 'set', options);
    });
  }

  async rollbackAlias(
    name: string,
    alias: string,
    options: AliasMoveOptions & { readonly toVersion?: number },
  ): Promise<AliasHistoryEntry> {
    const ctx = this.#ctx;
    checkMove(alias, options);
    requireArgument((options.reason ?? '').trim() !== '', 'reason', 'a rollback needs a reason');
    return ctx.db.transaction().execute(async (trx) => {
      await lockModel(ctx, trx, name);
      const current = await getAlias(trx, name, alias);
      let target = options.toVersion;
      if (target !== undefined) {
        requireArgument(
          Number.isSafeInteger(target) && target > 0,
          'toVersion',
          'must be a positive integer',
        );
        await requireServable(trx, name, target);
      } else {
        target = await previousHolder(trx, name, alias, current.version);
        if (target === undefined) {
          throw new TrackingError(
            'NOTHING_TO_ROLL_BACK',
            `alias ${alias} of ${name} has no earlier servable version`,
            {
              name,
              alias,
            },
          );
        }
      }
      return moveAlias(ctx, trx, name, alias, target, 'rollback', options);
    });
  }

  async archiveVersion(name: string, version: number): Promise<ModelVersion> {
    const ctx = this.#ctx;
    return ctx.db.transaction().execute(async (trx) => {
      await lockModel(ctx, trx, name);
      const v = await getModelVersion(trx, name, version);
      const holders = await trx
        .selectFrom('model_aliases')
        .select('alias')
        .where('model_name', '=', name)
        .where('version', '=', version)
        .execute();
      if (holders.length > 0) {
        const aliases = holders.map((h) => h.alias);
        throw new TrackingError(
          'VERSION_IN_USE',
          `version ${version} of ${name} is held by ${aliases.join(', ')}`,
          {
            name,
            version,
            aliases,
          },
        );
      }
      if (v.status === 'ARCHIVED') return v;
      await trx
        .updateTable('model_versions')
        .set({ status: 'ARCHIVED' })
        .where('model_name', '=', name)
        .where('version', '=', version)
        .execute();
      await trx
        .updateTable('registered_models')
        .set({ updated_at: ctx.now() })
        .where('name', '=', name)
        .execute();
      return Object.freeze({ ...v, status: 'ARCHIVED' as const });
    });
  }

  async deleteModelVersion(name: string, version: number): Promise<ModelVersion> {
    const ctx = this.#ctx;
    return ctx.db.transaction().execute(async (trx) => {
      await lockModel(ctx, trx, name);
      const v = await getModelVersion(trx, name, version);
      const inUse = (reason: string): never => {
        throw new TrackingError('VERSION_IN_USE', `version ${version} of ${name} ${reason}`, {
          name,
          version,
        });
      };
      const held = await trx
        .selectFrom('alias_history')
        .select('alias')
        .where('model_name', '=', name)
        .where('version', '=', version)
        .executeTakeFirst();
      if (held) inUse(`held the alias ${held.alias}`);
      const newest = await trx
        .selectFrom('model_versions')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('model_name', '=', name)
        .executeTakeFirst();
      if (Number(newest?.v) === version) inUse('is the newest version');
      await trx
        .deleteFrom('model_versions')
        .where('model_name', '=', name)
        .where('version', '=', version)
        .execute();
      await trx
        .updateTable('registered_models')
        .set({ updated_at: ctx.now() })
        .where('name', '=', name)
        .execute();
      return v;
    });
  }

  getRegisteredModel(name: string): Promise<RegisteredModel> {
    return getRegisteredModel(this.#ctx.db, name);
  }

  listRegisteredModels(): Promise<RegisteredModel[]> {
    return listRegisteredModels(this.#ctx.db);
  }

  getModelVersion(name: string, version: number): Promise<ModelVersion> {
    return getModelVersion(this.#ctx.db, name, version);
  }

  listModelVersions(name: string): Promise<ModelVersion[]> {
    return listModelVersions(this.#ctx.db, name);
  }

  getAlias(name: string, alias: string): Promise<ModelAlias> {
    return getAlias(this.#ctx.db, name, alias);
  }

  listAliases(name: string): Promise<ModelAlias[]> {
    return listAliases(this.#ctx.db, name);
  }

  getAliasHistory(name: string, alias: string): Promise<AliasHistoryEntry[]> {
    return getAliasHistory(this.#ctx.db, name, alias);
  }
}

async function lockModel(ctx: StoreContext, trx: Transaction<Database>, name: string): Promise<void> {
  let q = trx.selectFrom('registered_models').select('name').where('name', '=', name);
  if (ctx.dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw modelNotFound(name);
}

/** Closes the open history entry and opens the next one at the same instant; caller holds the model lock. */
async function moveAlias(
  ctx: StoreContext,
  trx: Transaction<Database>,
  name: string,
  alias: string,
  version: number,
  action: AliasAction,
  options: AliasMoveOptions,
): Promise<AliasHistoryEntry> {
  const open = await trx
    .selectFrom('alias_history')
    .selectAll()
    .where('model_name', '=', name)
    .where('alias', '=', alias)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (open && Number(open.version) === version && action === 'set') return toHistoryEntry(open);
  // Never start before the previous entry did, even if this host's clock lags the last writer's.
  const t = Math.max(ctx.now(), open ? Number(open.started_at) : 0);
  const last = await trx
    .selectFrom('alias_history')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('model_name', '=', name)
    .where('alias', '=', alias)
    .executeTakeFirst();
  if (open) {
    await trx
      .updateTable('alias_history')
      .set({ ended_at: t })
      .where('model_name', '=', name)
      .where('alias', '=', alias)
      .where('seq', '=', open.seq)
      .execute();
  }
  const row = {
    model_name: name,
    alias,
    seq: Number(last?.seq ?? 0) + 1,
    version,
    action,
    started_at: t,
    ended_at: null,
    actor: options.actor,
    reason: options.reason ?? '',
    gate_json: options.gate ? JSON.stringify(options.gate) : null,
  };
  await trx.insertInto('alias_history').values(row).execute();
  await trx
    .insertInto('model_aliases')
    .values({ model_name: name, alias, version, updated_at: t })
    .onConflict((oc) => oc.columns(['model_name', 'alias']).doUpdateSet({ version, updated_at: t }))
    .execute();
  await trx.updateTable('registered_models').set({ updated_at: t }).where('name', '=', name).execute();
  return toHistoryEntry(row);
}

/**
 * Replays the history as an undo stack (`set` pushes, `rollback` to v pops back to v) and returns the
 * holder below the current one, skipping archived versions.
 */
async function previousHolder(
  trx: Transaction<Database>,
  name: string,
  alias: string,
  current: number,
): Promise<number | undefined> {
  const history = await getAliasHistory(trx, name, alias);
  let stack: number[] = [];
  for (const h of history) {
    if (h.action === 'set') {
      stack.push(h.version);
    } else {
      const at = stack.lastIndexOf(h.version);
      stack = at >= 0 ? stack.slice(0, at + 1) : [h.version];
    }
  }
  const ready = new Set(
    (
      await trx
        .selectFrom('model_versions')
        .select('version')
        .where('model_name', '=', name)
        .where('status', '=', 'READY')
        .execute()
    ).map((r) => Number(r.version)),
  );
  for (let i = stack.length - 1; i >= 0; i--) {
    const v = stack[i] as number;
    if (v !== current && ready.has(v)) return v;
  }
  return undefined;
}

async function requireServable(trx: Transaction<Database>, name: string, version: number): Promise<void> {
  const v = await getModelVersion(trx, name, version);
  if (v.status !== 'READY') {
    throw new TrackingError('VERSION_ARCHIVED', `version ${version} of ${name} is archived`, {
      name,
      version,
    });
  }
}

function checkMove(alias: string, options: AliasMoveOptions): void {
  requireArgument(
    typeof alias === 'string' && ALIAS_NAME.test(alias),
    'alias',
    'must start with a letter and hold only letters, digits, _ and - (at most 64)',
  );
  requireArgument(
    typeof options.actor === 'string' && options.actor.trim() !== '',
    'actor',
    'must name who moves it',
  );
  if (options.gate !== undefined) {
    requireArgument(
      typeof options.gate === 'object' && options.gate !== null && typeof options.gate.passed === 'boolean',
      'gate.passed',
      'a gate result needs a boolean "passed"',
    );
  }
}
