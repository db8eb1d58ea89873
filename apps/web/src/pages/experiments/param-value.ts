/** A parameter value that is a plain decimal number (`0.1`, `-3`, `1e-5`), not a date, word or id. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A run parameter as a reader sees it. Parameters are stored as text, and a tuned one keeps the
 * float's full expansion (`0.30000000000000004`): a number is shown in the reader's locale with at
 * most four significant digits, never fewer than its integer part (an integer stays exact); any other
 * value (`hist`, `2024-06-10`, `false`) as stored.
 *
 * @example
 * paramValue('0.30000000000000004', 'es-ES'); // '0,3'
 * paramValue('0.012345678', 'en-US'); // '0.01235'
 * paramValue('12000', 'en-US'); // '12,000'
 * paramValue('hist', 'es-ES'); // 'hist'
 */
export function paramValue(value: string, locale: string): string {
  const trimmed = value.trim();
  if (!DECIMAL.test(trimmed)) return value;
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return value;
  return n.toLocaleString(locale, {
    maximumSignificantDigits: 4,
    maximumFractionDigits: 0,
    roundingPriority: 'morePrecision',
  });
}
