import { InvalidArgumentError } from 'commander';

/** Command-line value parsers: each names the form it expected, so commander's error says what is wrong. */
function wholeNumber(value: string, min: number, max: number, expected: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(`expected ${expected}, got "${value}"`);
  }
  return n;
}

export const positiveInt = (value: string): number =>
  wholeNumber(value, 1, Number.MAX_SAFE_INTEGER, 'a positive whole number');

export const nonNegativeInt = (value: string): number =>
  wholeNumber(value, 0, Number.MAX_SAFE_INTEGER, 'a whole number ≥ 0');

export const port = (value: string): number => wholeNumber(value, 0, 65535, 'a port number (0–65535)');

export function isoDay(value: string): string {
  const parsed = Date.parse(`${value}T00:00:00Z`);
  // The round trip refuses a day the month lacks: Date.parse reads 2024-02-30 as 1 March.
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(parsed) ||
    new Date(parsed).toISOString().slice(0, 10) !== value
  ) {
    throw new InvalidArgumentError(`expected a calendar day as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
