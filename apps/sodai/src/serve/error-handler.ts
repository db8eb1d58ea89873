import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isTrackingError, type TrackingErrorCode } from '@sodai/tracking';
import { HTTP_STATUS as TRACKING_STATUS } from '@sodai/tracking/http';
import type { ErrorBody, FieldIssue } from '../contract/api.ts';
import { isSodaiError, type SodaiErrorCode } from '../errors.ts';

/**
 * The one table from error codes to HTTP status. Typed as full Records so a new code fails
 * type-checking until it is mapped here.
 *
 * @example
 * ERROR_STATUS.UNKNOWN_CUSTOMER; // 404
 * ERROR_STATUS.MODEL_NOT_READY; // 503
 */
export const ERROR_STATUS: Readonly<Record<SodaiErrorCode, number> & Record<TrackingErrorCode, number>> =
  Object.freeze({
    ...TRACKING_STATUS,
    UNKNOWN_CUSTOMER: 404,
    UNKNOWN_PRODUCT: 404,
    NOT_FOUND: 404,
    ALREADY_EXISTS: 409,
    RATE_LIMITED: 429,
    FORBIDDEN: 403,
    MODEL_NOT_READY: 503,
    UNAUTHORIZED: 401,
    INVALID_CONFIG: 500,
    INVALID_ARGUMENT: 400,
    FILE_NOT_FOUND: 404,
    FILE_UNREADABLE: 422,
    SCHEMA_MISMATCH: 422,
    BATCH_REJECTED: 422,
    STORE_ERROR: 500,
  });

type Location = FieldIssue['location'];

interface ZodIssueLike {
  readonly keyword: string;
  readonly instancePath: string;
  readonly message?: string;
  readonly params?: { errors?: unknown };
}

interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly errors?: readonly (readonly RawIssue[])[];
}

const joinPath = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? '(root)' : path.map(String).join('.');

/**
 * Flattens zod issues into field issues. A failed union (e.g. one pair or a batch) reports the
 * branch that came closest — the one with fewest issues — so the client reads which fields of the
 * shape it meant are wrong rather than "invalid input".
 */
function flatten(
  issues: readonly RawIssue[],
  prefix: readonly PropertyKey[],
  location: Location,
): FieldIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      if (best.length > 0) return flatten(best, path, location);
    }
    return [{ location, path: joinPath(path), message: issue.message, type: issue.code }];
  });
}

function validationIssues(error: FastifyError & { validation: readonly ZodIssueLike[] }): FieldIssue[] {
  const location = (error.validationContext ?? 'body') as Location;
  return error.validation.flatMap((v) => {
    const path = v.instancePath.split('/').filter((p) => p !== '');
    return flatten(
      [
        {
          code: v.keyword,
          path,
          message: v.message ?? 'invalid',
          ...(Array.isArray(v.params?.errors) ? { errors: v.params.errors as RawIssue[][] } : {}),
        },
      ],
      [],
      location,
    );
  });
}

/**
 * The server's error handler: validation failures → 400 listing every failing field (location,
 * path, message, type); coded errors → their status from {@link ERROR_STATUS}; Fastify's own
 * client errors (bad JSON, body too large, wrong content type, rate limit) keep their 4xx; the rest
 * is a logged 500 with no details.
 *
 * @example
 * app.setErrorHandler(errorHandler);
 */
export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = validationIssues(error);
    return reply.code(400).send({
      error: 'INVALID_ARGUMENT',
      message: issues.map((i) => `${i.location}.${i.path}: ${i.message}`).join('; '),
      issues,
    } satisfies ErrorBody);
  }
  if (isSodaiError(error) || isTrackingError(error)) {
    const status = ERROR_STATUS[error.code];
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    return reply.code(status).send({
      error: error.code,
      // A 503 is a state the client can act on (no model yet): its message says which; only a 500 hides.
      message: status === 500 ? 'internal error' : error.message,
    } satisfies ErrorBody);
  }
  const status =
    typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500
      ? error.statusCode
      : 500;
  if (status >= 500) {
    req.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'INTERNAL', message: 'internal error' } satisfies ErrorBody);
  }
  const body: ErrorBody = {
    error: error.code ?? 'BAD_REQUEST',
    message: error.message,
    ...(status === 400
      ? {
          issues: [
            { location: 'body', path: '(root)', message: error.message, type: error.code ?? 'invalid' },
          ],
        }
      : {}),
  };
  return reply.code(status).send(body);
}
