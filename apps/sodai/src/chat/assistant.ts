import { randomUUID } from 'node:crypto';
import type { ChatIntent, ChatResponse, Lang } from '../contract/api.ts';
import { Conversations, turnMemory } from './conversation.ts';
import { listComplete, noListToContinue } from './more-of-a-list.ts';
import { capabilityList, exampleQuestions, greetingExamples, helpText } from './examples.ts';
import { turnLang } from './understanding/follow-up-lang.ts';
import { understand } from './understanding/understand.ts';
import { understandSecondPart } from './understanding/second-part.ts';
import type { Understanding } from './understanding/understanding.ts';
import { joinAnswers } from './two-part-answer.ts';
import { VocabularyCache, type Vocabulary } from './vocabulary.ts';
import { notAnswered } from './tools/answers.ts';
import { missingDataAnswer } from './tools/missing-data.ts';
import { notInCatalogueAnswer } from './tools/not-in-catalogue.ts';
import { periodWithoutData } from './tools/period-without-data.ts';
import { OPERATIONS } from './understanding/intent-groups.ts';
import {
  customerBasketTool,
  customerFrequencyTool,
  customerHistoryTool,
  productInfoTool,
} from './tools/history.ts';
import { lastOrderTool } from './tools/last-order.ts';
import { comparePeriodsTool, salesTrendTool, topProductsTool } from './tools/market.ts';
import { countCustomersTool, countProductsTool } from './tools/counts.ts';
import { driftStatusTool, modelInfoTool, predictionDriversTool } from './tools/model-tools.ts';
import { openAlertsTool } from './tools/open-alerts.ts';
import { weeklyDigestTool } from './tools/weekly-digest.ts';
import { dataCoverageTool } from './tools/data-coverage.ts';
import { dataGapsTool } from './tools/data-gaps.ts';
import { weeksWithoutSalesTool } from './tools/weeks-without-sales.ts';
import { ofTheTopOne } from './tools/top-one-over-time.ts';
import { sideBySideTool } from './tools/side-by-side.ts';
import { modelPerformanceTool } from './tools/model-performance.ts';
import { modelVsRulesByWeekTool } from './tools/model-vs-rules-by-week.ts';
import { lastBatchTool, pipelineLastRunTool, pipelineNextRunTool } from './tools/operations.ts';
import { retrainDecisionTool } from './tools/retrain-decision.ts';
import { predictionRunsTool } from './tools/prediction-runs.ts';
import { batchesLoadedTool } from './tools/batches-loaded.ts';
import { runsInAPeriodTool } from './tools/runs-in-a-period.ts';
import { retrainCountTool } from './tools/retrain-count.ts';
import { moversTool, newProductsTool } from './tools/movers.ts';
import { customerMoversTool } from './tools/customer-movers.ts';
import { buyersMoversTool } from './tools/buyers-movers.ts';
import { customerProductsTool } from './tools/customer-products.ts';
import { usualButSkippedTool } from './tools/usual-but-skipped.ts';
import { newToCustomerTool } from './tools/new-to-customer.ts';
import { catalogueListTool } from './tools/catalogue-list.ts';
import { returnsTool } from './tools/returns.ts';
import { weeklyAverageTool } from './tools/weekly-average.ts';
import { regularBuyersTool } from './tools/regular-buyers.ts';
import { customersOnWeekdayTool, weekdaySplitTool } from './tools/weekday-pattern.ts';
import { peakPeriodTool } from './tools/peak-period.ts';
import { peakDayTool } from './tools/peak-day.ts';
import { callListTool } from './tools/call-list.ts';
import { customersOfTypeTool, customersWhoDidNotBuyTool } from './tools/customers-of-a-type.ts';
import { callVerdictTool } from './tools/call-verdict.ts';
import { boughtWithTool } from './tools/bought-with.ts';
import { buyersButNotTool } from './tools/buyers-but-not.ts';
import { slowMoversTool } from './tools/slow-movers.ts';
import { newCustomersTool } from './tools/new-customers.ts';
import { isTopTool, type TopSide } from './tools/is-top.ts';
import { smallCustomersTool } from './tools/small-customers.ts';
import { orderSizeTool } from './tools/order-size.ts';
import { perCustomerAverageTool } from './tools/per-customer-average.ts';
import { customerMixTool } from './tools/customer-mix.ts';
import { customerInfoTool } from './tools/customer-profile.ts';
import { salesShareTool } from './tools/sales-share.ts';
import { topBrandsTool } from './tools/top-brands.ts';
import { buyersRankingTool } from './tools/buyers-ranking.ts';
import { productBuyersTool, topCustomersTool } from './tools/top-customers.ts';
import { smallTalk } from './tools/small-talk.ts';
import { pastThresholdTool, type ThresholdSide } from './tools/past-threshold.ts';
import { explainTool, lapsedCustomersTool, likelyBuyersTool, recommendTool } from './tools/sales-advice.ts';
import { customerTypeAdviceTool } from './tools/customer-type-advice.ts';
import { answerWithinPlace } from './tools/place-scope.ts';
import { withExclusionSaid, withUnitsForSpendingSaid } from './tools/exclusion-note.ts';
import { placesRankedTool } from './tools/places-ranked.ts';
import { monthlySalesTool } from './tools/monthly-sales.ts';
import { boughtButNotByTool } from './tools/bought-but-not-by.ts';
import { boughtNotBeforeTool } from './tools/bought-not-before.ts';
import { largestOrdersTool } from './tools/largest-orders.ts';
import { activeCustomersTool } from './tools/active-customers.ts';
import { repeatRateTool } from './tools/repeat-rate.ts';
import { policyTool } from './tools/operating-policy.ts';
import { pairsBoughtTogetherTool } from './tools/pairs-bought-together.ts';
import { groupFrequencyTool } from './tools/group-frequency.ts';
import { monthlySplitTool } from './tools/monthly-split.ts';
import { monthlyLeadersTool } from './tools/monthly-leaders.ts';
import { monthlySideBySideTool } from './tools/monthly-side-by-side.ts';
import { neverSoldTool } from './tools/never-sold.ts';
import { valuesSideBySideTool } from './tools/values-side-by-side.ts';
import { buyersOfTwoKindsTool } from './tools/buyers-of-two-kinds.ts';
import { regularsWhoSkippedTool } from './tools/regulars-who-skipped.ts';
import { regularProductsTool } from './tools/regular-products.ts';
import { likelyBuyersOfAKindTool } from './tools/likely-buyers-of-a-kind.ts';
import { namesCatalogFilter } from './understanding/names-a-kind.ts';
import { questionFlagsOf } from './understanding/question-flags.ts';
import type { ChatToolbox, Tool, ToolAnswer, ToolRequest } from './tools/toolbox.ts';

/** `tool`, unless the question sets a quantity bar ("más de 100 unidades"): then who passes it. */
const orPastThreshold =
  (side: ThresholdSide, tool: Tool): Tool =>
  (box, req) =>
    req.entities.threshold ? pastThresholdTool(side)(box, req) : tool(box, req);

/** `tool`, unless the question asks whether the one it names is the top one: then its place. */
const orIsTop =
  (side: TopSide, tool: Tool): Tool =>
  (box, req) =>
    req.asksIfTop ? isTopTool(side)(box, req) : tool(box, req);

/** `tool`, unless the question compares two products, customers or brands: then both side by side. */
const orSideBySide =
  (tool: Tool): Tool =>
  (box, req) =>
    req.compared ? sideBySideTool(req.compared)(box, req) : tool(box, req);

/** `tool`, unless the question is about returns: then their total or who or what returned most. */
const orReturns =
  (tool: Tool): Tool =>
  (box, req) =>
    req.returnsBy ? returnsTool(req.returnsBy)(box, req) : tool(box, req);

/**
 * A tool that shows its whole list at once (a last order, the usual products skipped): asked for
 * more, it has no further rows, which "show more" then says the list is complete with.
 */
const wholeList =
  (tool: Tool): Tool =>
  (box, req) =>
    req.offset > 0
      ? Promise.resolve({ text: '', answered: true, basedOn: [], data: {}, shown: 0 })
      : tool(box, req);

/** `tool`, unless the question asks who buys every week: then the customers who bought in most weeks. */
const orRegularBuyers =
  (tool: Tool): Tool =>
  (box, req) =>
    req.regularBuyers ? regularBuyersTool(box, req) : tool(box, req);

/** The tool behind each intent. */
export const TOOLS: Readonly<Record<Exclude<ChatIntent, 'help' | 'unknown' | 'small_talk'>, Tool>> = {
  // Advice for a type of customer ("¿qué le vendo a los minimarkets?") when no one customer is named.
  recommend: (box, req) =>
    req.entities.customer_id === undefined && req.entities.customer_type !== undefined && !req.customerText
      ? customerTypeAdviceTool(box, req)
      : req.newToCustomer
        ? newToCustomerTool(box, req)
        : recommendTool(box, req),
  explain_recommendation: explainTool,
  // Of a brand, category or package ("¿quién va a comprar la marca X?"), over all its products.
  likely_buyers: (box, req) =>
    req.entities.product_id === undefined && !req.productText && namesCatalogFilter(req.entities)
      ? likelyBuyersOfAKindTool(box, req)
      : likelyBuyersTool(box, req),
  lapsed_customers: lapsedCustomersTool,
  // "¿Qué compra el 181101 que no compra el 188331?": the first's products the other did not buy.
  customer_history: orSideBySide((box, req) =>
    req.boughtButNotBy
      ? boughtButNotByTool(req.boughtButNotBy)(box, req)
      : req.callVerdict
        ? callVerdictTool(box, req)
        : req.lastOrder
          ? wholeList(lastOrderTool)(box, req)
          : req.skipped
            ? wholeList(usualButSkippedTool)(box, req)
            : req.boughtNotBefore
              ? boughtNotBeforeTool(box, req)
              : req.productsBought
                ? customerProductsTool(box, req)
                : req.regularProducts
                  ? regularProductsTool(box, req)
                  : customerHistoryTool(box, req),
  ),
  customer_basket: customerBasketTool,
  // "¿Cada cuánto compran los restaurantes?": a group's frequency when no one customer is meant.
  customer_frequency: (box, req) =>
    req.entities.customer_id === undefined && !req.customerText
      ? groupFrequencyTool(box, req)
      : customerFrequencyTool(box, req),
  customer_info: customerInfoTool,
  product_info: orSideBySide(productInfoTool),
  // A ranking of brands is the same question at another grain; of categories, packages or sizes
  // (a handful of values each) the split of sales by them, largest first.
  top_products: orSideBySide(
    orReturns(
      orIsTop('products', (box, req) =>
        req.buyersRanked
          ? buyersRankingTool(req.buyersRanked)(box, req)
          : req.comparedValues
            ? valuesSideBySideTool(req.comparedValues)(box, req)
            : req.monthlyLeaders
              ? monthlyLeadersTool(req.monthlyLeaders)(box, req)
              : req.alsoBought
                ? boughtWithTool(box, req)
                : req.pairsTogether
                  ? pairsBoughtTogetherTool(box, req)
                  : req.entities.threshold
                    ? pastThresholdTool('products')(box, req)
                    : req.entities.group_by === 'brand'
                      ? topBrandsTool(box, req)
                      : req.entities.group_by
                        ? salesShareTool(box, req)
                        : topProductsTool(box, req),
      ),
    ),
  ),
  // "Which customers order on mondays?": that weekday's customers; "lista de clientes restaurant":
  // the customers of that type; "¿qué clientes no compraron …?": those who did not buy.
  top_customers: orRegularBuyers(
    orReturns((box, req) =>
      req.monthlyLeaders
        ? monthlyLeadersTool(req.monthlyLeaders)(box, req)
        : req.callList
          ? callListTool(box, req)
          : req.customersOfType
            ? customersOfTypeTool(box, req)
            : req.notBuyers
              ? customersWhoDidNotBuyTool(box, req)
              : req.onWeekday !== undefined
                ? customersOnWeekdayTool(req.onWeekday)(box, req)
                : orIsTop('customers', orPastThreshold('customers', topCustomersTool))(box, req),
    ),
  ),
  // "¿Qué clientes compran el 1370 pero no el 1304?", "… la marca 24 pero no la 34": an offer list
  // for the second.
  // "¿Cuál es la tasa de recompra del producto 1370?": how many of its buyers bought it again.
  product_buyers: orRegularBuyers((box, req) =>
    req.regularsSkipped
      ? regularsWhoSkippedTool(box, req)
      : req.repeatRate
        ? repeatRateTool(box, req)
        : req.buyersButNot
          ? buyersButNotTool(req.buyersButNot.excluded, req.buyersButNot.bought)(box, req)
          : req.excludedProduct !== undefined
            ? buyersButNotTool({ product: req.excludedProduct })(box, req)
            : productBuyersTool(box, req),
  ),
  // "¿Qué marca perdió más clientes?": brands by their buyers lost or gained, not by units.
  movers: (box, req) =>
    req.buyersMoved
      ? buyersMoversTool(req.buyersMoved)(box, req)
      : req.customerMovers
        ? customerMoversTool(box, req)
        : moversTool(box, req),
  // "¿Qué productos nunca se vendieron?": those with no sale at all, not the slowest of a period.
  slow_movers: (box, req) =>
    req.neverSold ? neverSoldTool(box, req) : orPastThreshold('products', slowMoversTool)(box, req),
  small_customers: orPastThreshold('customers', smallCustomersTool),
  new_products: newProductsTool,
  new_customers: newCustomersTool,
  // "¿Cuál es el pedido más grande del mes?": the orders themselves, largest first.
  order_size: (box, req) => (req.largestOrders ? largestOrdersTool(box, req) : orderSizeTool(box, req)),
  customer_mix: customerMixTool,
  sales_share: (box, req) => (req.weekdaySplit ? weekdaySplitTool(box, req) : salesShareTool(box, req)),
  // "Promedio por semana": the period's weekly average rather than its weeks; by month and by an
  // attribute ("ventas por mes de cada marca"): a month by value table; "¿en qué semanas no se
  // vendieron latas?": the weeks without them; "… de la marca más vendida": that brand's, once found.
  sales_trend: orReturns((box, req) =>
    req.ofTopOne
      ? ofTheTopOne(req.ofTopOne, (b, r) => TOOLS.sales_trend(b, { ...r, ofTopOne: undefined }))(box, req)
      : req.weeksWithoutSales
        ? weeksWithoutSalesTool(box, req)
        : req.perCustomer
          ? perCustomerAverageTool(box, req)
          : req.peak
            ? req.peak.grain === 'day'
              ? peakDayTool(req.peak)(box, req)
              : peakPeriodTool({ ...req.peak, grain: req.peak.grain })(box, req)
            : req.weeklyAverage
              ? weeklyAverageTool(box, req)
              : req.byMonth
                ? req.compared
                  ? monthlySideBySideTool(req.compared)(box, req)
                  : req.entities.group_by
                    ? monthlySplitTool(req.entities.group_by)(box, req)
                    : monthlySalesTool(box, req)
                : salesTrendTool(box, req),
  ),
  // The digest compares the week with the one before, and adds best sellers, the model and alerts.
  compare_periods: (box, req) => (req.digest ? weeklyDigestTool(box, req) : comparePeriodsTool(box, req)),
  // "¿Cuántos clientes activos tenemos?": those who bought lately, against the registered.
  // "¿Cuántos clientes compran latas y botellas?": the buyers of both kinds, and of each alone.
  count_customers: orPastThreshold('customers', (box, req) =>
    req.twoKinds
      ? buyersOfTwoKindsTool(req.twoKinds)(box, req)
      : req.activeCustomers
        ? activeCustomersTool(box, req)
        : countCustomersTool(box, req),
  ),
  // "List products in the KEG package": the catalogue listed rather than counted.
  count_products: (box, req) =>
    req.catalogue ? catalogueListTool(box, req) : orPastThreshold('products', countProductsTool)(box, req),
  // "¿Qué modelo predijo la semana del 16?": the run that predicted it, not today's champion.
  model_info: (box, req) => (req.predictionRun ? predictionRunsTool(box, req) : modelInfoTool(box, req)),
  // Against the simple rules ("¿le gana a las reglas?"): the two week by week.
  model_performance: (box, req) =>
    req.againstRules ? modelVsRulesByWeekTool(box, req) : modelPerformanceTool(box, req),
  prediction_drivers: predictionDriversTool,
  // The open alerts are the monitoring's other answer: drift is one kind of them.
  drift_status: (box, req) => (req.asksAlerts ? openAlertsTool(box, req) : driftStatusTool(box, req)),
  // "¿Cuántas predicciones hizo la última corrida?": its predict task's count, not its tasks.
  pipeline_last_run: (box, req) =>
    req.predictionRun
      ? predictionRunsTool(box, req)
      : req.runsAsked
        ? runsInAPeriodTool(box, req)
        : req.retrainsCounted
          ? retrainCountTool(box, req)
          : req.retrainDecision
            ? retrainDecisionTool(box, req)
            : pipelineLastRunTool(box, req),
  pipeline_next_run: pipelineNextRunTool,
  // What data there is and its days is asked of the same load the last batch brought.
  // "¿Cuántos lotes se cargaron este mes?": the batches loaded in that time, not the last one.
  last_batch: (box, req) =>
    req.dataCoverage
      ? req.dataGaps
        ? dataGapsTool(box, req)
        : dataCoverageTool(box, req)
      : req.batchesLoaded
        ? batchesLoadedTool(box, req)
        : lastBatchTool(box, req),
};

/** One question to the assistant. */
export interface ChatQuestion {
  readonly message: string;
  readonly lang?: Lang | undefined;
  readonly sessionId?: string | undefined;
  /** Language when neither the request nor the text says (e.g. from Accept-Language). */
  readonly fallbackLang?: Lang;
}

/** An answer before it is logged: the response without its analytics id. */
export type ChatReply = Omit<ChatResponse, 'question_id'>;

/** Something that may phrase answers instead of the built-in rules (the optional LLM). */
export interface AnswerPhraser {
  answer(question: ChatQuestion & { readonly lang: Lang }, rules: RulesTurn): Promise<ChatReply | undefined>;
}

/** The built-in understanding of one question, for the LLM path to start from or fall back to. */
export interface RulesTurn {
  readonly understanding: Understanding;
  readonly reply: ChatReply;
  readonly tool: ToolAnswer;
  /** Runs a tool as the rules would, for tool calls the LLM makes. */
  run(intent: ChatIntent, understanding: Understanding): Promise<ToolAnswer>;
}

/**
 * The grounded assistant: understands a question (es/en, typos, follow-ups), runs the one tool that
 * answers it over the data, the serving model, the registry and the pipeline, and says what the
 * answer is based on. Every figure comes from a tool; nothing is invented.
 *
 * @example
 * const assistant = new ChatAssistant(toolbox);
 * const reply = await assistant.ask({ message: '¿Qué le ofrezco al cliente 100001 esta semana?', sessionId: 'abc12345' });
 * reply.answer; reply.table; reply.based_on;
 */
export class ChatAssistant {
  readonly #vocab: VocabularyCache;
  readonly #sessions: Conversations;

  constructor(
    readonly toolbox: ChatToolbox,
    options: { readonly vocabularyTtlMs?: number; readonly sessions?: Conversations } = {},
  ) {
    this.#vocab = new VocabularyCache(toolbox.data, options.vocabularyTtlMs ?? 60_000);
    this.#sessions = options.sessions ?? new Conversations();
  }

  /** Answers a question with the built-in understanding (and `phraser`, when given, to word it). */
  async ask(question: ChatQuestion, phraser?: AnswerPhraser): Promise<ChatReply> {
    const sessionId = question.sessionId ?? randomUUID();
    const previous = this.#sessions.recall(sessionId);
    // "More" after an English answer is English: a follow-up that says nothing of its language keeps the previous one.
    const lang = question.lang ?? turnLang(question.message, previous?.lang) ?? question.fallbackLang ?? 'es';
    const vocab = await this.#vocab.get();
    const understanding = understand(question.message, vocab, lang, previous);
    let asked = noListToContinue(understanding.more, lang, startingExamples(vocab, lang));
    if (!asked) {
      const tool = await this.run(understanding.intent, understanding, vocab, lang);
      asked = understanding.more === 'next_rows' ? listComplete(tool, understanding.offset, lang) : tool;
    }
    const { tool, unanswered } = understanding.secondPart
      ? await this.#withSecondPart(understanding, understanding.secondPart, asked, vocab, lang)
      : { tool: asked, unanswered: understanding.unanswered };
    const reply = toReply(
      { ...understanding, ...(unanswered ? { unanswered } : {}) },
      tool,
      lang,
      sessionId,
      vocab,
    );
    let final = reply;
    // Thanks and "ok" need no wording of the LLM's.
    if (phraser && understanding.intent !== 'small_talk') {
      const turn: RulesTurn = {
        understanding,
        reply,
        tool,
        run: (intent, u) => this.run(intent, u, vocab, lang),
      };
      final = (await phraser.answer({ ...question, lang, sessionId }, turn)) ?? reply;
    }
    // "Gracias" between two questions leaves the first for a follow-up ("¿y el 1002?") to refer to.
    if (final.answered && final.intent !== 'small_talk') {
      this.#sessions.remember(
        sessionId,
        // The rules' flags go with their own reading only (an LLM may have answered another intent).
        turnMemory(
          final.intent === understanding.intent
            ? { ...understanding, entities: final.entities }
            : { intent: final.intent, entities: final.entities, offset: understanding.offset },
          tool,
          lang,
          previous,
        ),
      );
    }
    return final;
  }

  /**
   * The first part's answer joined with the second part's, read and run after it; or, when the
   * second part still means nothing once the first is answered, the first with that part named.
   */
  async #withSecondPart(
    u: Understanding,
    text: string,
    first: ToolAnswer,
    vocab: Vocabulary,
    lang: Lang,
  ): Promise<{ readonly tool: ToolAnswer; readonly unanswered?: string }> {
    const second = understandSecondPart(text, vocab, lang, turnMemory(u, first));
    if (second.intent === 'unknown' && !second.missing) return { tool: first, unanswered: text };
    const answer = await this.run(second.intent, second, vocab, lang);
    return { tool: joinAnswers(first, answer, second.intent, second.entities) };
  }

  /**
   * Runs the tool of an intent (help gets a short list of what can be asked, unknown the honest
   * "this is what I can do"; small talk a short word back, and a greeting a few questions to start
   * with).
   */
  async run(intent: ChatIntent, u: Understanding, vocab: Vocabulary, lang: Lang): Promise<ToolAnswer> {
    const someCustomer = vocab.customerIds.values().next().value;
    const someProduct = vocab.productIds.values().next().value;
    if (intent === 'small_talk')
      return smallTalk(u.courtesy ?? 'agreement', lang, startingExamples(vocab, lang));
    if (intent === 'unknown' && u.missing) return missingDataAnswer(u.missing, u.entities, lang);
    if (intent === 'unknown' && u.notInCatalogue)
      return notInCatalogueAnswer(this.toolbox, u.notInCatalogue, lang);
    if (intent === 'help')
      return {
        text: capabilityList(lang, someCustomer, someProduct),
        answered: true,
        basedOn: [],
        data: {},
        suggestions: startingExamples(vocab, lang),
      };
    if (intent === 'unknown') {
      const lead =
        lang === 'es'
          ? 'No sé responder esa pregunta con los datos que tengo (clientes, productos y unidades vendidas; no hay precios, costos ni stock). '
          : 'I cannot answer that from the data I have (customers, products and units sold; there are no prices, costs or stock). ';
      return notAnswered(
        lead + helpText(lang, someCustomer, someProduct),
        Object.values(exampleQuestions(lang, someCustomer, someProduct)).map((qs) => qs[0]!),
      );
    }
    // The model's and the pipeline's answers read no sales of a period; the best or worst week says
    // itself that a period has no whole week of data, and ranks the last 52 weeks instead.
    const outside = OPERATIONS.has(intent) || u.peak ? undefined : periodWithoutData(u.entities, vocab, lang);
    if (outside) return outside;
    const request: ToolRequest = {
      entities: u.entities,
      lang,
      vocab,
      offset: u.offset,
      ...questionFlagsOf(u),
    };
    const tool = u.policyAsked
      ? policyTool(u.policyAsked)
      : u.placesRanked
        ? placesRankedTool(u.placesRanked)
        : TOOLS[intent];
    const answer = await answerWithinPlace(this.toolbox, u.place, lang, () => tool(this.toolbox, request));
    return withUnitsForSpendingSaid(
      u.spendingAsked === true,
      withExclusionSaid(u.excludedKind, answer, lang),
      lang,
    );
  }
}

/** A few questions to start with, naming a customer and a product the data holds. */
function startingExamples(vocab: Vocabulary, lang: Lang): string[] {
  return greetingExamples(
    lang,
    vocab.customerIds.values().next().value,
    vocab.productIds.values().next().value,
  );
}

function toReply(
  u: Understanding,
  tool: ToolAnswer,
  lang: Lang,
  sessionId: string,
  vocab: Vocabulary,
): ChatReply {
  const basedOn = [...tool.basedOn];
  if (u.usedContext)
    basedOn.push(lang === 'es' ? 'contexto de la pregunta anterior' : 'context from the previous question');
  // A part of a two-part question no rule could read is named, never dropped in silence.
  const rest = u.unanswered;
  const answer = rest
    ? `${tool.text} ${lang === 'es' ? `(No supe responder esta parte de su pregunta: «${rest}»; pregúntela de otra forma.)` : `(I could not answer this part of your question: "${rest}"; please ask it another way.)`}`
    : tool.text;
  return {
    answer,
    intent: u.intent,
    lang,
    answered: tool.answered,
    entities: u.entities,
    based_on: basedOn,
    ...(tool.table && tool.table.rows.length > 0 ? { table: tool.table } : {}),
    ...(tool.chart && tool.chart.labels.length > 1 ? { chart: tool.chart } : {}),
    suggestions: [...(rest ? [rest] : []), ...(tool.suggestions ?? [])],
    source: 'rules',
    session_id: sessionId,
    data: { ...tool.data, ...(vocab.lastDay ? { data_until: vocab.lastDay } : {}) },
  };
}
