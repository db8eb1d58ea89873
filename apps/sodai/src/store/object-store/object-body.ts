import { Readable } from 'node:stream';
import type { ObjectBody } from './object-store.ts';

/** Any accepted body as a byte stream. */
export function bodyStream(body: ObjectBody): Readable {
  if (typeof body === 'string') return Readable.from([Buffer.from(body, 'utf8')]);
  if (body instanceof Uint8Array)
    return Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]);
  return body;
}
