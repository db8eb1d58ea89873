import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isTrackingError } from '../errors.ts';
import { HTTP_STATUS } from './error-status.ts';

/** One failing input field in a 422 body; `path` is dotted (`metrics.0.key`). */
export interface FieldIssue {
  readonly location: 'body' | 'querystring' | 'params' | 'headers';
  readonly path: string;
  readonly message: string;
  /** The rule that failed (the validator's keyword, or `invalid`). */
  readonly type: string;
}

/**
 * Every error body: a stable `code` (a `TrackingErrorCode` or one of Fastify's client errors
 * named below), a message, and for 422s the failing fields. The shape is the common
 * `{ code, message, issues }` so an app mounting this plugin answers alike on all its routes.
 */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly FieldIssue[];
}

/** A 422 body listing every failing field, its message naming each as `location.path: why`. */
export function invalidArgumentBody(issues: readonly FieldIssue[]): ErrorBody {
  return {
    code: 'INVALID_ARGUMENT',
    message: issues.map((i) => `${i.location}.${i.path}: ${i.message}`).join('; '),
    issues,
  };
}

/** Client errors without a tracking code (Fastify's own, and the authorizer's 401/403), by status: stable codes (`FST_ERR_*` codes are internals). */
const CLIENT_ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'MALFORMED_BODY',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * Maps every failure to an {@link ErrorBody}: schema failures 422 with each field, tracking errors by
 * the `HTTP_STATUS` table, Fastify's own client errors keep their 4xx, anything else a logged 500.
 */
export function errorHandler(
  this: FastifyInstance,
  error: FastifyError,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = (error.validationContext ?? 'body') as FieldIssue['location'];
    const issues: FieldIssue[] = error.validation.map((v) => ({
      location,
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)',
      message: v.message ?? 'invalid',
      type: v.keyword,
    }));
    return reply.code(HTTP_STATUS.INVALID_ARGUMENT).send(invalidArgumentBody(issues));
  }
  if (isTrackingError(error)) {
    const field = error.details.field;
    const body: ErrorBody = {
      code: error.code,
      message: error.message,
      ...(error.code === 'INVALID_ARGUMENT' && typeof field === 'string'
        ? { issues: [{ location: locationOf(req), path: field, message: error.message, type: 'invalid' }] }
        : {}),
    };
    return reply.code(HTTP_STATUS[error.code]).send(body);
  }
  // Fastify's own client errors (malformed JSON, wrong content type, body too large) keep their 4xx.
  const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
  if (status >= 500) req.log.error({ err: error }, 'tracking API failure');
  return reply.code(status).send({
    code: status < 500 ? (CLIENT_ERROR_CODES[status] ?? 'BAD_REQUEST') : 'INTERNAL',
    message: status < 500 ? error.message : 'internal error',
  } satisfies ErrorBody);
}

function locationOf(req: FastifyRequest): FieldIssue['location'] {
  return req.method === 'GET' || req.method === 'HEAD' ? 'querystring' : 'body';
}
