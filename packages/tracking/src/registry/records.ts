/** A version is READY to be served until archived; archived versions cannot hold an alias. */
export type ModelVersionStatus = 'READY' | 'ARCHIVED';

/** Whether a version in `status` may be pointed at by an alias. */
export function isServable(status: ModelVersionStatus): boolean {
  return status === 'READY';
}

export interface RegisteredModel {
  readonly name: string;
  readonly description: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The model's feature contract: input names, types and order, plus whatever the app adds. */
export interface ModelSignature {
  readonly inputs: readonly { readonly name: string; readonly type: string }[];
  readonly outputs?: readonly { readonly name: string; readonly type: string }[];
  readonly [extra: string]: unknown;
}

export interface ModelVersion {
  readonly modelName: string;
  readonly version: number;
  /** The run whose artifact this version is. */
  readonly runId: string;
  readonly artifactPath: string;
  readonly artifactDigest: string;
  readonly signature: ModelSignature | null;
  /** The run's metrics when the version was created (later logging does not change it). */
  readonly metrics: Readonly<Record<string, number>>;
  readonly description: string;
  readonly status: ModelVersionStatus;
  readonly createdAt: number;
}

export interface ModelAlias {
  readonly modelName: string;
  readonly alias: string;
  readonly version: number;
  readonly updatedAt: number;
}

/** Why an alias moved: a promotion (`set`) or a `rollback` to an earlier holder. */
export type AliasAction = 'set' | 'rollback';

/** The outcome of a promotion gate, stored verbatim with the move it justified. */
export interface GateResult {
  readonly passed: boolean;
  readonly [detail: string]: unknown;
}

/**
 * One stretch of time during which `version` held `alias`. Entries form a chain: each entry's
 * `endedAt` equals the next entry's `startedAt`; the open entry (`endedAt === null`) is the current one.
 */
export interface AliasHistoryEntry {
  readonly modelName: string;
  readonly alias: string;
  readonly seq: number;
  readonly version: number;
  readonly action: AliasAction;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly actor: string;
  readonly reason: string;
  readonly gate: GateResult | null;
}

/** Who moves an alias and why; recorded in the alias history. */
export interface AliasMoveOptions {
  readonly actor: string;
  readonly reason?: string;
  readonly gate?: GateResult;
}

export interface CreateModelVersionInput {
  readonly modelName: string;
  readonly runId: string;
  /** An artifact already logged on the run. */
  readonly artifactPath: string;
  readonly signature?: ModelSignature;
  /** Defaults to the run's latest metrics. */
  readonly metrics?: Readonly<Record<string, number>>;
  readonly description?: string;
}
