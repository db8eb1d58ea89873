import type { ChatEntities, ChatIntent, Lang } from '../../contract/api.ts';
import { questionFlagsOf, type QuestionFlags } from './question-flags.ts';
import type { TurnMemory } from '../conversation.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { courtesyOf, withoutCourtesy, withoutHowAreYou, type Courtesy } from './courtesy.ts';
import { extractEntities } from './entities.ts';
import { splitCompound } from './compound.ts';
import { classifyIntent } from './intents.ts';
import { GROUP_RE } from './intent-words.ts';
import { hayAfterCount } from './hay-after-count.ts';
import { asksHowMany } from './how-many.ts';
import { countFollowUp } from './count-follow-up.ts';
import { addDays } from './days.ts';
import { asksNotBought } from './not-bought.ts';
import { asksPeriodTotal } from './period-total.ts';
import { findThreshold } from './threshold.ts';
import { thresholdIntent, thresholdSubject, type ThresholdSubject } from './threshold-intent.ts';
import { withoutLeadIn } from './lead-in.ts';
import { askedAttribute, attributeNoun, ATTRIBUTE_ENTITY, splitBy } from './share-of.ts';
import { quietWindow } from './quiet-window.ts';
import { rankingSubjectOfType } from './ranking-subject.ts';
import { asksIfTop } from './is-top-question.ts';
import { asksLastOrder } from './last-order.ts';
import { asksFallers, periodSinceNamed } from './customer-movers.ts';
import { asksCustomerProducts } from './customer-products.ts';
import { asksSkipped } from './skipped-words.ts';
import { asksCatalogue, sizeAfterPackage } from './catalogue-question.ts';
import { returnsAsked, type ReturnsBy } from './returns-words.ts';
import { asksWeekdaySplit, weekdayNamed } from './weekday-words.ts';
import { asksWeeklyAverage } from './weekly-average-words.ts';
import { asksRegularBuyers } from './regular-buyers-words.ts';
import { asksAlsoBought, excludedProduct } from './cross-sell.ts';
import { asksTypeAhead } from './customer-type-ahead.ts';
import { comparedBrands, comparedIds } from './comparison.ts';
import { kindNotInCatalogue, type ProductKind } from './product-kind-words.ts';
import { namesCatalogFilter } from './names-a-kind.ts';
import { isSpanishVerbForm } from './spanish-verbs.ts';
import { missingDataAsked, type MissingData } from './missing-data-words.ts';
import { normalize, tokens } from './normalize.ts';
import { expandShorthand } from './shorthand.ts';
import { correctSpelling } from './spelling.ts';

/** A question understood: what it asks, about what, and where to continue a list. */
export interface Understanding extends QuestionFlags {
  readonly intent: ChatIntent;
  readonly entities: ChatEntities;
  /** Rows of the answer's list to skip ("show more"). */
  readonly offset: number;
  /**
   * "Más porfa", "show more": the next rows of the previous list, or a previous answer that was no
   * list, or nothing before it to continue.
   */
  readonly more?: MoreOf;
  /** Margins, prices, stock …: data the platform does not have, which the question asks for. */
  readonly missing?: readonly MissingData[];
  /** Whether the previous turn filled in something this question left out. */
  readonly usedContext: boolean;
  /** The part of a two-part question no rule could read, said to be left unanswered. */
  readonly unanswered?: string;
  /** The second question of a two-part one, answered after this one ({@link understandSecondPart}). */
  readonly secondPart?: string;
  /** What a message that asks nothing says ("gracias", "ok, perfecto"): intent `small_talk`. */
  readonly courtesy?: Courtesy;
  /** "¿Qué cliente compra más cerveza?" when the catalogue holds no beer: said, not ranked (intent `unknown`). */
  readonly notInCatalogue?: ProductKind;
}

const NEEDS_CUSTOMER: ReadonlySet<ChatIntent> = new Set([
  'recommend',
  'explain_recommendation',
  'customer_history',
  'customer_basket',
  'customer_frequency',
  'customer_info',
]);
const NEEDS_PRODUCT: ReadonlySet<ChatIntent> = new Set(['likely_buyers', 'product_info', 'product_buyers']);
/** Who a count or list of customers or products is of, for a threshold said in a follow-up. */
const THRESHOLD_SUBJECT_OF: Partial<Record<ChatIntent, ThresholdSubject>> = {
  top_customers: 'customers',
  small_customers: 'customers',
  count_customers: 'customers',
  top_products: 'products',
  slow_movers: 'products',
  count_products: 'products',
};

/** What a customer's "last order" may first be read as: their history, advice or basket. */
const LAST_ORDER_INTENTS: ReadonlySet<ChatIntent> = new Set([
  'customer_history',
  'recommend',
  'customer_basket',
]);

/** Questions about the model and the pipeline, whose words may name returns or days. */
const OPERATIONS: ReadonlySet<ChatIntent> = new Set([
  'model_info',
  'model_performance',
  'prediction_drivers',
  'drift_status',
  'pipeline_last_run',
  'pipeline_next_run',
  'last_batch',
]);

/** The intent of a question about returns, by what it ranks. */
const RETURNS_INTENT: Readonly<Record<ReturnsBy, ChatIntent>> = {
  total: 'sales_trend',
  customers: 'top_customers',
  products: 'top_products',
};

/** What a weekly average may first be read as: a total, a trend, an order size, a count, or nothing. */
const WEEKLY_AVERAGE_INTENTS: ReadonlySet<ChatIntent> = new Set([
  'sales_trend',
  'order_size',
  'customer_history',
  'customer_frequency',
  'product_info',
  'compare_periods',
  'count_customers',
  'count_products',
  'unknown',
]);

/**
 * What "who buys it every week?" may first be read as: past, likely or top buyers, a count, a usual
 * basket (of no customer named), or nothing.
 */
const REGULAR_BUYERS_INTENTS: ReadonlySet<ChatIntent> = new Set([
  'product_buyers',
  'customer_basket',
  'likely_buyers',
  'top_customers',
  'top_products',
  'count_customers',
  'customer_frequency',
  'unknown',
]);

/** What a request for more continues. */
export type MoreOf = 'next_rows' | 'not_a_list' | 'nothing_before';

/** Intents whose lists "show more" can continue (besides any answer a tool paged, {@link TurnMemory.list}). */
const LISTS: ReadonlySet<ChatIntent> = new Set([
  'recommend',
  'likely_buyers',
  'lapsed_customers',
  'customer_history',
  'customer_basket',
  'top_products',
  'top_customers',
  'product_buyers',
  'movers',
  'slow_movers',
  'small_customers',
  'new_products',
  'new_customers',
]);

/** Whether customers (a customer noun, or a type of them) are named before any product noun. */
function namesCustomersFirst(text: string, customerTypeAt: number | undefined): boolean {
  const c = Math.min(
    ...[text.search(GROUP_RE.customer), customerTypeAt ?? -1].map((i) => (i < 0 ? Infinity : i)),
  );
  const p = text.search(GROUP_RE.product);
  return c !== Infinity && (p < 0 || c < p);
}

/**
 * Whether the previous question can take the ids a follow-up names: "¿y el 1002?" after advice for
 * another customer swaps the customer, but after a ranking of customers, which takes none, it asks
 * about customer 1002 itself. `ambiguous`: a number the data knows as both or neither kind of id.
 */
function takesIdsNamed(previous: TurnMemory, named: ChatEntities, ambiguous: boolean): boolean {
  const customer = previous.entities.customer_id !== undefined || NEEDS_CUSTOMER.has(previous.intent);
  const product = previous.entities.product_id !== undefined || NEEDS_PRODUCT.has(previous.intent);
  if (named.customer_id !== undefined && !customer) return false;
  if (named.product_id !== undefined && !product) return false;
  return !ambiguous || customer || product;
}

/**
 * Understands a question: normalizes it (case, accents), spells out shorthand, corrects typos against the assistant's
 * words, tells thanks and "ok" from questions (and drops them before one), finds entities and the intent, gives bare numbers the role the question needs, and fills
 * what a follow-up leaves out from the previous turn ("¿y el cliente 1002?", "¿por qué?", "más").
 *
 * @example
 * understand('¿Qué le ofrezco al cliente 101252 esta semana?', vocab, 'es', undefined).intent; // 'recommend'
 */
export function understand(
  message: string,
  vocab: Vocabulary,
  lang: Lang,
  previous: TurnMemory | undefined,
): Understanding {
  const corrected = hayAfterCount(
    correctSpelling(expandShorthand(tokens(normalize(message))), lang),
    lang,
  ).join(' ');
  const courtesy = courtesyOf(corrected);
  if (courtesy) return { intent: 'small_talk', entities: {}, offset: 0, usedContext: false, courtesy };
  // "Cuéntame / explícame cómo van las ventas" asks how sales are going: the lead-in says nothing.
  const text = withoutLeadIn(withoutCourtesy(corrected));
  const understood = understandQuestion(text, vocab, lang, previous);
  const question = withoutHowAreYou(text);
  // "Hola, ¿cómo estás? ¿Cuántos clientes hay?": the question after the greeting is the one to answer.
  if (understood.intent !== 'unknown' || question === text) return understood;
  return understandQuestion(question, vocab, lang, previous);
}

/** A question without courtesy: one question, or the first of two with the second left to ask. */
function understandQuestion(
  text: string,
  vocab: Vocabulary,
  lang: Lang,
  previous: TurnMemory | undefined,
): Understanding {
  const whole = () => understandText(text, vocab, lang, previous);
  const parts = splitCompound(text);
  if (!parts) return whole();
  // Two questions in one: both are answered, the second after the first (so "¿quién es el mejor
  // cliente y qué le recomiendas?" can refer to its answer), or a part no rule can read is said to
  // be left unanswered. When the whole reads as another question, the cut was no boundary.
  const known = (u: Understanding) =>
    u.intent !== 'unknown' || u.missing !== undefined || u.notInCatalogue !== undefined;
  const first = understandText(parts.first, vocab, lang, previous);
  // After a first part that asks nothing, the second is a question of its own, not a follow-up.
  const second = known(first)
    ? understandSecondPart(parts.second, vocab, lang, memoryOf(first))
    : understandText(parts.second, vocab, lang, previous);
  if (!known(first) && !known(second)) return whole();
  // "¿Cuál es el precio y el costo del 20012?": one answer says what data there is none of.
  if (first.missing && second.missing) return whole();
  if (known(second) && second.intent === first.intent && !second.missing) return whole();
  const read = whole();
  const answerable = known(first) ? first : second;
  if (!known(first) || !known(second)) {
    if (read.intent !== 'unknown' && read.intent !== answerable.intent) return read;
    // The second part may still read once the first is answered ("… y quién lo compró?").
    if (!known(first)) return { ...second, unanswered: parts.first };
  }
  // "Top 5 products and how many customers bought last week": the period said once is both parts'.
  const period = first.entities.period ?? second.entities.period;
  return {
    ...first,
    entities: { ...first.entities, ...(period ? { period } : {}) },
    secondPart: parts.second,
  };
}

/** What a turn leaves for the next one to refer to, before any tool has run. */
function memoryOf(u: Understanding): TurnMemory {
  return {
    intent: u.intent,
    entities: u.entities,
    flags: questionFlagsOf(u),
    offset: 0,
    shown: 0,
    products: [],
    customers: [],
  };
}

/**
 * The second question of a two-part one, read after the first (`first`: its understanding and
 * what its answer listed), so "qué le recomiendas" refers to the customer the first part found;
 * a period said only in the first part is the second's too.
 *
 * @example
 * understandSecondPart('que le recomiendas', vocab, 'es', { ...firstTurn, customers: [100026] }).entities.customer_id; // 100026
 */
export function understandSecondPart(
  text: string,
  vocab: Vocabulary,
  lang: Lang,
  first: TurnMemory,
): Understanding {
  const u = understandText(withReferent(text, first, lang), vocab, lang, first);
  const period = u.entities.period ?? first.entities.period;
  return period ? { ...u, entities: { ...u.entities, period } } : u;
}

/** "It", "him", "that one": an English pronoun for what the first part's answer named. */
const PRONOUN_EN = /\b(?:it|them|him|her|that one|those ones)\b/;
/** "Lo", "le" before a verb ("quién lo compró", "qué le recomiendas"); "la semana" is an article. */
const CLITIC = /\b(?:lo|la|los|las|le|les|se lo|se la) (\w+)/g;

function refersBack(text: string): boolean {
  return PRONOUN_EN.test(text) || [...text.matchAll(CLITIC)].some((m) => isSpanishVerbForm(m[1]!));
}

/**
 * A second part that refers to the first answer by a pronoun ("y quién lo compró", "and what should
 * I offer him") with the one it refers to written out: the first customer the answer listed when it
 * listed customers only, else its first product. The text is what the rules read ids from.
 */
function withReferent(text: string, first: TurnMemory, lang: Lang): string {
  if (!refersBack(text) || /\d/.test(text)) return text;
  const customer = first.products.length === 0 ? first.customers[0] : undefined;
  if (customer !== undefined) return `${text} ${lang === 'es' ? 'cliente' : 'customer'} ${customer}`;
  const product = first.products[0];
  return product !== undefined ? `${text} ${lang === 'es' ? 'producto' : 'product'} ${product}` : text;
}

function understandText(
  question: string,
  vocab: Vocabulary,
  lang: Lang,
  previous: TurnMemory | undefined,
): Understanding {
  // "Más de 100 unidades": a bar, whose number is no id or count; the rest is read without it.
  const bar = findThreshold(question, (n) => vocab.customerIds.has(n) || vocab.productIds.has(n));
  const text = bar ? bar.text : question;
  const found = extractEntities(text, vocab, lang);
  const entities: { -readonly [K in keyof ChatEntities]: ChatEntities[K] } = { ...found.entities };

  // Bare numbers: the catalog says which ids are customers and which products.
  const pending: number[] = [];
  for (const id of found.bareIds) {
    const isCustomer = vocab.customerIds.has(id.value);
    const isProduct = vocab.productIds.has(id.value);
    // A number the data knows as one kind of id only is never the other: "¿cuántos clientes
    // compraron el 20012 y el 20055?" names two products (the first is answered), not customer 20055.
    if (isCustomer && !isProduct) entities.customer_id ??= id.value;
    else if (isProduct && !isCustomer) entities.product_id ??= id.value;
    else pending.push(id.value);
  }
  const filters = [
    'brand',
    'category',
    'sub_category',
    'segment',
    'package',
    'size_litres',
    'customer_type',
  ] as const;
  const hasFilter = filters.some((k) => entities[k] !== undefined);
  const signals = {
    hasCustomer:
      entities.customer_id !== undefined || (pending.length > 0 && entities.product_id !== undefined),
    // A number the data knows as both kinds of id, after a customer, is the product: "¿qué
    // probabilidad hay de que el 56868 compre el 1370?" names a pair.
    hasProduct:
      entities.product_id !== undefined || (pending.length > 0 && entities.customer_id !== undefined),
    hasPeriod: entities.period !== undefined,
    hasTwoPeriods: entities.compare_to !== undefined,
    hasFilter,
    hasCustomerType: entities.customer_type !== undefined,
    hasBrand: entities.brand !== undefined,
  };
  let guess = classifyIntent(text, signals);
  if (guess.intent === 'unknown' && !guess.more && pending.length > 0) {
    guess = classifyIntent(text, { ...signals, hasCustomer: true });
  }
  let intent = guess.intent;
  // Advice is for next week: "¿qué llevó el 1002 en noviembre?" names a period that is over, so it
  // asks what the customer bought ("llevo" without accents reads as either).
  if (intent === 'recommend' && vocab.lastDay && entities.period && entities.period.to < vocab.lastDay) {
    intent = 'customer_history';
  }
  // Past buyers are in the data; "¿quién compra el 20230 la próxima semana?" asks for a prediction.
  if (
    intent === 'product_buyers' &&
    vocab.lastDay &&
    entities.period &&
    entities.period.from > vocab.lastDay
  ) {
    intent = 'likely_buyers';
  }
  let offset = 0;
  let usedContext = false;
  let more: MoreOf | undefined = guess.more ? 'nothing_before' : undefined;

  // A follow-up that asks nothing new repeats the previous question with what it changes; one that
  // asks something of its own ("¿y el 1002 es mayorista?", "¿y cuántos son?") is that question.
  // "¿Y el precio?" asks for data there is none of, not the previous question again.
  const missing = intent === 'unknown' ? missingDataAsked(text) : [];
  const bare = (intent === 'unknown' && missing.length === 0) || guess.byIdAlone === true;
  const saysLittle = text.split(' ').length <= 8;
  if (previous && guess.more) {
    intent = previous.intent;
    Object.assign(entities, { ...previous.entities, ...entities });
    // Whatever list was shown last (a ranking, the catalogue, returns, a weekday's customers …).
    const wasList = previous.list === true || LISTS.has(intent);
    offset = wasList ? previous.offset + previous.shown : 0;
    more = wasList ? 'next_rows' : 'not_a_list';
    usedContext = true;
  } else if (
    previous &&
    bare &&
    saysLittle &&
    takesIdsNamed(previous, entities, pending.length > 0) &&
    /^(?:y|e|and|what about|how about|now|ahora|tambien|also|lo mismo|same|para|for|con|with|en|in|del|de|el|la|los|las|y para|and for|y del|y de)\b/.test(
      text,
    ) &&
    (intent === 'unknown' || previous.intent !== 'unknown')
  ) {
    intent = previous.intent;
    const keep: ChatEntities = { ...previous.entities };
    // A new customer (or product) replaces the old one and what was specific to it.
    Object.assign(entities, { ...keep, ...entities });
    usedContext = true;
  }

  // "¿Y cuántos son?" after a list: the same question's customers or products counted, or its units.
  const counted =
    previous && !usedContext && found.bareIds.length === 0 && Object.keys(found.entities).length === 0
      ? countFollowUp(text, previous.intent)
      : undefined;
  if (previous && counted) {
    intent = counted;
    const { count: _shown, ...kept } = previous.entities;
    Object.assign(entities, kept);
    // A list without a period covered the last four weeks: its count covers them too.
    if (entities.period === undefined && vocab.lastDay && counted !== previous.intent) {
      entities.period = {
        from: addDays(vocab.lastDay, -27),
        to: vocab.lastDay,
        label: lang === 'es' ? 'las últimas 4 semanas' : 'the last 4 weeks',
      };
    }
    usedContext = true;
  }

  // Give pending numbers the role the intent needs (a customer, unless the intent is about products).
  for (const value of pending) {
    const wantsProduct =
      (NEEDS_PRODUCT.has(intent) || intent === 'explain_recommendation' || intent === 'lapsed_customers') &&
      entities.product_id === undefined &&
      (entities.customer_id !== undefined || !NEEDS_CUSTOMER.has(intent));
    if (wantsProduct) entities.product_id = value;
    else if (entities.customer_id === undefined) entities.customer_id = value;
    else if (entities.product_id === undefined) entities.product_id = value;
  }
  if (previous && usedContext && found.bareIds.length > 0 && found.entities.customer_id === undefined) {
    // "¿y el 1002?" after a customer question: the number is the customer.
    const role = previous.entities.customer_id !== undefined ? 'customer_id' : 'product_id';
    const other = role === 'customer_id' ? 'product_id' : 'customer_id';
    if (entities[other] === found.bareIds[0]!.value && previous.entities[other] !== found.bareIds[0]!.value) {
      entities[other] = previous.entities[other];
      entities[role] = found.bareIds[0]!.value;
    }
  }

  if (previous) {
    // "¿Y qué le vendo a los minimarkets?" after a customer's advice asks for that type, not the customer.
    const forAType = intent === 'recommend' && found.entities.customer_type !== undefined;
    if (
      NEEDS_CUSTOMER.has(intent) &&
      !forAType &&
      entities.customer_id === undefined &&
      previous.entities.customer_id !== undefined
    ) {
      entities.customer_id = previous.entities.customer_id;
      usedContext = true;
    }
    if (intent === 'explain_recommendation' && entities.product_id === undefined) {
      const first = previous.products[0] ?? previous.entities.product_id;
      if (first !== undefined) {
        entities.product_id = first;
        usedContext = true;
      }
    }
    // "¿Quién va a comprar productos de la marca X?" after a product asks about that brand, not the product.
    const forAKind = intent === 'likely_buyers' && namesCatalogFilter(found.entities);
    if (
      (NEEDS_PRODUCT.has(intent) || intent === 'prediction_drivers') &&
      !forAKind &&
      entities.product_id === undefined &&
      previous.entities.product_id !== undefined
    ) {
      entities.product_id = previous.entities.product_id;
      usedContext = true;
    }
  }
  // "¿qué marcas venden más?" ranks brands; "lo más vendido de la marca X" names one.
  if (
    (intent === 'top_products' || intent === 'movers' || intent === 'slow_movers') &&
    entities.brand === undefined &&
    /\b(?:marcas?|brands?)\b/.test(text)
  ) {
    entities.group_by = 'brand';
  }
  // "¿Qué categoría / envase / tamaño vende más?" ranks the values of that attribute: the split of
  // sales by it, largest first (brands have their own ranking above). The attribute's value named
  // ("bebidas carbonatadas") is a filter, not what is ranked; "los productos más vendidos de cada
  // categoría" still ranks products.
  const noun = attributeNoun(text);
  const valueNamed = noun !== undefined && entities[ATTRIBUTE_ENTITY[noun]] !== undefined;
  if (
    intent === 'top_products' &&
    noun !== undefined &&
    noun !== 'brand' &&
    !valueNamed &&
    !GROUP_RE.product.test(text)
  ) {
    intent = 'sales_share';
    entities.group_by = noun;
  }
  // "Mayoristas que no compraron el mes pasado": how many of them did not buy (a list of who
  // stopped is "¿quiénes dejaron de comprar?").
  if (
    asksNotBought(text) &&
    (intent === 'top_products' || intent === 'top_customers' || intent === 'unknown') &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    namesCustomersFirst(text, found.at.customer_type)
  ) {
    intent = 'count_customers';
  }
  // "¿Cuántas marcas / categorías hay?": the values of that attribute counted.
  if (intent === 'count_products' && noun !== undefined && noun !== 'customer_type' && !valueNamed) {
    entities.group_by = noun;
  }
  // "Clientes con menos pedidos / compras": the fewest orders first, not the fewest units.
  if (
    intent === 'small_customers' &&
    /\b(?:menos|pocos|pocas|fewest|fewer|less|least) (?:pedidos|ordenes|orders|compras|purchases|veces|times)\b/.test(
      text,
    )
  ) {
    entities.rank_by = 'orders';
  }
  // "Latas por marca" splits the cans by brand; "¿qué porcentaje de las ventas son latas?" asks the
  // share of cans.
  if (intent === 'sales_share') {
    const split = splitBy(text);
    const asked = askedAttribute(entities, found.at);
    if (split && (asked === undefined || split !== asked)) entities.group_by = split;
    else if (asked) entities.share_of = asked;
  }
  // "¿Qué tipo de clientes compran más latas?": the split of those sales by customer
  // type (after the share rules, which would read the cans as the share asked).
  if (intent === 'top_customers' && noun === 'customer_type' && entities.customer_type === undefined) {
    intent = 'sales_share';
    entities.group_by = 'customer_type';
  }
  // "Top sellers for convenience stores" ranks what they buy, "top minimarkets" the customers: a
  // type of customer names them without any customer noun, so the noun rules cannot tell.
  if (
    (intent === 'top_products' || intent === 'top_customers') &&
    !usedContext &&
    entities.customer_type !== undefined &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    entities.group_by === undefined
  ) {
    const subject = rankingSubjectOfType(
      text,
      filters.some((k) => k !== 'customer_type' && entities[k] !== undefined),
    );
    if (subject) intent = subject === 'products' ? 'top_products' : 'top_customers';
  }
  // "¿Qué van a comprar los mayoristas la próxima semana?": advice for that type of customer.
  if (
    asksTypeAhead(
      text,
      intent,
      entities,
      filters.some((k) => k !== 'customer_type' && entities[k] !== undefined),
    )
  )
    intent = 'recommend';
  // Risers unless the question asks what is falling ("¿qué productos caen más?").
  if (intent === 'movers' && GROUP_RE.falling.test(text)) entities.direction = 'down';
  // "Which customers bought less …?": the customers who fell.
  const customerMovers = guess.customerMovers === true && intent === 'movers';
  if (customerMovers && asksFallers(text)) entities.direction = 'down';
  // "… bought less than last month": last month is what the change is measured from.
  const since =
    customerMovers && entities.period && !entities.compare_to && vocab.lastDay
      ? periodSinceNamed(text, entities.period, vocab.lastDay, lang)
      : undefined;
  if (since && entities.period) {
    entities.compare_to = entities.period;
    entities.period = since;
  }
  if (intent === 'lapsed_customers') {
    const quiet = vocab.lastDay ? quietWindow(text, vocab.lastDay, lang) : undefined;
    if (quiet) entities.period = quiet;
    // Any product filter ("latas", "la marca X") narrows what they stopped buying.
    const ofProducts = filters.some((k) => k !== 'customer_type' && entities[k] !== undefined);
    entities.scope = entities.product_id !== undefined || ofProducts ? 'product' : 'all';
  }
  // "¿El 100026 es el mejor cliente?", "is 20012 our best seller?": the ranking the one named is
  // placed in, not its history or its card.
  const ifTop =
    !bar &&
    !usedContext &&
    (entities.customer_id === undefined) !== (entities.product_id === undefined) &&
    asksIfTop(text);
  if (ifTop) intent = entities.customer_id !== undefined ? 'top_customers' : 'top_products';
  // "What did 1002 buy last time?" asks what the last order held, not the summary of all of them
  // (even when "¿qué llevó …?" reads as advice); "¿cuándo fue su última compra?" asks only when.
  const lastOrder =
    entities.customer_id !== undefined &&
    entities.product_id === undefined &&
    LAST_ORDER_INTENTS.has(intent) &&
    asksLastOrder(text);
  if (lastOrder) intent = 'customer_history';
  // "Compare product 1370 and 11262", "¿qué se vende más, el 1370 o el 11262?": both, side by side.
  // "Compare Coca-Cola and Pepsi last month", "¿qué vende más, la marca A o la marca B?": two
  // brands, whose sales are ranked side by side.
  const compared =
    !bar && !usedContext ? (comparedIds(text, vocab) ?? comparedBrands(text, vocab)) : undefined;
  if (compared?.side === 'brands') {
    intent = 'top_products';
    // The brands are what is compared, not a filter; a number in a brand's name is no count.
    delete entities.brand;
    delete entities.count;
    delete entities.group_by;
  } else if (compared) {
    const [first, second] = compared.ids;
    const [own, other] =
      compared.side === 'products'
        ? (['product_id', 'customer_id'] as const)
        : (['customer_id', 'product_id'] as const);
    intent = compared.side === 'products' ? 'product_info' : 'customer_history';
    entities[own] = first;
    // A number the data knows as both kinds may have been given the other role.
    if (entities[other] === first || entities[other] === second) delete entities[other];
  }
  // "¿Qué dejó de pedir el 1002?", "what did 1002 skip this week?": its usual products left out.
  const skipped =
    !lastOrder &&
    !compared &&
    !bar &&
    entities.customer_id !== undefined &&
    entities.product_id === undefined &&
    asksSkipped(text);
  if (skipped) intent = 'customer_history';
  // "¿Qué productos compró el 1002 en noviembre?": the products listed, not the summary of orders.
  const productsBought =
    !lastOrder &&
    !skipped &&
    !compared &&
    !bar &&
    intent === 'customer_history' &&
    entities.customer_id !== undefined &&
    entities.product_id === undefined &&
    asksCustomerProducts(text, entities.period !== undefined);
  // "¿Qué clientes compran el 1370 pero no el 1304?": an offer list; "what else do buyers of 1370
  // buy?": the other products of its buyers.
  const oneProduct = entities.product_id !== undefined && entities.customer_id === undefined && !compared;
  const excluded = oneProduct ? excludedProduct(text, vocab.productIds, entities.product_id!) : undefined;
  if (excluded !== undefined) intent = 'product_buyers';
  const alsoBought = oneProduct && excluded === undefined && !usedContext && !bar && asksAlsoBought(text);
  if (alsoBought) intent = 'top_products';
  // "List products in the KEG package", "what sizes does brand 34 sell?": the catalogue itself,
  // not its sales (a value of the attribute named is a filter, the attribute alone what is listed).
  const attributeAsked = noun !== undefined && noun !== 'customer_type' && !valueNamed;
  const catalogue =
    !usedContext &&
    !bar &&
    !compared &&
    asksCatalogue(
      text,
      {
        hasFilter: filters.some((k) => k !== 'customer_type' && entities[k] !== undefined),
        namesCustomerOrProduct: entities.customer_id !== undefined || entities.product_id !== undefined,
        hasCustomerType: entities.customer_type !== undefined,
      },
      attributeAsked,
    );
  if (catalogue) {
    intent = 'count_products';
    entities.size_litres ??= sizeAfterPackage(text);
    if (entities.size_litres === undefined) delete entities.size_litres;
    if (attributeAsked) entities.group_by = noun;
    else delete entities.group_by;
  }
  // "¿Cuántas devoluciones hubo el último mes?", "which customers return the most?": returns, the
  // period's total or those who returned most (a model or pipeline question keeps its answer).
  const returnsBy =
    !usedContext && !compared && !catalogue && !OPERATIONS.has(intent) ? returnsAsked(text) : undefined;
  if (returnsBy) intent = RETURNS_INTENT[returnsBy];
  // "Which customers order on mondays?": a weekday as a habit, with customers as the subject.
  const onWeekday =
    !usedContext && !returnsBy && entities.customer_id === undefined && entities.product_id === undefined
      ? weekdayNamed(text)
      : undefined;
  const customersOnWeekday =
    onWeekday !== undefined && (GROUP_RE.customer.test(text) || /\b(?:quien(?:es)?|who)\b/.test(text));
  if (customersOnWeekday) {
    intent = 'top_customers';
    // The day named is every such weekday, not one date.
    if (entities.period && entities.period.from === entities.period.to) delete entities.period;
  }
  // "¿Qué día de la semana se vende más?": the sales split by weekday.
  const weekdaySplit =
    !usedContext && !returnsBy && !customersOnWeekday && !OPERATIONS.has(intent) && asksWeekdaySplit(text);
  if (weekdaySplit) {
    intent = 'sales_share';
    // "Día de la semana" names no week: the period is what the rest of the question says.
    const rest = text.replace(/\bdias? de la semana\b/g, ' ');
    if (rest !== text) {
      const { period, compare_to } = extractEntities(rest, vocab, lang).entities;
      if (period) entities.period = period;
      else delete entities.period;
      if (compare_to) entities.compare_to = compare_to;
      else delete entities.compare_to;
    }
  }
  // "Promedio por semana", "average units per week of 1002": the period's weekly average, not an
  // average per order nor the weeks listed.
  const weeklyAverage =
    !usedContext &&
    !bar &&
    !returnsBy &&
    !compared &&
    !catalogue &&
    WEEKLY_AVERAGE_INTENTS.has(intent) &&
    asksWeeklyAverage(text);
  if (weeklyAverage) intent = 'sales_trend';
  // "Clientes que compran el 20036 todas las semanas", "who buys brand X every week?": those who bought
  // in most of the recent weeks, not the latest buyers nor the likely ones.
  const regularBuyers =
    !usedContext &&
    !bar &&
    !returnsBy &&
    !compared &&
    !catalogue &&
    !customersOnWeekday &&
    !weekdaySplit &&
    !weeklyAverage &&
    excluded === undefined &&
    entities.customer_id === undefined &&
    REGULAR_BUYERS_INTENTS.has(intent) &&
    asksRegularBuyers(text);
  if (regularBuyers) intent = entities.product_id !== undefined ? 'product_buyers' : 'top_customers';
  // "¿Qué cliente compra más cerveza?" with no beer in the catalogue: ranking everything instead
  // would answer another question, so the missing kind is said (a follow-up keeps its own reading).
  const absent = usedContext ? undefined : kindNotInCatalogue(text, vocab);
  if (absent) intent = 'unknown';
  const howMany = asksHowMany(text);
  // "¿Cuántos clientes compran más de 100 unidades?": who or what passes the bar decides the tool;
  // "¿y con más de 50?" after such a question keeps its subject.
  const barSubject = bar
    ? (thresholdSubject(text, bar.threshold, entities, found.at) ??
      (usedContext ? THRESHOLD_SUBJECT_OF[intent] : undefined))
    : undefined;
  // "¿El 1002 compró más de 50 unidades el mes pasado?": a yes or no on that customer's history.
  if (bar && !barSubject && intent === 'customer_history' && entities.customer_id !== undefined) {
    entities.threshold = bar.threshold;
  }
  if (bar && barSubject) {
    intent = thresholdIntent(
      barSubject,
      bar.threshold,
      howMany || intent === 'count_customers' || intent === 'count_products',
    );
    entities.threshold = bar.threshold;
  }
  // "Show more" asks the previous question again, further down its list: what it asked beyond its
  // intent and entities is the previous question's, not read from "más porfa".
  if (more === 'next_rows' && previous)
    return { intent, entities, offset, usedContext, more, ...(previous.flags ?? {}) };
  return {
    intent,
    entities,
    offset,
    usedContext,
    ...(lastOrder ? { lastOrder: true } : {}),
    ...(guess.alerts && intent === 'drift_status' ? { asksAlerts: true } : {}),
    ...(guess.digest && intent === 'compare_periods' ? { digest: true } : {}),
    ...(guess.dataCoverage && intent === 'last_batch' ? { dataCoverage: true } : {}),
    ...(customerMovers ? { customerMovers: true } : {}),
    ...(productsBought ? { productsBought: true } : {}),
    ...(skipped ? { skipped: true } : {}),
    ...(catalogue ? { catalogue: true } : {}),
    ...(returnsBy ? { returnsBy } : {}),
    ...(weekdaySplit ? { weekdaySplit: true } : {}),
    ...(weeklyAverage ? { weeklyAverage: true } : {}),
    ...(regularBuyers ? { regularBuyers: true } : {}),
    ...(customersOnWeekday ? { onWeekday } : {}),
    ...(alsoBought ? { alsoBought: true } : {}),
    ...(excluded !== undefined ? { excludedProduct: excluded } : {}),
    ...(compared ? { compared } : {}),
    ...(absent ? { notInCatalogue: absent } : {}),
    ...(more ? { more } : {}),
    ...(ifTop ? { asksIfTop: true } : {}),
    ...(missing.length > 0 ? { missing } : {}),
    ...(howMany ? { howMany: true } : {}),
    ...(asksNotBought(text) ? { notBought: true } : {}),
    ...(intent === 'sales_trend' &&
    !weeklyAverage &&
    (barSubject === 'total' || asksPeriodTotal(text, entities.period !== undefined))
      ? { periodTotal: true }
      : {}),
    ...(found.customerText ? { customerText: found.customerText } : {}),
    ...(found.productText ? { productText: found.productText } : {}),
  };
}
