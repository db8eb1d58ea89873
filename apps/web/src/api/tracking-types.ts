// The tracking server's JSON (`/api/tracking/*`), mirrored minimally from @sodai/tracking's records:
// the UI reads these fields only. Timestamps are epoch milliseconds.

import type { GateVerdict } from '@sodai/app/contract';

export type RunStatus = 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED';

export interface Experiment {
  readonly id: string;
  readonly name: string;
}

export interface Run {
  readonly id: string;
  readonly experimentId: string;
  readonly name: string;
  readonly status: RunStatus;
  readonly startTime: number;
  readonly endTime: number | null;
  readonly parentRunId: string | null;
}

export interface MetricPoint {
  readonly key: string;
  readonly value: number;
  readonly step: number;
  readonly timestamp: number;
}

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

export interface RunDetails {
  readonly run: Run;
  readonly params: readonly KeyValue[];
  readonly tags: readonly KeyValue[];
  readonly latestMetrics: readonly MetricPoint[];
}

export interface ModelVersion {
  readonly modelName: string;
  readonly version: number;
  readonly runId: string;
  readonly metrics: Readonly<Record<string, number>>;
  readonly description: string;
  readonly status: 'READY' | 'ARCHIVED';
  readonly createdAt: number;
  readonly signature: { readonly decisionThreshold?: number } | null;
}

export interface ModelAlias {
  readonly alias: string;
  readonly version: number;
  readonly updatedAt: number;
}

export interface ModelDetails {
  readonly model: { readonly name: string; readonly description: string };
  readonly versions: readonly ModelVersion[];
  readonly aliases: readonly ModelAlias[];
}

export interface AliasHistoryEntry {
  readonly seq: number;
  readonly version: number;
  readonly action: 'set' | 'rollback';
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly actor: string;
  readonly reason: string;
  readonly gate: ({ readonly passed: boolean } & Readonly<Record<string, unknown>>) | null;
}

/**
 * The gate's decision as the training job stores it (`gate.json` of the `gate` run nested under the
 * challenger's training run). Fields beyond `passed` are optional: older or newer gates may store
 * less or more, and the UI shows what is there.
 */
export interface GateRecord {
  readonly passed: boolean;
  /** What decided, with its figures; absent from gates recorded before it was stored. */
  readonly verdict?: GateVerdict;
  readonly testCutoff?: string;
  readonly margin?: number;
  readonly challengerF1?: number;
  readonly bestBaseline?: string;
  readonly bestBaselineF1?: number;
  readonly championVersion?: number;
  readonly championF1?: number;
  readonly challengerNdcgAt5?: number;
  readonly championNdcgAt5?: number;
  readonly ndcgTolerance?: number;
}
