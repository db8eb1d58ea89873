// Subpath entry `@sodai/tracking/http`: keeps Fastify and zod out of programs that only log runs.
export {
  trackingPlugin,
  type TrackingPluginOptions,
  type FieldIssue,
  type ErrorBody,
} from './tracking-plugin.ts';
export { HTTP_STATUS } from './error-status.ts';
export { rejectNulCharacters } from './nul-characters.ts';
// Clients that validate answers (or generate types) use the same schemas the server serializes with.
export {
  aliasHistoryEntrySchema,
  experimentSchema,
  lineageSchema,
  metricPointSchema,
  modelAliasSchema,
  modelVersionSchema,
  registeredModelSchema,
  runDetailsSchema,
  runSchema,
} from './response-schemas.ts';
