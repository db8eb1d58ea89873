import type { Kysely, Transaction } from 'kysely';
import { TrackingError } from '../errors.ts';
import { toAlias, toHistoryEntry, toModelVersion, toRegisteredModel } from '../store/row-mappers.ts';
import type { Database } from '../store/schema.ts';
import type { AliasHistoryEntry, ModelAlias, ModelVersion, RegisteredModel } from './records.ts';

// The registry's reads, usable on the database or inside a transition's transaction.

type Db = Kysely<Database> | Transaction<Database>;

export async function getRegisteredModel(db: Db, name: string): Promise<RegisteredModel> {
  const row = await db
    .selectFrom('registered_models')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw modelNotFound(name);
  return toRegisteredModel(row);
}

export async function listRegisteredModels(db: Db): Promise<RegisteredModel[]> {
  return (await db.selectFrom('registered_models').selectAll().orderBy('name').execute()).map(
    toRegisteredModel,
  );
}

export async function getModelVersion(db: Db, name: string, version: number): Promise<ModelVersion> {
  const row = await db
    .selectFrom('model_versions')
    .selectAll()
    .where('model_name', '=', name)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) {
    await getRegisteredModel(db, name);
    throw new TrackingError('VERSION_NOT_FOUND', `model ${name} has no version ${version}`, {
      name,
      version,
    });
  }
  return toModelVersion(row);
}

export async function listModelVersions(db: Db, name: string): Promise<ModelVersion[]> {
  await getRegisteredModel(db, name);
  const rows = await db
    .selectFrom('model_versions')
    .selectAll()
    .where('model_name', '=', name)
    .orderBy('version')
    .execute();
  return rows.map(toModelVersion);
}

export async function getAlias(db: Db, name: string, alias: string): Promise<ModelAlias> {
  const row = await db
    .selectFrom('model_aliases')
    .selectAll()
    .where('model_name', '=', name)
    .where('alias', '=', alias)
    .executeTakeFirst();
  if (!row) {
    await getRegisteredModel(db, name);
    throw new TrackingError('ALIAS_NOT_FOUND', `model ${name} has no alias ${alias}`, { name, alias });
  }
  return toAlias(row);
}

export async function listAliases(db: Db, name: string): Promise<ModelAlias[]> {
  await getRegisteredModel(db, name);
  const rows = await db
    .selectFrom('model_aliases')
    .selectAll()
    .where('model_name', '=', name)
    .orderBy('alias')
    .execute();
  return rows.map(toAlias);
}

export async function getAliasHistory(db: Db, name: string, alias: string): Promise<AliasHistoryEntry[]> {
  await getRegisteredModel(db, name);
  const rows = await db
    .selectFrom('alias_history')
    .selectAll()
    .where('model_name', '=', name)
    .where('alias', '=', alias)
    .orderBy('seq')
    .execute();
  return rows.map(toHistoryEntry);
}

export function modelNotFound(name: string): TrackingError {
  return new TrackingError('MODEL_NOT_FOUND', `no registered model named ${name}`, { name });
}
