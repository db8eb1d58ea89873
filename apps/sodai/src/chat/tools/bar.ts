import type { ChatThreshold, Lang } from '../../contract/api.ts';
import { countOf, NOUN, type Noun } from '../count-words.ts';
import { formatNumber, say } from '../format.ts';

/** What each measure of a bar is called ("100 unidades", "3 pedidos", "5 productos distintos"). */
export const BAR_NOUN: Readonly<Record<ChatThreshold['of'], Noun>> = {
  units: NOUN.unit,
  orders: NOUN.order,
  customers: NOUN.customer,
  products: NOUN.differentProduct,
};

/**
 * Whether a bar keeps what is above it ("más de", "al menos", "entre"), so the biggest come first,
 * or what is below it ("menos de", "como máximo"), so the smallest do and those with none count.
 */
export function keepsAbove(bar: ChatThreshold): boolean {
  return bar.op !== 'lt' && bar.op !== 'lte';
}

/** Whether `x` passes the bar. */
export function meetsBar(x: number, bar: ChatThreshold): boolean {
  switch (bar.op) {
    case 'gt':
      return x > bar.value;
    case 'gte':
      return x >= bar.value;
    case 'lt':
      return x < bar.value;
    case 'lte':
      return x <= bar.value;
    case 'between':
      return x >= bar.value && x <= (bar.to ?? bar.value);
  }
}

/** The bar as a SQL condition over `column`, its values numbered from `$first`. */
export function barSql(bar: ChatThreshold, column: string, first: number): { sql: string; params: number[] } {
  if (bar.op === 'between')
    return { sql: `${column} BETWEEN $${first} AND $${first + 1}`, params: [bar.value, bar.to ?? bar.value] };
  const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[bar.op];
  return { sql: `${column} ${op} $${first}`, params: [bar.value] };
}

/** "más de 100 unidades", "at least 3 orders", "entre 10 y 50 unidades". */
export function barWords(bar: ChatThreshold, lang: Lang): string {
  const noun = BAR_NOUN[bar.of];
  if (bar.op === 'between') {
    const to = countOf(bar.to ?? bar.value, lang, noun, 2);
    return say(
      lang,
      `entre ${formatNumber(bar.value, lang, 2)} y ${to}`,
      `between ${formatNumber(bar.value, lang, 2)} and ${to}`,
    );
  }
  const [es, en] = {
    gt: ['más de', 'more than'],
    gte: ['al menos', 'at least'],
    lt: ['menos de', 'fewer than'],
    lte: ['como máximo', 'at most'],
  }[bar.op];
  return `${say(lang, es!, en!)} ${countOf(bar.value, lang, noun, 2)}`;
}
