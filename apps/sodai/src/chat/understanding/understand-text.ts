import type { ChatIntent, Lang } from '../../contract/api.ts';
import type { TurnMemory } from '../conversation.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { extractEntities } from './entities.ts';
import { classifyIntent } from './intents.ts';
import { GROUP_RE } from './intent-words.ts';
import { asksHowMany } from './how-many.ts';
import { asksNotBought } from './not-bought.ts';
import { asksNotBoughtYet } from './not-bought-yet.ts';
import { asksWeeksWithoutSales } from './weeks-without-sales-words.ts';
import { topOneOverTime } from './top-one-words.ts';
import { boughtButNotBy } from './bought-but-not-by-words.ts';
import { asksBoughtNotBefore } from './bought-not-before-words.ts';
import { withoutPeriods } from './periods.ts';
import { asksLargestOrders } from './largest-orders-words.ts';
import { asksActiveCustomers } from './active-customers-words.ts';
import { asksRepeatRate } from './repeat-rate-words.ts';
import { buyersChangeAsked } from './buyers-change-words.ts';
import { buyersRankingAsked } from './buyers-ranking-words.ts';
import { asksPeriodTotal } from './period-total.ts';
import { changeAsked } from './change-asked-words.ts';
import { kindsRankedTogether, twoKindsBought } from './two-kinds-words.ts';
import { asksRegularsWhoSkipped } from './regulars-skipped-words.ts';
import { findThreshold } from './threshold.ts';
import { thresholdIntent, thresholdSubject } from './threshold-intent.ts';
import { rankingGrain } from './ranking-grain.ts';
import { quietWindow } from './quiet-window.ts';
import { rankingSubjectOfType } from './ranking-subject.ts';
import { asksIfTop } from './is-top-question.ts';
import { asksLastOrder } from './last-order.ts';
import { asksFallers, periodSinceNamed } from './customer-movers.ts';
import { askedWhatHeTook, asksCustomerProducts } from './customer-products.ts';
import { asksSkipped } from './skipped-words.ts';
import { asksNewToCustomer } from './new-to-customer-words.ts';
import { asksCustomersOfType, asksWhoDidNotBuy } from './customers-of-a-type.ts';
import { asksCatalogue, sizeAfterPackage } from './catalogue-question.ts';
import { returnsAsked } from './returns-words.ts';
import { asksShareOfBuyers } from './share-of-buyers-words.ts';
import { asksCustomersDays, asksWeekdaySplit, weekdayNamed, weekdayRanking } from './weekday-words.ts';
import { asksHowMuch, asksWeeklyAverage } from './weekly-average-words.ts';
import { peakAsked } from './peak-period-words.ts';
import { asksWhetherToCall, asksWhomToCall, contactAsked } from './call-list-words.ts';
import { asksRejectedBatch } from './rejected-batch-words.ts';
import { predictionRunAsked } from './prediction-run-words.ts';
import { asksRetrainCount } from './retrain-count-words.ts';
import { asksBatchesLoaded } from './batches-loaded-words.ts';
import { refusalFollowUp } from './refusal-follow-up.ts';
import { asksWhatChanged } from './what-changed-words.ts';
import { monthlyLeadersAsked } from './monthly-leaders-words.ts';
import { monthlySplitAsked } from './monthly-split-words.ts';
import { onlyNamesAKind } from './bare-kind.ts';
import { namesCatalogFilter } from './names-a-kind.ts';
import { runsAsked } from './runs-asked-words.ts';
import { asksNeverSold } from './never-sold-words.ts';
import { comparedValues, valuesTogether } from './compared-values.ts';
import { buyingTrendAsked } from './buying-trend-words.ts';
import { asksAboutTheGate } from './retrain-words.ts';
import { asksAgainstTheRules } from './against-rules-words.ts';
import { asksEveryWeek, asksRegularBuyers } from './regular-buyers-words.ts';
import { asksLostInPeriod } from './lost-in-period.ts';
import {
  asksAlsoBought,
  asksPairsBoughtTogether,
  excludedProduct,
  productLeftOutOfOffer,
} from './cross-sell.ts';
import { customersRankedByOrders } from './ranked-by-orders.ts';
import { perCustomerAsked, perCustomerSpan } from './per-customer-words.ts';
import { asksRelativeGrowth } from './relative-growth-words.ts';
import { ATTRIBUTE_ENTITY, splitBy } from './share-of.ts';
import { buyersButNotAsked } from './buyers-but-not-words.ts';
import { onlyBuyersAsked } from './only-buyers-words.ts';
import { asksTypeAhead } from './customer-type-ahead.ts';
import { comparedBrands, comparedIds } from './comparison.ts';
import { kindNotInCatalogue } from './product-kind-words.ts';
import { asksSpending, missingDataAsked } from './missing-data-words.ts';
import { asksDataGaps } from './data-gaps-words.ts';
import { givePendingRoles, idsFromPrevious } from './follow-up-ids.ts';
import { readFollowUp } from './follow-up.ts';
import { asksByMonth, BY_MONTH_INTENTS } from './by-month-words.ts';
import { placeAlone } from './place-alone.ts';
import { placeNamed, placesRanked, type PlaceGrain } from './place-words.ts';
import {
  LAST_ORDER_INTENTS,
  OPERATIONS,
  REGULAR_BUYERS_INTENTS,
  RETURNS_INTENT,
  THRESHOLD_SUBJECT_OF,
  WEEKLY_AVERAGE_INTENTS,
} from './intent-groups.ts';
import { asksLitres } from './litres-words.ts';
import { withOrdinalReferent } from './ordinal-referent.ts';
import { flagsAFollowUpKeeps, type QuestionFlags } from './question-flags.ts';
import type { Understanding, WritableEntities } from './understanding.ts';

/** "¿Qué …?", "what …": what is bought is asked, not whether. */
const ASKS_WHAT = /\b(?:que|what|which|cuales?)\b/;

/**
 * One question, without courtesy and not cut in two: its entities and intent, what a follow-up takes
 * from the previous turn, and what it asks beyond them (its QuestionFlags).
 *
 * @example
 * understandText('top 5 productos', vocab, 'es', undefined).intent; // 'top_products'
 */
export function understandText(
  asked: string,
  vocab: Vocabulary,
  lang: Lang,
  previous: TurnMemory | undefined,
): Understanding {
  // "¿Qué compra el primero?" after a list: the one in that place, as if named.
  const pointed = previous ? withOrdinalReferent(asked, previous, lang) : asked;
  // "Top 3 clientes de la región 2": the region is a filter, and its number no count or id.
  const placed = placeNamed(pointed);
  const alone = placed ? placeAlone(placed.text, placed.place, previous) : undefined;
  if (alone) return alone;
  const question = placed?.text ?? pointed;
  // "Más de 100 unidades": a bar, whose number is no id or count; the rest is read without it.
  const bar = findThreshold(question, (n) => vocab.customerIds.has(n) || vocab.productIds.has(n));
  const text = bar ? bar.text : question;
  const found = extractEntities(text, vocab, lang);
  const entities: WritableEntities = { ...found.entities };

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
  // "¿Y qué hago?", "which rows?" after a refused batch was explained: that refusal, what to do about
  // it or its rows, not a question of its own (which would name something, or ask about sales).
  const refusalFocus = previous
    ? refusalFollowUp(
        text,
        previous,
        !bar &&
          !placed &&
          found.bareIds.length === 0 &&
          Object.keys(found.entities).length === 0 &&
          // "¿Y por qué?" reads as explaining advice, "¿qué hago?" as advice: neither names whom.
          ['unknown', 'last_batch', 'recommend', 'explain_recommendation'].includes(intent),
      )
    : undefined;
  if (refusalFocus)
    return {
      intent: 'last_batch',
      entities: {},
      offset: 0,
      usedContext: true,
      rejectedBatch: true,
      refusalFocus,
    };
  // Advice is for next week: "¿qué llevó el 1002 en noviembre?" names a period that is over, so it
  // asks what the customer bought ("llevo" without accents reads as either); so does a period the
  // data end in ("¿qué productos llevó el 1002 en diciembre?"), unless it is taken to him.
  if (
    intent === 'recommend' &&
    vocab.lastDay &&
    entities.period &&
    (entities.period.to < vocab.lastDay || (entities.period.from <= vocab.lastDay && askedWhatHeTook(text)))
  ) {
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
  // A follow-up that asks nothing new repeats the previous question with what it changes; one that
  // asks something of its own ("¿y el 1002 es mayorista?", "¿y cuántos son?") is that question.
  // "¿Y el precio?" asks for data there is none of, not the previous question again.
  const missing = intent === 'unknown' ? missingDataAsked(text) : [];
  const bare = (intent === 'unknown' && missing.length === 0) || guess.byIdAlone === true;
  const followUp = previous
    ? readFollowUp(text, guess, { intent, bare }, entities, found, pending, previous, vocab, lang)
    : { intent, offset: 0, usedContext: false, ...(guess.more ? { more: 'nothing_before' as const } : {}) };
  intent = followUp.intent;
  const offset = followUp.offset;
  let usedContext = followUp.usedContext;
  const more = followUp.more;

  // Give pending numbers the role the intent needs (a customer, unless the intent is about products).
  givePendingRoles(pending, intent, entities);
  if (previous && usedContext && found.bareIds.length > 0 && found.entities.customer_id === undefined) {
    // "¿y el 1002?" after a customer question: the number is the customer.
    const role = previous.entities.customer_id !== undefined ? 'customer_id' : 'product_id';
    const other = role === 'customer_id' ? 'product_id' : 'customer_id';
    if (entities[other] === found.bareIds[0]!.value && previous.entities[other] !== found.bareIds[0]!.value) {
      entities[other] = previous.entities[other];
      entities[role] = found.bareIds[0]!.value;
    }
  }

  if (previous && idsFromPrevious(intent, entities, found.entities, previous)) usedContext = true;
  const { noun, valueNamed, ...grain } = rankingGrain(text, intent, entities, found.at);
  // "Margen por marca" asks margins split by brand: no split of units answers it, the missing data
  // is said instead.
  intent = missing.length > 0 ? 'unknown' : grain.intent;
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
  // "¿Qué marcas crecieron más en porcentaje?", "fastest growing products": the movers ranked by
  // their change relative to before (units gained put big sellers first, and "fastest" read as no
  // ranking at all).
  const growthInPercent =
    !usedContext &&
    !bar &&
    guess.customerMovers !== true &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    !OPERATIONS.has(intent) &&
    asksRelativeGrowth(text);
  if (growthInPercent) {
    intent = 'movers';
    if (entities.brand === undefined && /\b(?:marcas?|brands?)\b/.test(text)) entities.group_by = 'brand';
    else if (entities.group_by !== 'brand') delete entities.group_by;
    delete entities.share_of;
  }
  // Risers unless the question asks what is falling ("¿qué productos caen más?").
  if (intent === 'movers' && GROUP_RE.falling.test(text)) entities.direction = 'down';
  // "¿Qué marca perdió más clientes?", "which products gained the most buyers?": brands (or products
  // …) ranked by the change in their buyers, not the customers who bought less nor the lapsed ones.
  const buyersMoved =
    !usedContext &&
    !bar &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    !OPERATIONS.has(intent)
      ? buyersChangeAsked(text)
      : undefined;
  if (buyersMoved) {
    intent = 'movers';
    entities.direction = buyersMoved.direction;
    delete entities.group_by;
    delete entities.share_of;
    delete entities.scope;
  }
  // "¿Qué producto tiene más clientes?", "which brand has the fewest buyers?": products (brands …)
  // ranked by how many customers bought them, not by units nor a refusal.
  const buyersRanked =
    !buyersMoved &&
    !usedContext &&
    !bar &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    !OPERATIONS.has(intent)
      ? buyersRankingAsked(text)
      : undefined;
  if (buyersRanked) {
    intent = 'top_products';
    delete entities.group_by;
    delete entities.share_of;
    delete entities.direction;
    delete entities.rank_by;
  }
  // "Which customers bought less …?": the customers who fell.
  const customerMovers = !buyersMoved && guess.customerMovers === true && intent === 'movers';
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
  // "Clientes que no han comprado este mes", "¿quiénes todavía no compran?": bought before and not
  // so far, as "customers who haven't bought this month" reads, not a count of everyone registered.
  if (
    !usedContext &&
    !bar &&
    NOT_YET_INTENTS.has(intent) &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    (entities.customer_type !== undefined || GROUP_RE.customer.test(text) || GROUP_RE.who.test(text)) &&
    !GROUP_RE.product.test(text) &&
    asksNotBoughtYet(text, entities.period, vocab.lastDay)
  )
    intent = 'lapsed_customers';
  // "¿En qué semanas no se vendieron latas?", "weeks with no sales of 1370": the weeks without sales
  // of what is named, not its slowest products nor its trend (with nothing named: the data's gaps;
  // a customer's weeks without buying are read as what he skipped).
  const weeksWithoutSales =
    !usedContext &&
    !bar &&
    !OPERATIONS.has(intent) &&
    entities.customer_id === undefined &&
    (filters.some((k) => entities[k] !== undefined) || entities.product_id !== undefined) &&
    asksWeeksWithoutSales(text);
  if (weeksWithoutSales) intent = 'sales_trend';
  // "Ventas de la marca más vendida por semana", "weekly sales of the best-selling brand": the trend
  // of the one that sells most (found by the tool), not all sales nor the ranking of brands.
  const ofTopOne =
    !usedContext &&
    !bar &&
    !weeksWithoutSales &&
    !OPERATIONS.has(intent) &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    entities.brand === undefined
      ? topOneOverTime(text)
      : undefined;
  if (ofTopOne) {
    intent = 'sales_trend';
    delete entities.group_by;
    delete entities.count;
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
  // "¿El 181101 está comprando menos?", "is customer 188331 buying more?": yes or no on his units
  // against the period before, not his whole history.
  const buyingTrend =
    !compared &&
    !bar &&
    !usedContext &&
    !OPERATIONS.has(intent) &&
    entities.compare_to === undefined &&
    // A product's "¿se está vendiendo menos?" is its weekly trend, which already says so.
    entities.customer_id !== undefined &&
    entities.product_id === undefined
      ? buyingTrendAsked(text)
      : undefined;
  if (buyingTrend) intent = 'compare_periods';
  // "Ventas de latas vs botellas", "¿restaurantes o mayoristas, quién compra más?": two values of
  // one attribute side by side, neither of them a filter of the other.
  // "Latas y botellas de la marca 24": both values of a sales question, not the last one alone.
  const values =
    !compared && !bar && !usedContext && !OPERATIONS.has(intent)
      ? (comparedValues(text, vocab, lang) ??
        (intent === 'unknown' || intent === 'sales_trend' || intent === 'order_size'
          ? valuesTogether(text, vocab, lang)
          : undefined))
      : undefined;
  // "¿Cuántos clientes compran latas y botellas?", "¿qué clientes compran cerveza o gaseosa?": the
  // customers of both kinds (or either), and of each alone; not the kind named last alone.
  const twoKinds =
    !values &&
    !bar &&
    !usedContext &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    (intent === 'count_customers' || intent === 'top_customers' || intent === 'product_buyers')
      ? twoKindsBought(text, vocab, lang)
      : undefined;
  if (twoKinds) {
    intent = 'count_customers';
    delete entities[twoKinds.attribute];
  }
  // "Los mejores clientes de latas y botellas": the ranking is over both kinds, not the last one.
  const kindsTogether =
    !twoKinds && !values && !bar && !usedContext && (intent === 'top_customers' || intent === 'top_products')
      ? kindsRankedTogether(text, vocab, lang)
      : undefined;
  if (kindsTogether) delete entities[kindsTogether.attribute];
  // "Average units per order for wholesalers vs restaurants": each one's order size, side by side;
  // any other question of two values, their sales.
  if (values) {
    if (intent !== 'order_size') intent = 'top_products';
    delete entities[values.attribute];
    delete entities.group_by;
  }
  // "¿Cuántas predicciones hizo la última corrida?", "¿qué modelo predijo la semana del 16 de
  // diciembre?": what the weekly runs predicted and with which model, not the model's advice for
  // anyone nor the champion of today (a customer, product or kind named is a prediction of theirs).
  const predictionRun =
    !usedContext &&
    !bar &&
    !compared &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    pending.length === 0 &&
    !filters.some((k) => entities[k] !== undefined)
      ? predictionRunAsked(text, entities.period !== undefined)
      : undefined;
  if (predictionRun) intent = predictionRun === 'model' ? 'model_info' : 'pipeline_last_run';
  // "¿Qué productos nunca se vendieron?": the catalogue's products with no sale at all, not the
  // slowest of a period nor the weekly trend (one customer's never-bought products are advice).
  const neverSold =
    !usedContext &&
    !bar &&
    !compared &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    entities.customer_type === undefined &&
    !OPERATIONS.has(intent) &&
    asksNeverSold(text);
  if (neverSold) {
    intent = 'slow_movers';
    // Never is all the data: a period word ("nunca este año") is not what is asked.
    delete entities.period;
  }
  // "¿Qué compró el 1002 la semana pasada que no compró la anterior?": the period's products not
  // bought in the period before, not his usual products left out nor what he never bought.
  const boughtNotBefore =
    !usedContext &&
    !lastOrder &&
    !compared &&
    !bar &&
    entities.customer_id !== undefined &&
    entities.product_id === undefined &&
    entities.period !== undefined &&
    !OPERATIONS.has(intent) &&
    asksBoughtNotBefore(text, entities.compare_to !== undefined);
  if (boughtNotBefore) intent = 'customer_history';
  // "¿Qué le puedo vender al 1002 que no compre?", "what's new for 1002?": products he does not
  // buy yet, not the usual offer of what he does (nor, when an offer is asked, what he skipped).
  const newToCustomer =
    !boughtNotBefore &&
    !lastOrder &&
    !compared &&
    !bar &&
    entities.customer_id !== undefined &&
    entities.product_id === undefined &&
    asksNewToCustomer(text, entities.period !== undefined);
  if (newToCustomer) intent = 'recommend';
  // "¿Qué dejó de pedir el 1002?", "what did 1002 skip this week?": its usual products left out.
  const skipped =
    !boughtNotBefore &&
    !newToCustomer &&
    !lastOrder &&
    !compared &&
    !bar &&
    entities.customer_id !== undefined &&
    entities.product_id === undefined &&
    asksSkipped(text);
  if (skipped) intent = 'customer_history';
  // "¿Qué productos compró el 1002 en noviembre?": the products listed, not the summary of orders.
  const productsBought =
    !boughtNotBefore &&
    !lastOrder &&
    !skipped &&
    !compared &&
    !bar &&
    intent === 'customer_history' &&
    entities.customer_id !== undefined &&
    entities.product_id === undefined &&
    asksCustomerProducts(vocab.lastDay ? withoutPeriods(text, vocab.lastDay, lang) : text);
  // "¿Qué clientes compran el 1370 pero no el 1304?": an offer list; "what else do buyers of 1370
  // buy?": the other products of its buyers.
  const oneProduct = entities.product_id !== undefined && entities.customer_id === undefined && !compared;
  const excluded = oneProduct ? excludedProduct(text, vocab.productIds, entities.product_id!) : undefined;
  if (excluded !== undefined) intent = 'product_buyers';
  // "¿Qué le ofrezco al 181101 que no sea el 1370?": his offer without that product, not its case.
  const offerExcept =
    entities.customer_id !== undefined && entities.product_id !== undefined && !usedContext
      ? productLeftOutOfOffer(text, entities.product_id)
      : undefined;
  if (offerExcept !== undefined) {
    intent = 'recommend';
    delete entities.product_id;
  }
  // "Clientes que compran la marca 24 pero no la 34": the same offer list, a brand on either side.
  const butNot =
    excluded === undefined && entities.customer_id === undefined && !compared && !usedContext
      ? (buyersButNotAsked(text, vocab, lang) ?? onlyBuyersAsked(text, vocab, lang))
      : undefined;
  if (butNot) {
    intent = 'product_buyers';
    // What each side names is read from the side; the whole question's reading mixed both.
    for (const key of ['brand', 'product_id', 'package', 'category', 'sub_category', 'segment'] as const)
      delete entities[key];
    const bought = butNot.bought;
    if ('brand' in bought) entities.brand = bought.brand;
    else if ('product' in bought) entities.product_id = bought.product;
    else if ('attribute' in bought) entities[bought.attribute] = bought.value;
    // "Pero no la 34" names a brand, not how many to list.
    const count = entities.count === undefined ? undefined : new RegExp(`\\b${entities.count}\\b`);
    if (count?.test(text.slice(butNot.excludedAt)) && !count.test(text.slice(0, butNot.excludedAt)))
      delete entities.count;
    // "Clientes de la 24 que no llevan la 34": the 24 is the brand bought, not how many to list.
    if (entities.count !== undefined && entities.count === butNot.brandNumber) delete entities.count;
  }
  const alsoBought = oneProduct && excluded === undefined && !usedContext && !bar && asksAlsoBought(text);
  if (alsoBought) intent = 'top_products';
  // "¿Qué productos se compran juntos?": the pairs most often in one order, with no product named.
  const pairsTogether =
    entities.product_id === undefined &&
    entities.customer_id === undefined &&
    !usedContext &&
    !bar &&
    !OPERATIONS.has(intent) &&
    asksPairsBoughtTogether(text);
  if (pairsTogether) intent = 'top_products';
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
  const weekday =
    !usedContext && !returnsBy && entities.product_id === undefined ? weekdayNamed(text) : undefined;
  const onWeekday = entities.customer_id === undefined ? weekday : undefined;
  // "¿Qué compra el 181101 los lunes?": the products one customer buys on that weekday, ranked.
  const customerOnWeekday =
    weekday !== undefined &&
    entities.customer_id !== undefined &&
    (intent === 'customer_history' || intent === 'top_products') &&
    ASKS_WHAT.test(text);
  if (customerOnWeekday) {
    intent = 'top_products';
    if (entities.period && entities.period.from === entities.period.to) delete entities.period;
  }
  const customersOnWeekday =
    onWeekday !== undefined && (GROUP_RE.customer.test(text) || /\b(?:quien(?:es)?|who)\b/.test(text));
  if (customersOnWeekday) {
    intent = 'top_customers';
    // The day named is every such weekday, not one date.
    if (entities.period && entities.period.from === entities.period.to) delete entities.period;
  }
  // "¿Qué productos se venden más los lunes?", "best-selling brands on fridays": the ranking of that
  // weekday's sales, not of every day's (splits by another attribute and lists of other kinds keep
  // their own reading).
  const soldOnWeekday =
    onWeekday !== undefined &&
    !customersOnWeekday &&
    !bar &&
    intent === 'top_products' &&
    (entities.group_by === undefined || entities.group_by === 'brand') &&
    !values &&
    !compared &&
    !alsoBought;
  if (soldOnWeekday && entities.period && entities.period.from === entities.period.to) delete entities.period;
  // "¿El cliente 1002 suele comprar los lunes?", "which day does 1002 order?": that customer's
  // weekdays, with a yes or no on the day named ("¿qué le ofrezco al 1002 los lunes?" is advice).
  const customerWeekday =
    !usedContext &&
    !returnsBy &&
    !lastOrder &&
    !skipped &&
    !productsBought &&
    !compared &&
    !bar &&
    entities.customer_id !== undefined &&
    entities.product_id === undefined &&
    intent !== 'recommend' &&
    !OPERATIONS.has(intent) &&
    asksCustomersDays(text);
  const askedWeekday = customerWeekday ? weekdayNamed(text) : undefined;
  if (askedWeekday !== undefined && entities.period && entities.period.from === entities.period.to)
    delete entities.period;
  // "¿A qué clientes debería llamar hoy?", "who should I call this week?": a call list, whose week
  // is the one the data end in ("hoy" and "this week" name no period of sales).
  const callList =
    !usedContext &&
    !bar &&
    !returnsBy &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    !OPERATIONS.has(intent) &&
    asksWhomToCall(text);
  if (callList) {
    intent = 'top_customers';
    delete entities.period;
  }
  // "¿Debería llamar al 1002?", "should I call customer 1002 today?": yes or no on that customer by
  // the call list's rule (advice for the call, "¿qué le ofrezco cuando lo llame?", stays advice).
  const callVerdict =
    !usedContext &&
    !bar &&
    !returnsBy &&
    !compared &&
    entities.customer_id !== undefined &&
    entities.product_id === undefined &&
    intent !== 'recommend' &&
    intent !== 'explain_recommendation' &&
    !OPERATIONS.has(intent) &&
    asksWhetherToCall(text);
  if (callVerdict) {
    intent = 'customer_history';
    delete entities.period;
  }
  // "¿Qué día de la semana se vende más?": the sales split by weekday.
  const weekdaySplit =
    customerWeekday ||
    (!usedContext &&
      !returnsBy &&
      !customersOnWeekday &&
      !callList &&
      !OPERATIONS.has(intent) &&
      asksWeekdaySplit(text));
  if (weekdaySplit) {
    intent = 'sales_share';
    const { byOrders, fewest } = weekdayRanking(text);
    if (byOrders) entities.rank_by = 'orders';
    if (fewest) entities.direction = 'down';
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
  // "¿Qué porcentaje de los clientes compró en diciembre?": the buyers counted against those
  // registered, not the sales split (which "porcentaje" and "compró" would otherwise ask for).
  const shareOfBuyers =
    !usedContext &&
    !weekdaySplit &&
    !OPERATIONS.has(intent) &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    asksShareOfBuyers(text);
  if (shareOfBuyers) {
    intent = 'count_customers';
    delete entities.share_of;
    delete entities.group_by;
  }
  // "¿Cuántos litros se vendieron en diciembre?", "volumen en litros de la marca 24": the period's
  // total in litres (a customer's too), which no other tool measures.
  const inLitres =
    !usedContext &&
    entities.compare_to === undefined &&
    (intent === 'sales_trend' || intent === 'unknown' || intent === 'customer_history') &&
    asksLitres(text);
  if (inLitres) intent = 'sales_trend';
  // "¿Cuántos clientes activos tenemos?": those who bought lately (the period named, or the last
  // weeks), against the registered, not the registered and the ever-bought alone. "¿Qué porcentaje
  // de clientes están activos?" asks the same share, not the registered split by type.
  const activeCustomers =
    !usedContext &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    (intent === 'count_customers' ||
      intent === 'customer_mix' ||
      (intent === 'unknown' && (GROUP_RE.customer.test(text) || entities.customer_type !== undefined))) &&
    asksActiveCustomers(text);
  if (activeCustomers) intent = 'count_customers';
  // "¿Cuál es la tasa de recompra del producto 1370?", "repeat purchase rate of cans": how many of its
  // buyers bought it again, not its weekly sales (one customer's buying again is his history).
  const repeatRate =
    !usedContext &&
    !OPERATIONS.has(intent) &&
    entities.customer_id === undefined &&
    !inLitres &&
    asksRepeatRate(text);
  if (repeatRate) intent = 'product_buyers';
  // "¿Cuál es el pedido más grande del mes?", "biggest orders last week": the orders themselves,
  // ranked by units, not the best-selling products that "más grande" and "biggest" read as.
  const largestOrders = !usedContext && !OPERATIONS.has(intent) && !inLitres && asksLargestOrders(text);
  if (largestOrders) intent = 'order_size';
  // "Average order size by customer type", "tamaño de pedido por envase": each value's order size,
  // not one figure for all.
  if (intent === 'order_size' && entities.customer_id === undefined && entities.product_id === undefined) {
    const split = splitBy(text);
    if (split && entities[ATTRIBUTE_ENTITY[split]] === undefined) entities.group_by = split;
  }
  // A question already read as a follow-up, a bar, returns, a comparison or a catalogue question:
  // the readings below leave it alone.
  const readBefore =
    usedContext || Boolean(bar) || Boolean(returnsBy) || Boolean(compared) || Boolean(catalogue);
  // "¿Cuántas unidades compra en promedio cada cliente?", "average units per customer last month":
  // units over the customers who bought, not per order nor the period's total.
  const perCustomer =
    !readBefore &&
    !customersOnWeekday &&
    !callList &&
    !weekdaySplit &&
    excluded === undefined &&
    !butNot &&
    entities.customer_id === undefined &&
    !OPERATIONS.has(intent)
      ? perCustomerAsked(text)
      : undefined;
  if (perCustomer) {
    intent = 'sales_trend';
    // "How many brands does each wholesaler buy?" counts brands, it splits by none.
    if (perCustomer === 'brands' && entities.group_by === 'brand') delete entities.group_by;
    // "¿Cuánto compra un restaurante al mes?": one month (or week) of buying, unless a period is named.
    const span = entities.period || !vocab.lastDay ? undefined : perCustomerSpan(text, vocab.lastDay, lang);
    if (span) entities.period = span;
    delete entities.share_of;
  }
  // "¿Cuál fue la semana con más ventas del año?", "el peor mes": the week or month itself ranked,
  // not the period's total nor the products that sold most in it.
  const peak =
    !perCustomer && !readBefore && !weekdaySplit && !customersOnWeekday && !OPERATIONS.has(intent)
      ? peakAsked(text)
      : undefined;
  if (peak) intent = 'sales_trend';
  // "Promedio por semana", "average units per week of 1002": the period's weekly average, not an
  // average per order nor the weeks listed.
  const weeklyAverage =
    !perCustomer &&
    !readBefore &&
    !peak &&
    // "What's the weekly average of orders last month?" reads as what was ordered (a ranking) until
    // the average is seen; a ranking word keeps the ranking ("top products by weekly average").
    // "How many units does 1002 buy in a typical week?" counts (a usual basket lists products).
    (WEEKLY_AVERAGE_INTENTS.has(intent) ||
      (intent === 'top_products' && !GROUP_RE.top.test(text) && !GROUP_RE.rankCustomers.test(text)) ||
      (intent === 'customer_basket' && asksHowMuch(text) && !asksHowMany(text))) &&
    asksWeeklyAverage(text);
  if (weeklyAverage) intent = 'sales_trend';
  // "Ventas por mes de cada marca", "unidades por envase mes a mes": a month by value table, not
  // each month's leader nor the months of all sales.
  const monthlySplit =
    !perCustomer &&
    !peak &&
    !weeklyAverage &&
    !returnsBy &&
    !compared &&
    !bar &&
    !catalogue &&
    !usedContext &&
    entities.product_id === undefined &&
    (BY_MONTH_INTENTS.has(intent) || intent === 'top_products')
      ? monthlySplitAsked(text, entities)
      : undefined;
  if (monthlySplit) {
    intent = 'sales_trend';
    entities.group_by = monthlySplit;
    delete entities.share_of;
  }
  // "Ventas de la marca 24 por mes", "sales by month": the months of a period, not its last weeks.
  const byMonth =
    !perCustomer &&
    !peak &&
    !weeklyAverage &&
    !returnsBy &&
    !compared &&
    !bar &&
    !catalogue &&
    !(entities.customer_id !== undefined && entities.product_id !== undefined) &&
    BY_MONTH_INTENTS.has(intent) &&
    (monthlySplit !== undefined || asksByMonth(text));
  // "Marca 24 vs marca 30 por mes": the two compared, month by month.
  const comparedByMonth =
    compared !== undefined && !peak && !weeklyAverage && !returnsBy && !bar && asksByMonth(text);
  if (byMonth || comparedByMonth) intent = 'sales_trend';
  // "El producto más vendido de cada mes", "top 3 brands per month": the leaders of each month, not
  // one ranking of the whole period.
  const monthlyLeaders =
    !perCustomer && !peak && !weeklyAverage && !readBefore
      ? monthlyLeadersAsked(text, intent, entities.group_by)
      : undefined;
  // "¿Qué productos compra el 181101 todas las semanas?": his regular products, not his top ones.
  const regularProducts =
    !lastOrder &&
    !skipped &&
    !newToCustomer &&
    !compared &&
    !bar &&
    !weeklyAverage &&
    !peak &&
    entities.customer_id !== undefined &&
    entities.product_id === undefined &&
    (productsBought || intent === 'top_products' || asksCustomerProducts(text) || WHAT_BUYS.test(text)) &&
    asksEveryWeek(text);
  if (regularProducts) intent = 'customer_history';
  // "Clientes que compran el 20036 todas las semanas", "who buys brand X every week?": those who bought
  // in most of the recent weeks, not the latest buyers nor the likely ones.
  const regularBuyers =
    !perCustomer &&
    !readBefore &&
    !customersOnWeekday &&
    !weekdaySplit &&
    !callList &&
    !weeklyAverage &&
    !peak &&
    excluded === undefined &&
    !butNot &&
    entities.customer_id === undefined &&
    REGULAR_BUYERS_INTENTS.has(intent) &&
    asksRegularBuyers(text, entities.customer_type !== undefined);
  if (regularBuyers) intent = entities.product_id !== undefined ? 'product_buyers' : 'top_customers';
  // "¿Qué clientes suelen comprar el 1370 y no lo compraron la semana pasada?": its regular buyers who
  // left it out of the week, not that week's buyers.
  const regularsSkipped =
    !customersOnWeekday &&
    !butNot &&
    excluded === undefined &&
    entities.customer_id === undefined &&
    (entities.product_id !== undefined || namesCatalogFilter(entities)) &&
    asksRegularsWhoSkipped(text, entities.customer_type !== undefined);
  if (regularsSkipped) intent = 'product_buyers';
  // "Top customers by number of orders", "¿qué cliente compra más seguido?", "clientes con más
  // pedidos": customers ranked by their orders; units answered another question, and "pedidos" even
  // read as a ranking of products.
  const rankedByOrders =
    !perCustomer &&
    !readBefore &&
    !customersOnWeekday &&
    !callList &&
    !regularBuyers &&
    !weeklyAverage &&
    !peak &&
    !monthlyLeaders &&
    excluded === undefined &&
    !butNot &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    !OPERATIONS.has(intent) &&
    customersRankedByOrders(text, entities.customer_type !== undefined);
  if (rankedByOrders) {
    intent = 'top_customers';
    entities.rank_by = 'orders';
    delete entities.group_by;
  }
  // "¿Qué cliente compra más cerveza?" with no beer in the catalogue: ranking everything instead
  // would answer another question, so the missing kind is said (a follow-up keeps its own reading).
  const absent = usedContext ? undefined : kindNotInCatalogue(text, vocab);
  if (absent) intent = 'unknown';
  const howMany = asksHowMany(text);
  // "Lista de clientes restaurant", "¿qué clientes son mayoristas?": a type named and nothing else
  // asked of it (no rule read the question) lists the customers of that type.
  const customersOfType =
    !usedContext &&
    !bar &&
    !more &&
    !absent &&
    !howMany &&
    // Those who did not buy are asked for below.
    !asksNotBought(text) &&
    missing.length === 0 &&
    entities.customer_type !== undefined &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    !filters.some((k) => k !== 'customer_type' && entities[k] !== undefined) &&
    asksCustomersOfType(text, intent === 'unknown');
  if (customersOfType) intent = 'top_customers';
  // "¿Qué clientes no compraron la semana pasada?", "which restaurants didn't buy last week?": who
  // they are (a count, or the best buyers, answered another question).
  const notBuyers =
    !usedContext &&
    !bar &&
    !more &&
    !absent &&
    !howMany &&
    !customersOfType &&
    !shareOfBuyers &&
    (intent === 'count_customers' || intent === 'top_customers' || intent === 'unknown') &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    !filters.some((k) => k !== 'customer_type' && entities[k] !== undefined) &&
    (entities.customer_type !== undefined || GROUP_RE.customer.test(text)) &&
    asksNotBought(text) &&
    asksWhoDidNotBuy(text);
  if (notBuyers) intent = 'top_customers';
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
  // "Latas de la marca 24", "cans of brand 24": a kind named and nothing else asked of it; its sales.
  if (
    intent === 'unknown' &&
    !usedContext &&
    !more &&
    !absent &&
    !bar &&
    missing.length === 0 &&
    entities.customer_id === undefined &&
    entities.product_id === undefined &&
    namesCatalogFilter(entities) &&
    onlyNamesAKind(text, vocab, lang)
  )
    intent = 'sales_trend';
  // "Show more" asks the previous question again, further down its list: what it asked beyond its
  // intent and entities is the previous question's, not read from "más porfa".
  if (more === 'next_rows' && previous)
    return { intent, entities, offset, usedContext, more, ...(previous.flags ?? {}) };
  // "¿Y en noviembre?" after "¿qué cliente devolvió más en diciembre?" asks the same question of
  // another period (or customer, or product): returns, not purchases, as the previous one asked.
  // Two things compared are replaced by the one a follow-up names ("what about product 124?" after
  // two products compared asks about 124, "¿y la marca 3?" about that brand).
  const namesOwn =
    found.bareIds.length > 0 ||
    found.entities.customer_id !== undefined ||
    found.entities.product_id !== undefined ||
    found.entities.brand !== undefined;
  const { compared: keptCompared, ...keptFlags } =
    followUp.repeats && previous && intent === previous.intent
      ? flagsAFollowUpKeeps(previous.flags ?? {})
      : {};
  const kept: QuestionFlags =
    keptCompared && !namesOwn ? { ...keptFlags, compared: keptCompared } : keptFlags;
  // "And on fridays?" after the customers who order on mondays: the weekday named anew replaces it.
  const weekdaySwapped = kept.onWeekday !== undefined ? weekdayNamed(text) : undefined;
  // "¿Y los viernes?" after "¿el 1002 suele comprar los lunes?": the same yes or no of fridays.
  const askedSwapped = kept.askedWeekday !== undefined ? weekdayNamed(text) : undefined;
  // "¿Cuántos lotes se cargaron este mes?": the batches of a time; "¿y el mes pasado?" after it
  // asks them of the time it names (read from its own words, not the previous question's).
  const batchesLoaded =
    intent === 'last_batch' &&
    !guess.dataCoverage &&
    (kept.batchesLoaded !== undefined || asksBatchesLoaded(text, entities.period !== undefined))
      ? { text }
      : undefined;
  // "¿Cuántas corridas fallaron este mes?", "which run failed?": the runs of a time, not the last
  // one (its retrain decision and its predictions are asked otherwise).
  const runs =
    intent === 'pipeline_last_run' && !guess.retrainDecision && !predictionRun
      ? runsAsked(text, entities.period !== undefined)
      : undefined;
  // "¿Qué compra el 181101 que no compra el 188331?": the first's products the other did not buy,
  // whatever the two ids and the buying words read as before (advice, a history, a comparison).
  const butNotBy = usedContext ? undefined : boughtButNotBy(text, vocab);
  if (butNotBy) {
    intent = 'customer_history';
    entities.customer_id = butNotBy.customer;
  }
  const places = butNotBy ? undefined : placesAsked(text, intent, entities.customer_id);
  if (places) intent = 'sales_share';
  const periodTotal =
    intent === 'sales_trend' &&
    (inLitres ||
      (!weeklyAverage &&
        !kept.weeklyAverage &&
        !peak &&
        !kept.peak &&
        (barSubject === 'total' || asksPeriodTotal(text, entities.period !== undefined))));
  const changeDirection = periodTotal && !bar ? changeAsked(text) : undefined;
  return {
    intent,
    entities,
    offset,
    usedContext,
    ...kept,
    ...(lastOrder ? { lastOrder: true } : {}),
    ...(guess.alerts && intent === 'drift_status' ? { asksAlerts: true } : {}),
    ...(!guess.alerts && intent === 'drift_status' && asksWhatChanged(text) ? { whatChanged: true } : {}),
    ...(guess.digest && intent === 'compare_periods' ? { digest: true } : {}),
    ...(guess.dataCoverage && intent === 'last_batch' ? { dataCoverage: true } : {}),
    ...(guess.dataCoverage && intent === 'last_batch' && asksDataGaps(text, false) ? { dataGaps: true } : {}),
    ...(batchesLoaded ? { batchesLoaded } : {}),
    ...(!batchesLoaded && !guess.dataCoverage && intent === 'last_batch' && asksRejectedBatch(text)
      ? { rejectedBatch: true }
      : {}),
    ...(guess.retrainDecision && intent === 'pipeline_last_run' ? { retrainDecision: true } : {}),
    ...(guess.retrainDecision && intent === 'pipeline_last_run' && asksAboutTheGate(text)
      ? { gateAsked: true }
      : {}),
    ...(guess.retrainDecision && intent === 'pipeline_last_run' && asksRetrainCount(text)
      ? { retrainsCounted: { text } }
      : {}),
    ...(intent === 'model_performance' && asksAgainstTheRules(text) ? { againstRules: true } : {}),
    ...(predictionRun ? { predictionRun } : {}),
    ...(runs ? { runsAsked: runs } : {}),
    ...(customerMovers ? { customerMovers: true } : {}),
    ...(buyersMoved && intent === 'movers' ? { buyersMoved: buyersMoved.grain } : {}),
    ...(buyersRanked && intent === 'top_products' ? { buyersRanked } : {}),
    ...(productsBought && !regularProducts ? { productsBought: true } : {}),
    ...(regularProducts ? { regularProducts: true } : {}),
    ...(boughtNotBefore && intent === 'customer_history' ? { boughtNotBefore: true } : {}),
    ...(byMonth || comparedByMonth ? { byMonth: true } : {}),
    ...(monthlyLeaders ? { monthlyLeaders } : {}),
    ...(neverSold ? { neverSold: true } : {}),
    ...(skipped ? { skipped: true } : {}),
    ...(newToCustomer ? { newToCustomer: true } : {}),
    ...(catalogue ? { catalogue: true } : {}),
    ...(returnsBy ? { returnsBy } : {}),
    ...(weekdaySplit ? { weekdaySplit: true } : {}),
    ...(weeklyAverage ? { weeklyAverage: true } : {}),
    ...(peak ? { peak } : {}),
    ...(weeksWithoutSales && intent === 'sales_trend' ? { weeksWithoutSales: true } : {}),
    ...(ofTopOne && intent === 'sales_trend' ? { ofTopOne } : {}),
    ...(perCustomer ? { perCustomer } : {}),
    ...(growthInPercent ? { growthBy: 'percent' as const } : {}),
    ...(regularBuyers && !regularsSkipped ? { regularBuyers: true } : {}),
    ...(regularsSkipped ? { regularsSkipped: true } : {}),
    ...(customersOnWeekday || (soldOnWeekday && intent === 'top_products') ? { onWeekday } : {}),
    ...(customerOnWeekday && intent === 'top_products' ? { onWeekday: weekday } : {}),
    ...(callList ? { callList: contactAsked(text) } : {}),
    ...(customersOfType ? { customersOfType: true } : {}),
    ...(notBuyers ? { notBuyers: true } : {}),
    ...(callVerdict ? { callVerdict: true } : {}),
    ...(weekdaySwapped !== undefined ? { onWeekday: weekdaySwapped } : {}),
    ...(askedWeekday !== undefined ? { askedWeekday } : {}),
    ...(askedSwapped !== undefined ? { askedWeekday: askedSwapped } : {}),
    ...(alsoBought ? { alsoBought: true } : {}),
    ...(pairsTogether && intent === 'top_products' ? { pairsTogether: true } : {}),
    ...(intent === 'lapsed_customers' && asksLostInPeriod(text, entities.period)
      ? { lostInPeriod: true }
      : {}),
    ...(excluded !== undefined ? { excludedProduct: excluded } : {}),
    ...(offerExcept !== undefined && intent === 'recommend' ? { offerExcept } : {}),
    ...(asksSpending(text) ? { spendingAsked: true } : {}),
    ...(butNot ? { buyersButNot: butNot } : {}),
    ...(compared && !butNotBy ? { compared } : {}),
    ...(butNotBy ? { boughtButNotBy: butNotBy } : {}),
    ...(values ? { comparedValues: values } : {}),
    ...(buyingTrend ? { buyingTrend } : {}),
    ...(absent ? { notInCatalogue: absent } : {}),
    ...(more ? { more } : {}),
    ...(ifTop ? { asksIfTop: true } : {}),
    ...(missing.length > 0 ? { missing } : {}),
    ...(howMany ? { howMany: true } : {}),
    ...(asksNotBought(text) ? { notBought: true } : {}),
    ...(shareOfBuyers ? { shareOfBuyers: true } : {}),
    ...(pointed !== asked ? { pointedAt: true } : {}),
    ...(inLitres ? { inLitres: true } : {}),
    ...(largestOrders && intent === 'order_size' ? { largestOrders: true } : {}),
    ...(activeCustomers && intent === 'count_customers' ? { activeCustomers: true } : {}),
    ...(repeatRate && intent === 'product_buyers' ? { repeatRate: true } : {}),
    ...(periodTotal ? { periodTotal: true } : {}),
    ...(twoKinds && intent === 'count_customers' ? { twoKinds } : {}),
    ...(kindsTogether && (intent === 'top_customers' || intent === 'top_products') ? { kindsTogether } : {}),
    ...(changeDirection ? { changeAsked: changeDirection } : {}),
    ...(found.customerText ? { customerText: found.customerText } : {}),
    ...(found.productText ? { productText: found.productText } : {}),
    ...(placed ? { place: placed.place } : {}),
    ...(places ? { placesRanked: places } : {}),
  };
}

/**
 * What a question about customers who have not bought so far reads as before it is seen to be one
 * ("¿quiénes no han hecho ningún pedido?" reads as what was ordered).
 */
const NOT_YET_INTENTS: ReadonlySet<ChatIntent> = new Set([
  'count_customers',
  'top_customers',
  'top_products',
  'unknown',
]);

/** "Qué compra el 1002", "what does customer 1002 order": what he buys, asked of one customer. */
const WHAT_BUYS = /\b(?:que|what)(?: \w+){0,3} (?:compra|pide|lleva|buy|buys|order|orders|get|gets)\b/;

/**
 * "¿Qué región vende más?", "ventas por zona": the regions or zones ranked by units (answered as a
 * split of sales), unless the question is about one customer or the model and pipeline.
 */
function placesAsked(text: string, intent: ChatIntent, customer: number | undefined): PlaceGrain | undefined {
  return customer !== undefined || OPERATIONS.has(intent) ? undefined : placesRanked(text);
}
