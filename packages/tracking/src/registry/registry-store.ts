import type {
  AliasHistoryEntry,
  AliasMoveOptions,
  CreateModelVersionInput,
  ModelAlias,
  ModelVersion,
  RegisteredModel,
} from './records.ts';

/**
 * The model-registry half of a `TrackingStore` (`store/tracking-store.ts`), whose atomicity and concurrency rules hold here.
 */
export interface RegistryStore {
  // -- registry
  /** Creates the model if absent; returns it either way. */
  createRegisteredModel(name: string, description?: string): Promise<RegisteredModel>;
  getRegisteredModel(name: string): Promise<RegisteredModel>;
  listRegisteredModels(): Promise<RegisteredModel[]>;
  /**
   * One transaction: creates the model if needed, checks the run (RUNNING or FINISHED, never FAILED or
   * KILLED) and its artifact exist, assigns the next version number, snapshots the run's latest metrics
   * unless given.
   */
  createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion>;
  getModelVersion(name: string, version: number): Promise<ModelVersion>;
  listModelVersions(name: string): Promise<ModelVersion[]>;
  /**
   * One transaction: points `alias` at `version` (READY only), closes the open history entry at the
   * instant the new one starts. Setting the version the alias already holds changes nothing and
   * returns the open entry.
   */
  setAlias(
    name: string,
    alias: string,
    version: number,
    options: AliasMoveOptions,
  ): Promise<AliasHistoryEntry>;
  /**
   * One transaction: moves `alias` back to `toVersion`, or by default to the most recent earlier holder
   * that differs from the current one and is still READY (NOTHING_TO_ROLL_BACK if none). `reason` is required.
   */
  rollbackAlias(
    name: string,
    alias: string,
    options: AliasMoveOptions & { readonly toVersion?: number },
  ): Promise<AliasHistoryEntry>;
  /** READY → ARCHIVED; VERSION_IN_USE while an alias points at it. */
  archiveVersion(name: string, version: number): Promise<ModelVersion>;
  /**
   * One transaction: removes a version's row (its run and artifact stay; delete the run afterwards).
   * VERSION_IN_USE when an alias points at it, when it ever held an alias (the history must keep
   * naming a real version) or when it is the newest version (numbers are max + 1 and must never be
   * given out twice).
   */
  deleteModelVersion(name: string, version: number): Promise<ModelVersion>;
  getAlias(name: string, alias: string): Promise<ModelAlias>;
  listAliases(name: string): Promise<ModelAlias[]>;
  /** Oldest first. */
  getAliasHistory(name: string, alias: string): Promise<AliasHistoryEntry[]>;
}
