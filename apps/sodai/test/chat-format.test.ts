import { afterEach, describe, expect, it } from 'vitest';
import { formatDay, formatInstant, formatMonth } from '../src/chat/format.ts';

const original = Intl.DateTimeFormat;
afterEach(() => {
  Intl.DateTimeFormat = original;
});

/** Counts every Intl.DateTimeFormat the code under test builds from now on. */
function countDateFormatters(): { readonly built: number } {
  const counter = { built: 0 };
  Intl.DateTimeFormat = new Proxy(original, {
    construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      counter.built += 1;
      return new target(...args);
    },
  });
  return counter;
}

describe('chat formatting', () => {
  it('writes days, months and instants the way each language does', () => {
    expect(formatDay('2024-03-05', 'en')).toBe('Mar 5, 2024');
    expect(formatDay('2024-03-05', 'es')).toBe('5 mar 2024');
    expect(formatMonth('2024-11-18', 'es')).toBe('noviembre de 2024');
    expect(formatMonth('2024-11-18', 'en')).toBe('November 2024');
    expect(formatInstant(new Date('2024-11-18T09:30:00Z'), 'en')).toMatch(/Nov 18, 2024.*9:30/);
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });

  it('regression: builds one date formatter per language and style, not one per answer (ICU memory piled up)', () => {
    const counter = countDateFormatters();
    for (let i = 0; i < 200; i++) {
      for (const lang of ['es', 'en'] as const) {
        formatDay(`2024-01-${String((i % 28) + 1).padStart(2, '0')}`, lang);
        formatMonth('2024-06-10', lang);
        formatInstant(new Date(Date.UTC(2024, 0, 1, i % 24)), lang);
      }
    }
    expect(counter.built).toBeLessThanOrEqual(6);
  });
});
