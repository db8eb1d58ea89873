// The serving API's request and response types, taken from the server's zod contract (type-only:
// nothing of zod reaches the browser bundle).
export type {
  ChatResponse,
  Contribution,
  Lang,
  Prediction,
  ProductAttributes,
  Recommendation,
  RecommendFilters,
  RecommendResponse,
} from '../../../sodai/src/contract/api.ts';

/** GET /api/serving */
export interface ServingState {
  readonly model_version: number | null;
  readonly threshold: number | null;
  readonly cutoff: string | null;
  readonly candidate_pairs: number;
  readonly customers: number;
  readonly products: number;
  readonly loaded_at: string | null;
  readonly registered_at: string | null;
}

/** GET /api/ui/catalog */
export interface UiCatalog {
  readonly customers: readonly { readonly id: number; readonly customer_type: string | null }[];
  readonly products: readonly {
    readonly id: number;
    readonly attributes: import('../../../sodai/src/contract/api.ts').ProductAttributes;
  }[];
}

/** GET /api/reports/:kind */
export interface ReportEntry {
  readonly name: string;
  readonly modified_at: string;
  readonly bytes: number;
}

/** POST /api/admin/promote and /rollback */
export interface AliasMove {
  readonly alias: string;
  readonly version: number;
  readonly serving_version: number | null;
}

/** The request of POST /recommend as the UI sends it. */
export interface RecommendQuery {
  readonly customer_id: number;
  readonly k: number;
  readonly filters?: import('../../../sodai/src/contract/api.ts').RecommendFilters;
  readonly exclude_recent?: boolean;
}
