// The serving API's request and response types, taken from the server's zod contract (type-only:
// nothing of zod reaches the browser bundle).
export type {
  AuthMe,
  ChatAnalytics,
  ChatExamples,
  AlertJson as Alert,
  ChatResponse,
  Contribution,
  Lang,
  Prediction,
  ProductAttributes,
  Recommendation,
  RecommendFilters,
  RecommendResponse,
  RequestFigures,
  Role,
  RouteArea,
} from '@sodai/app/contract';
import type { z } from 'zod';
import type {
  RealizedResponseSchema,
  UsageResponseSchema,
  AliasMoveResponseSchema,
  LandingListResponseSchema,
  LandingRemoveResponseSchema,
  ReportListSchema,
  ServingStateSchema,
  UiCatalogSchema,
  UiFeaturesSchema,
} from '@sodai/app/contract';

/** GET /api/serving */
export type ServingState = z.infer<typeof ServingStateSchema>;

/** GET /api/ui/catalog */
export type UiCatalog = z.infer<typeof UiCatalogSchema>;

/** GET /api/ui/features */
export type UiFeatures = z.infer<typeof UiFeaturesSchema>;

/** GET /api/reports/:kind */
export type ReportEntry = z.infer<typeof ReportListSchema>[number];

/** POST /api/admin/promote and /rollback */
export type AliasMove = z.infer<typeof AliasMoveResponseSchema>;

/** The request of POST /recommend as the UI sends it. */
export interface RecommendQuery {
  readonly customer_id: number;
  readonly k: number;
  readonly filters?: import('@sodai/app/contract').RecommendFilters;
  readonly exclude_recent?: boolean;
}

/** GET /api/monitor/realized */
export type RealizedResponse = z.infer<typeof RealizedResponseSchema>;

/** GET /api/monitor/usage */
export type UsageResponse = z.infer<typeof UsageResponseSchema>;

/** GET /api/admin/landing */
export type LandingList = z.infer<typeof LandingListResponseSchema>;
export type LandingFile = LandingList['files'][number];

/** DELETE /api/admin/landing/:file */
export type LandingRemoval = z.infer<typeof LandingRemoveResponseSchema>;
