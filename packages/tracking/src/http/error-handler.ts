import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isTrackingError } from '../errors.ts';
import { HTTP_STATUS } from './error-status.ts';

/** One failing input field in a 400 body. */
export interface FieldIssue {
  readonly location: 'body' | 'querystring' | 'params' | 'headers';
  readonly path: string;
  readonly message: string;
}

/** Every error body: a code from the error table, a message, and for 400s the failing fields. */
export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly issues?: readonly FieldIssue[];
}

/**
 * Maps every failure to an {@link ErrorBody}: schema failures 400 with each field, tracking errors by
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
    }));
    return reply.code(400).send({
      error: 'INVALID_ARGUMENT',
      message: issues.map((i) => `${i.location}.${i.path}: ${i.message}`).join('; '),
      issues,
    } satisfies ErrorBody);
  }
  if (isTrackingError(error)) {
    const field = error.details.field;
    const body: ErrorBody = {
      error: error.code,
      message: error.message,
      ...(error.code === 'INVALID_ARGUMENT' && typeof field === 'string'
        ? { issues: [{ location: locationOf(req), path: field, message: error.message }] }
        : {}),
    };
    return reply.code(HTTP_STATUS[error.code]).send(body);
  }
  // Fastify's own client errors (malformed JSON, wrong content type, body too large) keep their 4xx.
  const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
  if (status >= 500) req.log.error({ err: error }, 'tracking API failure');
  return reply.code(status).send({
    error: status < 500 ? (error.code ?? 'BAD_REQUEST') : 'INTERNAL',
    message: status < 500 ? error.message : 'internal error',
  } satisfies ErrorBody);
}

function locationOf(req: FastifyRequest): FieldIssue['location'] {
  return req.method === 'GET' || req.method === 'HEAD' ? 'querystring' : 'body';
}
