import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "Ventas de este mes vs el mismo mes del año pasado" compared this month with the whole of last
// year: "del año pasado" was read alone. The same month, week or period a year back ("same month
// last year", "la misma semana del año anterior") is now the same days a year before.
const server = useChatServer();

/** The same day a year before (29 February becomes the 28th). */
function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

describe('a period against the same time last year', () => {
  it.each([
    ['ventas de este mes vs el mismo mes del año pasado', 'es'],
    ['this month vs same month last year', 'en'],
    ['compara la semana pasada con la misma semana del año anterior', 'es'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask(q);
    const period = r.entities.period!;
    expect({
      q,
      intent: r.intent,
      lang: r.lang,
      compare_to: r.entities.compare_to && { from: r.entities.compare_to.from, to: r.entities.compare_to.to },
    }).toEqual({
      q,
      intent: 'compare_periods',
      lang,
      compare_to: { from: yearBefore(period.from), to: yearBefore(period.to) },
    });
  });

  it('"noviembre vs el año pasado" still compares with the whole year', async () => {
    const r = await server().ask('ventas de noviembre vs el año pasado');
    expect(r.entities.compare_to?.label).toBe('el año pasado');
  });
});
