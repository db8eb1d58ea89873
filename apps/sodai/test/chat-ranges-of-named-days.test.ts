import { describe, expect, it } from 'vitest';
import { findPeriods } from '../src/chat/understanding/periods.ts';
import { normalize } from '../src/chat/understanding/normalize.ts';

// "Ventas del 8 de abril al 15 de mayo" read one day, 8 April (and compared it with another): only
// ISO ranges were read as ranges. Days of named months now are too, in both languages; the year is
// the latest with those months by the data's last day unless written.
const LAST = '2024-12-31';
const periodOf = (q: string, lang: 'es' | 'en') => {
  const found = findPeriods(normalize(q), LAST, lang);
  return found.map((f) => ({ from: f.period.from, to: f.period.to }));
};

describe('ranges of named days', () => {
  it.each([
    ['ventas del 8 de abril al 15 de mayo', 'es', '2024-04-08', '2024-05-15'],
    ['ventas entre el 1 y el 15 de marzo', 'es', '2024-03-01', '2024-03-15'],
    ['pedidos desde el 3 de junio hasta el 9 de junio de 2024', 'es', '2024-06-03', '2024-06-09'],
    ['ventas del 15 de diciembre de 2023 al 10 de enero', 'es', '2023-12-15', '2024-01-10'],
    ['ventas del 15 de diciembre al 10 de enero', 'es', '2023-12-15', '2024-01-10'],
    ['sales from april 8 to may 15', 'en', '2024-04-08', '2024-05-15'],
    ['sales from March 1st to 15th', 'en', '2024-03-01', '2024-03-15'],
    ['orders between june 3 and june 9, 2024', 'en', '2024-06-03', '2024-06-09'],
  ] as const)('%s', (q, lang, from, to) => {
    expect({ q, periods: periodOf(q, lang) }).toEqual({ q, periods: [{ from, to }] });
  });

  it.each([
    ['ventas del 8 de abril', 'es', '2024-04-08'],
    ['sales on april 8', 'en', '2024-04-08'],
  ] as const)('a single day stays a day: %s', (q, lang, day) => {
    expect(periodOf(q, lang)).toEqual([{ from: day, to: day }]);
  });

  it('a range whose start comes after its end is no range', () => {
    expect(periodOf('ventas del 20 al 10 de marzo', 'es')).not.toContainEqual({
      from: '2024-03-20',
      to: '2024-03-10',
    });
  });
});
