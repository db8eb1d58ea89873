import { describe, expect, it } from 'vitest';
import { scheduleCadence } from '../src/serve/schedule-cadence.ts';

const FROM = new Date('2026-03-20T12:00:00Z');
const cadence = (schedule: string, timezone = 'UTC') =>
  scheduleCadence({ id: 'd', schedule, timezone }, FROM);

describe('scheduleCadence', () => {
  it.each([
    ['@weekly', 'week'],
    ['0 4 * * 0', 'week'],
    ['0 4 * * SUN', 'week'],
    ['@daily', 'day'],
    ['30 2 * * *', 'day'],
    ['0 * * * *', 'hour'],
    ['@monthly', 'month'],
  ] as const)('says how often %s fires: every %s', (schedule, every) => {
    expect(cadence(schedule)).toBe(every);
  });

  it.each(['*/15 * * * *', '0 6 * * 1-5', '0 4 * * 0,3', '0 */2 * * *', '0 0 31 * *'])(
    'has no one word for %s',
    (schedule) => {
      expect(cadence(schedule)).toBeNull();
    },
  );

  it('keeps "every day" across a daylight saving change in the DAG time zone', () => {
    // Europe/Madrid moves its clocks on 29 March 2026: one day of 23 hours.
    expect(cadence('0 3 * * *', 'Europe/Madrid')).toBe('day');
    expect(cadence('0 4 * * 0', 'Europe/Madrid')).toBe('week');
  });
});
