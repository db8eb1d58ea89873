import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isTrackingError, type TrackingErrorCode } from '@sodai/tracking';
import type { ErrorBody, FieldIssue } from '../contract/api.ts';
import { ERROR_STATUS, type ErrorCode } from '../contract/error-codes.ts';
import { isSodaiError, type SodaiErrorCode } from '../errors.ts';

// Every code this server raises has a status in the contract's one table: typed so a new code in
// the app or the tracking package fails type-checking until it is listed there.
const STATUS: Readonly<Record<SodaiErrorCode | TrackingErrorCode, number>> = ERROR_STATUS;

/** Fastify's own client errors, by status, as stable codes (its `FST_ERR_*` codes are internals). */
const CLIENT_ERROR_CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'MALFORMED_BODY',
  404: 'NOT_FOUND',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

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
 * The server's error handler, every answer an {@link ErrorBody}: validation failures → 422 listing every failing field (location,
 * path, message, type); coded errors → their status from the contract's `ERROR_CODES`; Fastify's own
 * client errors (bad JSON, body too large, wrong content type, rate limit) keep their 4xx; the rest
 * is a logged 500 with no details.
 *
 * @example
 * app.setErrorHandler(errorHandler);
 */
export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = validationIssues(error);
    return reply.code(ERROR_STATUS.INVALID_ARGUMENT).send({
      code: 'INVALID_ARGUMENT',
      message: issues.map((i) => `${i.location}.${i.path}: ${i.message}`).join('; '),
      issues,
    } satisfies ErrorBody);
  }
  if (isSodaiError(error) || isTrackingError(error)) {
    const status = STATUS[error.code];
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    return reply.code(status).send({
      code: error.code,
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
    return reply.code(500).send({ code: 'INTERNAL', message: 'internal error' } satisfies ErrorBody);
  }
  const code = CLIENT_ERROR_CODES[status] ?? 'BAD_REQUEST';
  const body: ErrorBody = {
    code,
    message: error.message,
    ...(code === 'MALFORMED_BODY'
      ? {
          issues: [
            { location: 'body', path: '(root)', message: error.message, type: error.code ?? 'invalid' },
          ],
        }
      : {}),
  };
  return reply.code(status).send(body);
}
