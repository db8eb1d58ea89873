import type { ArtifactStore } from '../artifacts/artifact-store.ts';
import { digestBytes } from '../artifacts/digest.ts';
import { TrackingError } from '../errors.ts';
import { artifactKey } from '../runs/active-run.ts';
import type { DatasetInput, Param, Run } from '../store/records.ts';
import type { TrackingStore } from '../store/tracking-store.ts';
import type {
  AliasHistoryEntry,
  AliasMoveOptions,
  CreateModelVersionInput,
  ModelAlias,
  ModelVersion,
  RegisteredModel,
} from './records.ts';

/** What `loadModelByAlias` hands a server: the version record and its artifact. */
export interface LoadedModel {
  readonly version: ModelVersion;
  /** The artifact bytes, checked against the digest recorded when the version was created. */
  readonly bytes: Uint8Array;
  /** A local file path when the artifact store has one (for loaders that want a path). */
  readonly localPath: string | undefined;
}

/** Which data and which run made a model version. */
export interface ModelLineage {
  readonly version: ModelVersion;
  readonly run: Run;
  readonly params: readonly Param[];
  readonly inputs: readonly DatasetInput[];
  /** The run the training run was nested under, if any (e.g. a weekly pipeline run). */
  readonly parentRun: Run | null;
}

/**
 * The model registry: registered models, versions, aliases and their history. Each mutation is one
 * store transaction (see {@link TrackingStore}); reads that combine records live here.
 *
 * @example
 * const v = await client.registry.createModelVersion({ modelName: 'purchase', runId: run.id, artifactPath: 'model.ubj' });
 * await client.registry.setAlias('purchase', 'champion', v.version, { actor: 'weekly-flow', reason: 'beat champion', gate: { passed: true } });
 * const { bytes } = await client.registry.loadModelByAlias('purchase', 'champion');
 */
export class ModelRegistry {
  readonly #store: TrackingStore;
  readonly #artifacts: ArtifactStore;

  constructor(store: TrackingStore, artifacts: ArtifactStore) {
    this.#store = store;
    this.#artifacts = artifacts;
  }

  createRegisteredModel(name: string, description?: string): Promise<RegisteredModel> {
    return this.#store.createRegisteredModel(name, description);
  }
  getRegisteredModel(name: string): Promise<RegisteredModel> {
    return this.#store.getRegisteredModel(name);
  }
  listRegisteredModels(): Promise<RegisteredModel[]> {
    return this.#store.listRegisteredModels();
  }
  createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion> {
    return this.#store.createModelVersion(input);
  }
  getModelVersion(name: string, version: number): Promise<ModelVersion> {
    return this.#store.getModelVersion(name, version);
  }
  listModelVersions(name: string): Promise<ModelVersion[]> {
    return this.#store.listModelVersions(name);
  }
  /** Moves `alias` to `version` atomically and records who, why and the gate result. */
  setAlias(
    name: string,
    alias: string,
    version: number,
    options: AliasMoveOptions,
  ): Promise<AliasHistoryEntry> {
    return this.#store.setAlias(name, alias, version, options);
  }
  /** Moves `alias` back (to the previous holder, or `toVersion`), recording the reason. */
  rollbackAlias(
    name: string,
    alias: string,
    options: AliasMoveOptions & { readonly toVersion?: number },
  ): Promise<AliasHistoryEntry> {
    return this.#store.rollbackAlias(name, alias, options);
  }
  archiveVersion(name: string, version: number): Promise<ModelVersion> {
    return this.#store.archiveVersion(name, version);
  }
  /** Removes a version that never held an alias and is not the newest (see `RegistryStore.deleteModelVersion`). */
  deleteModelVersion(name: string, version: number): Promise<ModelVersion> {
    return this.#store.deleteModelVersion(name, version);
  }
  getAlias(name: string, alias: string): Promise<ModelAlias> {
    return this.#store.getAlias(name, alias);
  }
  listAliases(name: string): Promise<ModelAlias[]> {
    return this.#store.listAliases(name);
  }
  getAliasHistory(name: string, alias: string): Promise<AliasHistoryEntry[]> {
    return this.#store.getAliasHistory(name, alias);
  }

  /** The version behind `alias`, with its verified artifact, in one call. */
  async loadModelByAlias(name: string, alias: string): Promise<LoadedModel> {
    const a = await this.#store.getAlias(name, alias);
    return this.loadModelVersion(name, a.version);
  }

  async loadModelVersion(name: string, version: number): Promise<LoadedModel> {
    const v = await this.#store.getModelVersion(name, version);
    const key = artifactKey(v.runId, v.artifactPath);
    const bytes = await this.#artifacts.get(key);
    if (digestBytes(bytes) !== v.artifactDigest) {
      throw new TrackingError(
        'ARTIFACT_CORRUPT',
        `artifact of ${name} v${version} does not match its digest`,
        {
          name,
          version,
          key,
        },
      );
    }
    return Object.freeze({ version: v, bytes, localPath: this.#artifacts.localPath?.(key) });
  }

  /** Which data and which run made the version behind `alias` (or a version number). */
  async lineage(name: string, aliasOrVersion: string | number): Promise<ModelLineage> {
    const version =
      typeof aliasOrVersion === 'number'
        ? aliasOrVersion
        : (await this.#store.getAlias(name, aliasOrVersion)).version;
    const v = await this.#store.getModelVersion(name, version);
    const details = await this.#store.getRunDetails(v.runId);
    const parentRun = details.run.parentRunId ? await this.#store.getRun(details.run.parentRunId) : null;
    return Object.freeze({
      version: v,
      run: details.run,
      params: details.params,
      inputs: details.inputs,
      parentRun,
    });
  }
}
