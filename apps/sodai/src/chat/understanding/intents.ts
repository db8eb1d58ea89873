import { opensWithCustomersWhoBought } from './customers-who-bought.ts';
import { completedChange } from './change-asked-words.ts';
import type { ChatIntent } from '../../contract/api.ts';
import { asksCustomerProfile } from './customer-profile-question.ts';
import { GROUP_RE, type WordGroup } from './intent-words.ts';
import { ASKS_FOR_MORE } from './more-words.ts';
import { ASKS_FOR_HELP } from './help-words.ts';
import { asksNewCustomers } from './new-customer-words.ts';
import { asksAlerts } from './alert-words.ts';
import { asksDigest } from './digest-words.ts';
import { asksDataCoverage } from './data-coverage-words.ts';
import { asksDataGaps } from './data-gaps-words.ts';
import { asksCustomerMovers } from './customer-movers.ts';
import { missingDataAsked } from './missing-data-words.ts';
import { splitBy } from './share-of.ts';
import { asksWhichOfType } from './ranking-subject.ts';
import { asksHowMuchItChanged } from './period-total.ts';
import { asksHowOftenTrained } from './retrain-count-words.ts';
import { asksRetrainDecision } from './retrain-words.ts';
import { asksAgainstTheRules } from './against-rules-words.ts';

/** "¿a quién / a qué clientes / a cuáles …?": who a product is for. */
const TO_WHOM = /\ba (?:quien(?:es)?|que clientes?|cuales(?: clientes?)?)\b/;

/**
 * "¿qué le encajo / meto / llevo al 1002?": "what do I <verb> him" in the present or infinitive
 * asks what to sell him, whatever the (often slang) verb; past tenses ("le vendimos") do not match.
 */
const SELL_TO_HIM =
  /\bque (?:le|les) (?:(?:puedo|podria|podemos|deberia|deberiamos|voy a|vamos a|tengo que) )?\w+?(?:o|ar|er|ir)(?:le|les)?\b/;

/** "What should 1002 get / order next?": advice, whatever the verb. */
const SHOULD_GET =
  /\bwhat (?:else )?(?:should|could|would|can|might) \S+ (?:\S+ )?(?:get|buy|order|stock|carry|try|take|have)\b/;

/**
 * Before the customer noun, a question about what customers buy ("what do restaurant customers buy
 * the most?", "¿qué compran más los clientes?"): it ranks products, not the customers.
 */
const WHAT_THEY_BUY = /\b(?:what (?:do|does|did)|(?:lo )?que (?:mas )?(?:compr|pid|pide|llev|gast)\w*)\b/;

/** A question that opens asking what is bought: "¿qué compran poco los restaurantes?". */
const ASKS_WHAT_THEY_BUY = new RegExp(`^(?:y |and )?${WHAT_THEY_BUY.source}`);

/** "Who buys / orders the most?" names no customer noun but ranks customers all the same. */
const WHO_BUYS = /\b(?:quien(?:es)?|who) (?:\w+ )?(?:compr|pid|pide|gast|llev|buy|order|spend|purchas)\w*/;

/** "Quién compra": a likely-buyers word only when a product is named, not when buying most is ranked. */
const WHO_BUYS_NOW = /\bquien(?:es)? (?:le )?compra\b/g;

/** Whether, or when last, a customer bought a product. */
const PAIR_HISTORY =
  /\b(?:alguna vez|nunca|ever|never|ultima vez|last time|when did|cuando (?:fue|compro|pidio)|(?:last|ultima) (?:bought|buy|purchase|order|compra|pedido))\b/;

/**
 * Buying ahead, with a customer and a product named: "¿el 1002 va a comprar el 20230?", "will 1002
 * buy 20230?", "que el 1002 compre el 20230". The model's probability for the pair answers it.
 */
const WILL_BUY =
  /\b(?:(?:will|would|going to|gonna)(?: \S+){0,3} (?:buy|order|purchase|get)|(?:va|van|ira|iran) a (?:\S+ )?(?:comprar|pedir|llevar)|compre|compren|pida|pidan|comprara|pedira)\b/;

/**
 * How sure one can be, said of a customer and a product ("how sure is the model that 1002 buys
 * 20230?", "¿qué tan seguro está el modelo del 1002 con el 20230?", "what are the odds 1002 orders
 * 20230?"): the model's probability for the pair, not the model's own record. "Qué tan seguido"
 * (how often) is the pair's history.
 */
const PAIR_ODDS =
  /\b(?:odds|how (?:sure|confident|certain)|que tan (?:segur[oa]|confiad[oa]|confiable|probable)|confianza|confidence|certeza)\b/;

/** "¿Qué vendimos?", "what did we sell", "cuáles se vendieron": the things sold are asked for. */
const WHAT_SOLD = /\b(?:que|what|which|cuales) (?:\w+ ){0,2}(?:vend\w*|sold|sell\w*)\b/;

/** "¿Cuántas unidades …?", "how many orders …": a count of volume, which the total states. */
const COUNTS_VOLUME =
  /\b(?:cuant[oa]s|how many|numero de|number of|cantidad de|total de)\s+(?:unidades|units|pedidos|ordenes|orders|compras|purchases|lineas|lines|cajas|boxes)\b/;

/**
 * Drinks counted by their container: bought ("¿cuántas latas compraron los mayoristas?", "how many
 * bottles did restaurants buy?") they are units of that package, not a head count of the customers
 * named; in the catalogue ("¿cuántas latas hay?") they are products.
 */
const COUNTS_CONTAINERS =
  /\b(?:cuant[oa]s|how many|numero de|number of|cantidad de)\s+(?:latas|latitas|cans|botellas|botellitas|bottles|barriles|kegs|barrels|bidones|garrafas|jugs)\b/;

/** "¿Cuántos clientes …?": a head count of buyers, which a product's buyers answer. */
const COUNTS_PEOPLE =
  /\b(?:cuant[oa]s|how many|numero de|number of)\s+(?:\w+\s+)?(?:clientes?|customers?|compradores|buyers|tiendas|shops|stores)\b/;

/** "¿Cuánto compraron …?", "how much did … buy": the volume bought (not "cuántos", a head count). */
const HOW_MUCH = /\b(?:cuanto|cuanta|how much)\b/;

/** The volume nouns a fragment about a period's total names ("total unidades abril"). */
const VOLUME_FRAGMENT = /\b(?:unidades|units|pedidos|ordenes|orders|lineas|lines|total\w*)\b/;

/** Selling, in the past or present: "vendimos", "sold", "sell". */
const SOLD = /\b(?:vend\w*|sold|sell\w*)\b/;

/** "¿Cuántos productos / clientes …?" counts distinct ones, whatever the verb. */
const COUNTS_ITEMS = /\b(?:productos?|products?|articulos?|items?|referencias|skus?|clientes?|customers?)\b/;

/**
 * "¿Cuántas marcas …?", "how many categories …": a count of an attribute's values (singular too:
 * the speller may read "segments" as "segment").
 */
const COUNTS_ATTRIBUTE =
  /\b(?:cuant[oa]s|how many|number of|numero de)\s+(?:\w+\s+)?(?:marcas?|brands?|categorias?|categor(?:y|ies)|sub ?categorias?|subcategor(?:y|ies)|segmentos?|segments?|envases?|packages?|formatos?|formats?|tamanos?|sizes?)\b/;

/** "the best week", "la peor semana": a question about the weekly totals. */
const BEST_OR_WORST_WEEK = /\b(?:mejor|peor|best|worst|weakest|strongest)\s+(?:semana|week)\b/;

/** "which customers", "qué clientes", "who": the customers are what is asked for. */
const ASKS_WHICH_CUSTOMERS =
  /\b(?:quien(?:es)?|who|whom|(?:que|cuales|which|what) (?:clientes?|customers?|tiendas|shops|stores))\b/;

/**
 * "¿Qué productos / cuáles marcas …?", "¿cuál es la marca que más creció?": the items are what is
 * asked for, so a growth word ranks them rather than describing the total ("¿están creciendo las
 * ventas?").
 */
const ASKS_WHICH_ITEMS =
  /\b(?:que|cuales|which|what|cuant[oa]s|how many|cual(?:es)? (?:es|son|fue|fueron) (?:el|la|los|las))\s+(?:\w+\s+)?(?:productos?|products?|articulos?|items?|skus?|referencias?|marcas?|brands?)\b/;

/**
 * "La marca que más creció", "el producto que más cayó", "the brand that grew the most": one item
 * picked out by its change, which ranks the items (a brand named, "la marca 24 creció", is no
 * ranking: its number stands where "que" would); "los 3 productos que más crecieron" asks for three.
 */
const THE_ITEM_THAT =
  /\b(?:el|la|los|las|the)\s+(?:(?:\d{1,2}|dos|tres|cuatro|cinco|diez|two|three|four|five|ten)\s+)?(?:productos?|products?|articulos?|items?|skus?|referencias?|marcas?|brands?)\s+(?:que|that|which)\b/;

/**
 * "¿Cuál es el segmento que más crece?", "which package is growing?": a kind of product asked for,
 * whose values a growth word ranks.
 */
const ASKS_WHICH_KIND =
  /\b(?:que|cual(?:es)?(?: (?:es|son|fue|fueron))?(?: (?:el|la|los|las))?|which|what)\s+(?:(?:is|are|was|were) (?:the )?)?(?:segmentos?|segments?|envases?|packages?|categorias?|categor(?:y|ies)|sub ?categorias?|sub-?categor(?:y|ies))\b/;

/**
 * "Productos en caída", "brands growing this month": a question that opens with the items is about
 * them, unless it names their sales ("productos premium: ¿cómo van las ventas?" is a trend).
 */
const ITEMS_FIRST =
  /^(?:y |and )?(?:los |las |the |our |nuestros |nuestras |mis |my )?(?:productos|products|articulos|items|skus|referencias|marcas|brands)\b(?!.*\b(?:ventas|sales)\b)/;

/** "¿Qué se está vendiendo menos …?", "what's selling less …?": what sells is what is asked for. */
const WHAT_SELLS = /\b(?:que se (?:esta |estan )?vend\w*|what (?:s|is|are) (?:selling|moving)|what sells)\b/;

/** "Movers", or which products or brands rose or fell: the items ranked by their change. */
const asksWhichItemsMoved = (text: string, has: (group: WordGroup) => boolean): boolean =>
  has('movers') ||
  ((has('rising') || has('falling')) &&
    (ASKS_WHICH_ITEMS.test(text) ||
      WHAT_SELLS.test(text) ||
      ITEMS_FIRST.test(text) ||
      ASKS_WHICH_KIND.test(text) ||
      THE_ITEM_THAT.test(text)));

/** Sales words: a share of them ("¿qué porcentaje de las ventas …?") is no share of customers. */
const SALES =
  /\b(?:ventas?|sales|unidades|units|vend\w*|sold|sell\w*|compr\w*|buy\w*|bought|pedid\w*|orders?)\b/;

/** A brand ranking asked for, not one brand named: "¿cuál es la marca favorita del 1002?". */
const BRAND_NOUN = /\b(?:marcas?|brands?)\b/;

/** Drift is measured against training: "¿cambió la distribución de clientes respecto al entrenamiento?". */
const AGAINST_TRAINING = /\b(?:entren\w*|train\w*|drift\w*|deriva)\b/;

/**
 * "¿Qué porcentaje de clientes son restaurantes?", "¿cuántos clientes hay de cada tipo?": the
 * customer master split by type, when the customers (or a type of them) are what is counted.
 */
function asksCustomerMix(text: string, s: IntentSignals): boolean {
  if (s.hasCustomer || s.hasProduct || SALES.test(text) || AGAINST_TRAINING.test(text)) return false;
  if (!GROUP_RE.customer.test(text) && !s.hasCustomerType) return false;
  // "Average basket size per customer type": the orders are measured, the type only splits them.
  if (GROUP_RE.orderSize.test(text)) return false;
  return GROUP_RE.share.test(text) || GROUP_RE.byCustomerType.test(text);
}

/**
 * "¿Qué clientes compran poco?", "smallest customers", "¿qué mayoristas compraron poco?": the
 * customers who bought least, when the customers (or a type of them) are what is ranked, not what
 * they buy ("¿qué marcas compran poco los clientes?" ranks brands).
 */
function asksSmallCustomers(text: string, s: IntentSignals): boolean {
  if (s.hasCustomer || s.hasProduct) return false;
  if (!GROUP_RE.smallCustomers.test(text) && !GROUP_RE.slowMovers.test(text)) return false;
  if (BRAND_NOUN.test(text) && !s.hasBrand) return false;
  if (ranksCustomers(text)) return true;
  // "Restaurantes que compran poco" ranks them; "¿qué compran poco los restaurantes?" asks what.
  return s.hasCustomerType && !GROUP_RE.product.test(text) && !ASKS_WHAT_THEY_BUY.test(text);
}

/**
 * "¿Qué porcentaje de las ventas son latas?", "share of sales by package": a share of the units
 * sold, of a kind of product (or customer), or their split. Not one customer's or product's, and
 * not the distribution drift measures against training.
 */
function asksSalesShare(text: string, s: IntentSignals): boolean {
  if (s.hasCustomer || s.hasProduct || AGAINST_TRAINING.test(text) || !GROUP_RE.share.test(text))
    return false;
  if (SALES.test(text)) return true;
  // "¿Qué porcentaje son latas?": a kind of product named, and neither customers nor products counted.
  return s.hasFilter && !GROUP_RE.customer.test(text) && !GROUP_RE.product.test(text);
}

/** Words that ask how good or what kind the model is, rather than what it forecasts. */
const MODEL_QUALITY: readonly WordGroup[] = [
  'performance',
  'howItDoes',
  'modelInfo',
  'drivers',
  'driversAlone',
];

/** Whether a ranking question ranks customers: they are its subject, not what they buy. */
function ranksCustomers(text: string): boolean {
  const c = text.search(GROUP_RE.customer);
  if (c < 0) return WHO_BUYS.test(text);
  const p = text.search(GROUP_RE.product);
  if (p >= 0 && p < c) return false;
  return !WHAT_THEY_BUY.test(text.slice(0, c));
}

/** What the rules may use besides the words. */
export interface IntentSignals {
  readonly hasCustomer: boolean;
  readonly hasProduct: boolean;
  readonly hasPeriod: boolean;
  readonly hasTwoPeriods: boolean;
  readonly hasFilter: boolean;
  readonly hasCustomerType: boolean;
  /** A brand is named ("la marca Brand 7"), so "marca" in the question is no ranking of brands. */
  readonly hasBrand: boolean;
}

/** A question's intent and whether it only makes sense after an earlier turn. */
export interface IntentGuess {
  readonly intent: ChatIntent;
  /** "show more": repeat the previous question further down its list. */
  readonly more?: boolean;
  /**
   * No word asked for the intent: an id alone made it ("¿y el 1002?" is a customer's history only
   * for want of anything else), so a previous question may say what is asked about it.
   */
  readonly byIdAlone?: boolean;
  /** "¿Hay alertas?", "what's wrong?": the monitoring's open alerts (a monitoring question). */
  readonly alerts?: boolean;
  /** "Resumen de la semana", "how was last week?": the week's digest (a comparison of periods). */
  readonly digest?: boolean;
  /** "¿Hasta qué fecha hay datos?", "what data do we have?": the data's span and size (an operations question). */
  readonly dataCoverage?: boolean;
  /** "¿Qué clientes compraron menos que el mes pasado?": customers ranked by their change (movers). */
  readonly customerMovers?: boolean;
  /** "¿Se reentrenó el modelo?", "what did the gate decide?": the weekly run's model decision. */
  readonly retrainDecision?: boolean;
}

/**
 * The intent of a normalized, spell-corrected question. Ordered rules, most specific first: a
 * question that names a model metric is about the model even if it names a week; one that asks why
 * a product is recommended is an explanation even though it says "recommend".
 *
 * @example
 * classifyIntent('que productos deberia ofrecer al cliente 100001', { hasCustomer: true, ... }).intent; // 'recommend'
 */
export function classifyIntent(text: string, s: IntentSignals): IntentGuess {
  const has = (k: WordGroup) => GROUP_RE[k].test(text);
  if (ASKS_FOR_MORE.test(text)) return { intent: 'unknown', more: true };
  // Margins, prices, stock: no tool has them, whatever else the question names.
  if (missingDataAsked(text).length > 0) return { intent: 'unknown' };

  // "¿El 100001 compró el 20113 alguna vez?", "when did 100001 last buy 20061?": that pair's history.
  if (s.hasCustomer && s.hasProduct && PAIR_HISTORY.test(text)) return { intent: 'customer_history' };
  // "¿Qué probabilidad hay de que el 1002 compre el 20230?": the model's odds for the pair, not its past.
  if (s.hasCustomer && s.hasProduct && (has('likely') || WILL_BUY.test(text) || PAIR_ODDS.test(text)))
    return { intent: 'explain_recommendation' };
  // "¿Qué tipo de cliente es el 1002?", "¿el 1002 es mayorista?": what the customer is, not its history.
  if (
    s.hasCustomer &&
    !s.hasProduct &&
    !has('recommend') &&
    !has('why') &&
    asksCustomerProfile(text, s.hasCustomerType)
  ) {
    return { intent: 'customer_info' };
  }

  // "¿Hay alertas?", "what's wrong?", "¿algo que deba saber?": the monitoring's open alerts, before
  // drift and the weekly run, whose words ("falla", "drift") an alert may name.
  if (asksAlerts(text, s.hasCustomer || s.hasProduct)) return { intent: 'drift_status', alerts: true };
  // "Resumen de la semana", "¿cómo fue la semana?": the week against the one before, and more; a
  // summary of the model, a run or a batch is theirs.
  if (
    asksDigest(text, s.hasCustomer || s.hasProduct) &&
    !['model', 'pipeline', 'batch', 'drift', 'drivers'].some((k) => has(k as WordGroup))
  )
    return { intent: 'compare_periods', digest: true };

  // "Is data missing for any week?", "¿hay semanas sin ventas?": the holes in the data's days,
  // answered beside what the data covers; before the words for data the platform lacks ("missing").
  if (asksDataGaps(text, s.hasCustomer || s.hasProduct || s.hasFilter))
    return { intent: 'last_batch', dataCoverage: true };
  // "¿Hasta qué fecha hay datos?", "what data do we have?": what the data holds and its days, before
  // the sales words ("ventas") and counts it may name; answered beside the last batch loaded.
  if (asksDataCoverage(text, s.hasCustomer || s.hasProduct) && !has('model') && !has('drift'))
    return { intent: 'last_batch', dataCoverage: true };

  // "Clientes nuevos este mes", "who started buying in November": before the rankings and counts
  // whose words ("¿cuántos clientes …?") they share. "¿Qué le ofrezco a un restaurante nuevo?" asks
  // what to offer a customer with no history yet: the advice for its type, below.
  if (
    !has('recommend') &&
    asksNewCustomers(text, {
      namesCustomer: s.hasCustomer,
      namesProduct: s.hasProduct,
      hasCustomerType: s.hasCustomerType,
      customerNoun: has('customer'),
      productNoun: has('product'),
    })
  )
    return { intent: 'new_customers' };

  // "Which wholesalers bought less this month than last month?", "¿cuál es el cliente que más ha
  // crecido?": customers ranked by their change, before small customers ("compraron menos") and
  // the comparison of two periods' totals.
  if (
    asksCustomerMovers(text, {
      namesCustomerOrProduct: s.hasCustomer || s.hasProduct,
      hasCustomerType: s.hasCustomerType,
      hasTwoPeriods: s.hasTwoPeriods,
    }) &&
    !has('lapsed') &&
    !has('model')
  )
    return { intent: 'movers', customerMovers: true };

  // The forecast is the model's output: "¿qué tan precisas son las predicciones?" asks about the model.
  const modelish = has('model') || has('forecast');
  // Before drift, whose words include "distribución".
  if (asksCustomerMix(text, s)) return { intent: 'customer_mix' };
  if (asksSalesShare(text, s)) return { intent: 'sales_share' };
  // "¿Se reentrenó el modelo? ¿por qué?", "what did the gate decide?": the weekly run's decision,
  // before drift (a reason to retrain) and the model's drivers ("why" beside "model").
  if (
    asksRetrainDecision(text, s.hasCustomer || s.hasProduct) ||
    (!s.hasCustomer && !s.hasProduct && asksHowOftenTrained(text))
  )
    return { intent: 'pipeline_last_run', retrainDecision: true };
  if (has('drift')) return { intent: 'drift_status' };
  if (has('why') && (has('model') || has('drivers')) && !has('recommend') && !s.hasCustomer) {
    return { intent: 'prediction_drivers' };
  }
  if (has('drivers') && (modelish || has('why') || /\bpredic\w*|prediction\w*|score\b/.test(text))) {
    return { intent: 'prediction_drivers' };
  }
  // "¿Qué explica la predicción del 20230 para el 101252?" asks for the drivers of a prediction.
  if (has('why') && /\b(?:predic\w*|prediction\w*)\b/.test(text) && !has('recommend')) {
    return { intent: 'prediction_drivers' };
  }
  // "What's the forecast for customer 1002?", "pronóstico del 20230", "previsión de la marca X": what
  // the model expects of them (how good the forecast is, and the forecast alone, are the model's).
  const forecastOf = has('forecast') && !has('why') && !MODEL_QUALITY.some((k) => has(k));
  if (forecastOf && s.hasCustomer) return { intent: s.hasProduct ? 'explain_recommendation' : 'recommend' };
  if (forecastOf && (s.hasProduct || (s.hasFilter && !s.hasCustomerType))) return { intent: 'likely_buyers' };
  if (forecastOf && s.hasCustomerType) return { intent: 'recommend' };
  // "¿Por qué se rechazó el último lote?" asks about the load, not about advice.
  if (has('why') && !(has('batch') && !s.hasCustomer && !s.hasProduct))
    return { intent: 'explain_recommendation' };

  // "¿Cuántas transacciones quedaron en cuarentena?" names sales words but asks about the load.
  const quarantine = /\b(?:cuarentena|quarantin\w*)\b/.test(text);
  // "¿Qué marcas han subido?" is no upload: which items rose.
  if (has('batch') && (quarantine || !has('history')) && !s.hasCustomer && !asksWhichItemsMoved(text, has))
    return { intent: 'last_batch' };
  if (has('pipeline') && !s.hasCustomer && !s.hasProduct) {
    if (has('next') && !has('failed')) return { intent: 'pipeline_next_run' };
    return { intent: 'pipeline_last_run' };
  }
  if (
    has('next') &&
    // "¿Cuándo es el próximo reentrenamiento?": "re-" before "entrena" too.
    /\b(?:corre|run|ejecuta|entrena|retrain|re-?entren)\w*/.test(text) &&
    !s.hasCustomer &&
    !s.hasProduct
  ) {
    return { intent: 'pipeline_next_run' };
  }

  const aboutSales = s.hasProduct || s.hasCustomer || s.hasFilter;
  // "¿Hubo alguna falla?" with nothing about sales is about the weekly run.
  if (has('failed') && !aboutSales && !has('model')) return { intent: 'pipeline_last_run' };
  // "¿Qué marcas crecieron más entre octubre y noviembre?" ranks the brands between the two periods;
  // "How did May do against April?": two periods and no word of the model compare sales.
  if (s.hasTwoPeriods && !s.hasCustomer && !s.hasProduct && asksWhichItemsMoved(text, has)) {
    return { intent: 'movers' };
  }
  if (s.hasTwoPeriods && !modelish && !asksAgainstTheRules(text)) return { intent: 'compare_periods' };
  // "Which rule was the best?" says "best" of the model's rules, not of the products.
  if (has('performance') && (modelish || asksAgainstTheRules(text) || (!has('top') && !aboutSales)))
    return { intent: 'model_performance' };
  // "¿Qué tal funciona el modelo?", "¿cómo anduvo el modelo?": how good it is.
  if (modelish && has('howItDoes') && !has('drivers')) return { intent: 'model_performance' };
  // "¿Cómo le fue a la marca X en diciembre comparado con noviembre?" names two periods: compare them.
  if (has('performance') && aboutSales)
    return { intent: s.hasTwoPeriods ? 'compare_periods' : 'sales_trend' };
  if (modelish && has('drivers')) return { intent: 'prediction_drivers' };
  // Without "model": "what features matter most?", "¿qué versión está en producción?", as long as
  // nothing in the question is about customers or products.
  const aboutModelOnly = !aboutSales && !GROUP_RE.customer.test(text) && !GROUP_RE.product.test(text);
  if (has('driversAlone') && aboutModelOnly) return { intent: 'prediction_drivers' };
  if (modelish || (has('modelInfo') && (/\bentren\w*|train\w*/.test(text) || aboutModelOnly))) {
    return { intent: 'model_info' };
  }

  // Before slow movers, whose words ("que menos compran") it shares, and lapsed customers.
  if (asksSmallCustomers(text, s)) return { intent: 'small_customers' };
  // "¿Qué productos no se venden?", "slow movers": before lapsed ("productos dormidos") and movers
  // ("slow movers"); customers who buy little are no slow products.
  if (
    !s.hasCustomer &&
    !s.hasProduct &&
    has('slowMovers') &&
    (!GROUP_RE.customer.test(text) || GROUP_RE.product.test(text) || BRAND_NOUN.test(text))
  ) {
    return { intent: 'slow_movers' };
  }
  // "Average order size", "¿cuántas unidades por pedido compra el 1002?": before the basket and counts.
  // One product's orders ("average order size of 1370") are its lines; with a customer as well it
  // is that pair's history.
  // "Frecuencia de compra promedio" is how often, not an average purchase's size.
  if ((!s.hasProduct || !s.hasCustomer) && has('orderSize') && !/\b(?:frecuencia|frequency)\b/.test(text))
    return { intent: 'order_size' };

  // "¿el 1002 dejó de comprar?" asks about one customer: their history shows when they last bought.
  if (has('lapsed')) {
    return {
      intent: s.hasCustomer && !s.hasProduct && !s.hasFilter ? 'customer_history' : 'lapsed_customers',
    };
  }
  // "¿Quién compra más latas?" ranks who buys most now; "¿quién compra el 20230?" asks who will.
  if (
    !s.hasCustomer &&
    !s.hasProduct &&
    has('rankCustomers') &&
    ranksCustomers(text) &&
    !GROUP_RE.likely.test(text.replace(WHO_BUYS_NOW, ''))
  ) {
    return { intent: 'top_customers' };
  }
  if (has('likely') && !s.hasCustomer) return { intent: 'likely_buyers' };
  // "¿Qué productos va a comprar el 164064?", "¿qué probabilidad hay de que compre algo?": the
  // forecast for that customer, not what they bought.
  if (has('likely') && s.hasCustomer && !s.hasProduct) return { intent: 'recommend' };
  // "¿A quién le muevo el 20230?": whoever the verb, asking who for a product wants buyers.
  if (!s.hasCustomer && (s.hasProduct || s.hasFilter) && TO_WHOM.test(text)) {
    return { intent: 'likely_buyers' };
  }
  if (
    has('recommend') &&
    !s.hasCustomer &&
    (s.hasProduct || s.hasFilter) &&
    /\b(?:a quien\w*|a que clientes?|quien\w*|who|whom|which customers?|what customers?|que clientes?|cuales clientes?|a cuales)\b/.test(
      text,
    )
  ) {
    return { intent: 'likely_buyers' };
  }
  // "¿Le ofrezco el 20230 al 101252?" names the product: it asks about that one, not for a list.
  // "How many customers did we sell to in December?" counts; it asks for no advice.
  if (has('recommend') && !(has('count') && !s.hasCustomer && !s.hasProduct)) {
    return { intent: s.hasProduct && s.hasCustomer ? 'explain_recommendation' : 'recommend' };
  }

  // "¿Quién compró el 20012?", "customers who ordered 20012": that product's past buyers (future
  // tenses were taken by `likely` above).
  if (
    s.hasProduct &&
    !s.hasCustomer &&
    !has('count') &&
    has('buyVerb') &&
    (has('who') || GROUP_RE.customer.test(text))
  ) {
    return { intent: 'product_buyers' };
  }

  if (
    s.hasCustomer &&
    !s.hasProduct &&
    ((SELL_TO_HIM.test(text) && !has('history')) || SHOULD_GET.test(text))
  ) {
    return { intent: 'recommend' };
  }

  if (!s.hasCustomer && !s.hasProduct && has('newProducts')) return { intent: 'new_products' };
  // Before the trend: "which brands are growing?" ranks brands by their change, not the total.
  if (!s.hasCustomer && !s.hasProduct && asksWhichItemsMoved(text, has)) {
    return { intent: 'movers' };
  }

  // "¿Cuál es la marca favorita del 1002?", "which brands does 1002 buy the most?": that customer's
  // brands ranked (the top products at the grain of brands).
  if (
    s.hasCustomer &&
    !s.hasProduct &&
    !s.hasBrand &&
    BRAND_NOUN.test(text) &&
    (has('top') || has('favorite') || has('buyVerb') || has('history') || has('rankCustomers'))
  ) {
    return { intent: 'top_products' };
  }
  // "¿Qué marca prefieren los restaurantes?", "favourite products of wholesalers": what that type
  // of customer buys most (its brands when brands are named), not the list of those customers.
  if (
    !s.hasCustomer &&
    !s.hasProduct &&
    s.hasCustomerType &&
    has('favorite') &&
    (BRAND_NOUN.test(text) || GROUP_RE.product.test(text) || /\b(?:que|what|which)\b/.test(text))
  ) {
    return { intent: 'top_products' };
  }
  // "¿Cuáles son los 3 productos que más compra el 1002?", "1002's top products": that customer's
  // products ranked by units (a usual basket ranks by weeks bought, and is asked for in its words).
  if (
    s.hasCustomer &&
    !s.hasProduct &&
    GROUP_RE.product.test(text) &&
    !has('basket') &&
    (has('top') || has('favorite') || has('rankCustomers'))
  ) {
    return { intent: 'top_products' };
  }
  if (has('basket')) return { intent: 'customer_basket' };
  if (has('frequency')) return { intent: 'customer_frequency' };
  if ((has('compare') && s.hasPeriod) || s.hasTwoPeriods) return { intent: 'compare_periods' };
  if (has('trend')) return { intent: 'sales_trend' };
  // "¿Cómo viene el cliente X?" asks for a summary; "¿cómo viene la marca X?" for a trend.
  if (has('howIsItDoing') && (aboutSales || /\b(?:ventas|sales)\b/.test(text))) {
    return { intent: s.hasCustomer && !s.hasProduct && !s.hasFilter ? 'customer_history' : 'sales_trend' };
  }
  // "¿Cuál fue la peor semana del año?": the weekly trend names the best and the weakest week.
  if (BEST_OR_WORST_WEEK.test(text)) return { intent: 'sales_trend' };
  // "¿Cuántos clientes compraron el 20113 en diciembre?": that product's buyers, counted first.
  if (s.hasProduct && !s.hasCustomer && has('count') && has('buyVerb') && GROUP_RE.customer.test(text)) {
    return { intent: 'product_buyers' };
  }
  if (!s.hasCustomer && !s.hasProduct && has('rankCustomers') && ranksCustomers(text)) {
    return { intent: 'top_customers' };
  }
  // "¿Qué clientes compran barriles?", "who buys Brand 16?": the buyers of a kind of product, biggest first.
  if (
    !s.hasCustomer &&
    !s.hasProduct &&
    s.hasFilter &&
    has('buyVerb') &&
    (ASKS_WHICH_CUSTOMERS.test(text) || opensWithCustomersWhoBought(text, s.hasCustomerType))
  ) {
    return { intent: 'top_customers' };
  }
  // "¿Qué restaurantes compraron en marzo?", "which wholesalers bought brand 24?": those customers.
  if (!s.hasCustomer && !s.hasProduct && s.hasCustomerType && has('buyVerb') && asksWhichOfType(text)) {
    return { intent: 'top_customers' };
  }
  // "What did restaurants buy last month?": what a kind of customer, or everyone in a period, bought.
  if (
    !s.hasCustomer &&
    !s.hasProduct &&
    (s.hasCustomerType || s.hasPeriod) &&
    has('buyVerb') &&
    /\b(?:que|what|which)\b/.test(text)
  ) {
    return { intent: 'top_products' };
  }
  if (has('top')) return { intent: s.hasCustomer ? 'customer_basket' : 'top_products' };

  // "¿Cuánto creció la marca 24 en marzo?": a change of the total, not a count of its products.
  if (!s.hasCustomer && asksHowMuchItChanged(text)) return { intent: 'sales_trend' };
  if (has('count') && !s.hasCustomer) {
    // "¿Cuántas marcas hay / vendemos?": the brands (or categories, packages…) counted.
    if (COUNTS_ATTRIBUTE.test(text) && !COUNTS_ITEMS.test(text)) return { intent: 'count_products' };
    // "¿Cuántas latas vendimos en diciembre?" asks for units sold, not for the cans in the catalogue.
    if (SOLD.test(text) && !COUNTS_ITEMS.test(text)) return { intent: 'sales_trend' };
    // "How much did restaurants buy?", "how many units of cans…?": a volume, not a head count.
    if (!s.hasProduct && (COUNTS_VOLUME.test(text) || (HOW_MUCH.test(text) && has('buyVerb'))))
      return { intent: 'sales_trend' };
    if (!s.hasProduct && COUNTS_CONTAINERS.test(text) && has('buyVerb')) return { intent: 'sales_trend' };
    // "How many units of product 1370 did we sell last week?": that product's volume, not how many
    // products sold (one customer's units of it are the pair's history).
    // ("¿cuánto mide el 1370?" asks its size: "how much" counts volume only with a sales verb.)
    if (
      s.hasProduct &&
      (COUNTS_VOLUME.test(text) || (HOW_MUCH.test(text) && (SOLD.test(text) || has('buyVerb')))) &&
      !COUNTS_PEOPLE.test(text)
    )
      return { intent: 'sales_trend' };
    const c = text.search(GROUP_RE.customer);
    const p = text.search(GROUP_RE.product);
    if (c >= 0 && (p < 0 || c < p)) return { intent: 'count_customers' };
    if (p >= 0) return { intent: 'count_products' };
    if (s.hasCustomerType) return { intent: 'count_customers' };
    if (s.hasFilter || /\b(?:catalogo|catalogue|catalog)\b/.test(text)) return { intent: 'count_products' };
    // "¿cuántas compras hubo en noviembre?": the trend answer states the period's total.
    if (!s.hasProduct && has('volume')) return { intent: 'sales_trend' };
  }
  // "Total unidades abril", "pedidos de la semana pasada": a volume and a period, asking nothing
  // else, are the period's total (what was bought is asked with "qué": "¿qué pedidos …?").
  if (
    !s.hasCustomer &&
    !s.hasProduct &&
    VOLUME_FRAGMENT.test(text) &&
    (s.hasPeriod || /\btotal\w*\b/.test(text)) &&
    !/\b(?:que|what|which|cuales|quien\w*|who)\b/.test(text) &&
    !has('top') &&
    !has('rankCustomers')
  ) {
    return { intent: 'sales_trend' };
  }
  // "Units of 1370 last week", "pedidos del 1370 en noviembre": that product's volume in the period.
  if (
    s.hasProduct &&
    !s.hasCustomer &&
    s.hasPeriod &&
    VOLUME_FRAGMENT.test(text) &&
    !/\b(?:que|what|which|cuales|quien\w*|who)\b/.test(text)
  ) {
    return { intent: 'sales_trend' };
  }
  // "mi", "su": the speaker's or an earlier-named customer ("… y cuándo fue su última compra").
  if (has('history') && (s.hasCustomer || /\b(?:me|mi|my|su|sus|his|her|their|he|she|they)\b/.test(text)))
    return { intent: 'customer_history' };
  if (has('history') && s.hasProduct) return { intent: 'sales_trend' };
  if (has('history') && (s.hasPeriod || s.hasFilter)) return { intent: 'top_products' };
  if (/\b(?:ventas|sales)\b/.test(text) || SOLD.test(text)) {
    if (s.hasCustomer) return { intent: 'customer_history' };
    // "¿Qué vendimos?", "ventas por marca" ask what sold; "ventas de la semana pasada", "sales of
    // cans last month" how much: the period's total.
    return {
      intent: s.hasProduct || !(WHAT_SOLD.test(text) || splitBy(text)) ? 'sales_trend' : 'top_products',
    };
  }
  // "¿La marca 24 creció este mes?", "did product 1370 fall in May?": a change of its sales, said as done.
  if (!s.hasCustomer && (s.hasProduct || s.hasFilter || s.hasPeriod) && completedChange(text))
    return { intent: 'sales_trend' };
  if (has('productInfo') && s.hasProduct) return { intent: 'product_info' };
  if (ASKS_FOR_HELP.test(text)) return { intent: 'help' };
  if (s.hasCustomer && !s.hasProduct) return { intent: 'customer_history', byIdAlone: true };
  if (s.hasProduct && !s.hasCustomer) return { intent: 'product_info', byIdAlone: true };
  // A customer and a product with no other word ("¿le conviene al 1002 el 20230?"): that pair's case.
  if (s.hasProduct && s.hasCustomer) return { intent: 'explain_recommendation', byIdAlone: true };
  return { intent: 'unknown' };
}
