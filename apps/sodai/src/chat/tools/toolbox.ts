import type { DagJson, RunStore } from '@sodai/pipeline';
import type { QuestionFlags } from '../understanding/question-flags.ts';
import type { TrackingClient } from '@sodai/tracking';
import type { ChatChart, ChatEntities, ChatTable, Lang } from '../../contract/api.ts';
import type { ServingModel } from '../../scoring/serving-model.ts';
import type { ChatDataSource } from '../data-source.ts';
import type { AlertSource } from '../alert-source.ts';
import type { OperatingPolicy } from '../operating-policy.ts';
import type { DriftSource } from '../drift-source.ts';
import type { PerformanceSource } from '../performance-source.ts';
import type { Vocabulary } from '../vocabulary.ts';

/**
 * Everything the tools read, each behind a narrow interface: the data (SQL over the raw tables),
 * the serving snapshot, the model registry, pipeline runs, drift reports and — once it exists —
 * realized performance. Absent sources are answered honestly ("not measured yet").
 */
import type { IngestionRecord } from '../../store/raw-store.ts';

export interface ChatToolbox {
  readonly data: ChatDataSource;
  readonly serving: { current(): ServingModel | undefined };
  readonly registry?: Pick<TrackingClient, 'registry' | 'getRunDetails'>;
  readonly pipeline?: { readonly store: RunStore; readonly dags: readonly DagJson[] };
  readonly drift?: DriftSource;
  readonly performance?: PerformanceSource;
  /** The monitoring's open alerts (read-only). */
  readonly alerts?: AlertSource;
  /** The ingestion log, newest first (the catalog's, read through the store). */
  readonly ingestions?: (limit: number) => Promise<readonly IngestionRecord[]>;
  /** The retrain, gate and alert rules as configured (the defaults when absent). */
  readonly policy?: OperatingPolicy;
  readonly now: () => Date;
}

/** What a tool asks for. */
export interface ToolRequest extends QuestionFlags {
  readonly entities: ChatEntities;
  readonly lang: Lang;
  readonly vocab: Vocabulary;
  /** Rows of the list to skip ("show more"). */
  readonly offset: number;
}

/** A tool's grounded answer: the sentence, what it is based on, and the figures behind it. */
export interface ToolAnswer {
  readonly text: string;
  readonly answered: boolean;
  readonly basedOn: readonly string[];
  readonly table?: ChatTable;
  readonly chart?: ChatChart;
  readonly data: Readonly<Record<string, unknown>>;
  readonly suggestions?: readonly string[];
  /** Products and customers the answer lists, in order (for follow-ups). */
  readonly products?: readonly number[];
  readonly customers?: readonly number[];
  /** Rows of a list shown (for "show more"). */
  readonly shown?: number;
  /** Whether the answer counts only the region or zone the question names (place-scope.ts). */
  readonly placeApplied?: boolean;
  /** Whether the answer counts without the value the question leaves out (exclusion-note.ts). */
  readonly exclusionApplied?: boolean;
}

export type Tool = (box: ChatToolbox, request: ToolRequest) => Promise<ToolAnswer>;

/** How many rows a list shows unless the question asks for a number. */
export const DEFAULT_ROWS = 5;
export const MAX_ROWS = 50;

export function rowsWanted(entities: ChatEntities): number {
  return Math.min(MAX_ROWS, Math.max(1, entities.count ?? DEFAULT_ROWS));
}
