import type { DagJson, RunStore } from '@sodai/pipeline';
import type { TrackingClient } from '@sodai/tracking';
import type { ChatChart, ChatEntities, ChatTable, Lang } from '../../contract/api.ts';
import type { ServingModel } from '../../scoring/serving-model.ts';
import type { ChatDataSource } from '../data-source.ts';
import type { AlertSource } from '../alert-source.ts';
import type { DriftSource } from '../drift-source.ts';
import type { PerformanceSource } from '../performance-source.ts';
import type { Vocabulary } from '../vocabulary.ts';
import type { Compared } from '../understanding/comparison.ts';
import type { ReturnsBy } from '../understanding/returns-words.ts';

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
  readonly now: () => Date;
}

/** What a tool asks for. */
export interface ToolRequest {
  readonly entities: ChatEntities;
  readonly lang: Lang;
  readonly vocab: Vocabulary;
  /** Rows of the list to skip ("show more"). */
  readonly offset: number;
  /** Ids as written when they are not safe integers. */
  readonly customerText?: string;
  readonly productText?: string;
  /** The question asks how many ("¿cuántos clientes compran poco?"): the count comes first. */
  readonly howMany?: boolean;
  /** The question asks about those who did not buy ("¿cuántos clientes no compraron …?"). */
  readonly notBought?: boolean;
  /** The question asks for a period's total ("ventas de la semana pasada"): it comes before the trend. */
  readonly periodTotal?: boolean;
  /** "¿El 100026 es el mejor cliente?": yes or no on the one named being the top one (or in the top `count`). */
  readonly asksIfTop?: boolean;
  /** "¿Qué compró el 1002 en su último pedido?": the products of the customer's last purchase day. */
  readonly lastOrder?: boolean;
  /** "¿Hay alertas?", "what's wrong?": the monitoring's open alerts. */
  readonly asksAlerts?: boolean;
  /** "Resumen de la semana": the week's digest rather than the bare comparison of two periods. */
  readonly digest?: boolean;
  /** "¿Hasta qué fecha hay datos?": the data's span and size rather than the last batch alone. */
  readonly dataCoverage?: boolean;
  /** "¿Qué clientes compraron menos que el mes pasado?": customers, not products, by their change. */
  readonly customerMovers?: boolean;
  /** "List products in the KEG package": the catalogue's products, or an attribute's values with `group_by`. */
  readonly catalogue?: boolean;
  /** "¿Cuántas devoluciones hubo?": returns, their total or who or what returned most. */
  readonly returnsBy?: ReturnsBy;
  /** "¿Qué día de la semana se vende más?": sales split by weekday. */
  readonly weekdaySplit?: boolean;
  /** "Which customers order on mondays?": the ISO weekday (1 = Monday) whose customers are listed. */
  readonly onWeekday?: number;
  /** "¿Qué dejó de pedir el 1002?": the customer's usual products not bought lately. */
  readonly skipped?: boolean;
  /** "¿Qué productos compró el 1002 en noviembre?": the customer's products listed. */
  readonly productsBought?: boolean;
  /** "What else do buyers of 1370 buy?": the other products its buyers bought. */
  readonly alsoBought?: boolean;
  /** "¿Qué clientes compran el 1370 pero no el 1304?": the product the buyers listed did not buy. */
  readonly excludedProduct?: number;
  /** "Compare product 1370 and 11262": the two products or customers to set side by side. */
  readonly compared?: Compared;
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
}

export type Tool = (box: ChatToolbox, request: ToolRequest) => Promise<ToolAnswer>;

/** How many rows a list shows unless the question asks for a number. */
export const DEFAULT_ROWS = 5;
export const MAX_ROWS = 50;

export function rowsWanted(entities: ChatEntities): number {
  return Math.min(MAX_ROWS, Math.max(1, entities.count ?? DEFAULT_ROWS));
}
