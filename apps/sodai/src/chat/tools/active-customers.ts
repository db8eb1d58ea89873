import { agree, isOne } from '../count-words.ts';
import { customerTypeWords, formatNumber, formatPercent, isFeminineType, say } from '../format.ts';
import { noTransactions } from './answers.ts';
import { describeFilters, describePeriod, periodOrWeeks, placed, scopeWords } from './filters.ts';
import { placeWords } from './place-scope.ts';
import type { Tool } from './toolbox.ts';
import { buyersIn, registeredCustomers, registeredWords } from './counts.ts';

/** The weeks up to the last day of data a customer must have bought in to be active, unless a period is named. */
const ACTIVE_WEEKS = 4;

/**
 * How many customers are active: those who bought in the period named or the last
 * {@link ACTIVE_WEEKS} weeks (a customer who ordered once a year ago is registered, not active),
 * said with the window and as a share of the registered customers of the type or place asked.
 */
export const activeCustomersTool: Tool = async (box, req) => {
  const { lang, entities } = req;
  const period = periodOrWeeks(req, ACTIVE_WEEKS);
  if (!period) return noTransactions(lang);
  const type = entities.customer_type;
  const scoped = { ...placed(req), period };
  const { registered, buying: ever } = await registeredCustomers(box, type, scoped.place);
  const active = await buyersIn(box, scoped);
  const share = registered > 0 ? active / registered : 0;
  const where = scoped.place ? ` ${say(lang, 'en', 'in')} ${placeWords(scoped.place, lang)}` : '';
  // Products named ("clientes activos en latas") narrow what counts as buying.
  const bought = scopeWords({ ...entities, customer_type: undefined, period: undefined }, lang);
  const when = describePeriod(period, lang);
  const activeWho = say(
    lang,
    `${customerTypeWords(type ?? null, lang, !isOne(active))} ${agree(active, isFeminineType(type ?? null) ? ['activa', 'activas'] : ['activo', 'activos'])}`,
    `active ${customerTypeWords(type ?? null, lang, !isOne(active))}`,
  );
  // The place is said once, with the active ones.
  const registeredWho = registeredWords(type, registered, undefined, lang);
  const n = (x: number) => formatNumber(x, lang);
  const text = say(
    lang,
    `Hay ${n(active)} ${activeWho}${where}, con al menos una compra${bought} ${when}: el ${formatPercent(share, lang)} de ${isFeminineType(type ?? null) ? 'las' : 'los'} ${n(registered)} ${registeredWho}. ${n(ever)} ${agree(ever, ['ha comprado', 'han comprado'])} alguna vez.`,
    `There ${agree(active, ['is', 'are'])} ${n(active)} ${activeWho}${where}, with at least one purchase${bought} ${when}: ${formatPercent(share, lang)} of the ${n(registered)} ${registeredWho}. ${n(ever)} ${agree(ever, ['has', 'have'])} ever bought.`,
  );
  return {
    text,
    answered: true,
    placeApplied: true,
    basedOn: [
      say(lang, 'maestro de clientes', 'customer master'),
      say(lang, `activo: al menos una compra ${when}`, `active: at least one purchase ${when}`),
      ...describeFilters(scoped, lang),
    ],
    data: { period, registered, active, share_active: share, with_purchases: ever },
  };
};
