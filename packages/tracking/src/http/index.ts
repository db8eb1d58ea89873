// Subpath entry `@sodai/tracking/http`: keeps Fastify and zod out of programs that only log runs.
export {
  trackingPlugin,
  type TrackingPluginOptions,
  type FieldIssue,
  type ErrorBody,
} from './tracking-plugin.ts';
export { HTTP_STATUS } from './error-status.ts';
