import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A UUID-shaped run id that sorts by creation time (48-bit milliseconds, then a per-process
 * counter, then randomness, like UUIDv7), so runs created in the same millisecond still have an
 * order: queued runs start first-in, first-out.
 */
export function newRunId(now = Date.now()): string {
  if (now === lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const seq = (0x7000 | (counter & 0x0fff)).toString(16);
  const rand = randomBytes(8).toString('hex');
  const variant = ((parseInt(rand.slice(0, 2), 16) & 0x3f) | 0x80).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-${seq}-${variant}${rand.slice(2, 4)}-${rand.slice(4, 16)}`;
}
