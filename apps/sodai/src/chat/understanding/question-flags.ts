import type { PolicyTopic } from './policy-question.ts';
import type { ExcludedKind } from './excluded-kind.ts';
import type { Compared } from './comparison.ts';
import type { PeakAsked } from './peak-period-words.ts';
import type { PredictionRunAsked } from './prediction-run-words.ts';
import type { RefusalFocus } from './refusal-follow-up.ts';
import type { MonthlyLeaders } from './monthly-leaders-words.ts';
import type { RunsAsked } from './runs-asked-words.ts';
import type { ComparedValues } from './compared-values.ts';
import type { Place, PlaceGrain } from './place-words.ts';
import type { ReturnsBy } from './returns-words.ts';
import type { BuyersButNot } from './buyers-but-not-words.ts';
import type { PerCustomerMeasure } from './per-customer-words.ts';
import type { TopOne } from './top-one-words.ts';
import type { ItemGrain } from './buyers-change-words.ts';
import type { BuyersRanking } from './buyers-ranking-words.ts';
import type { BoughtButNotBy } from './bought-but-not-by-words.ts';
import type { KindsTogether, TwoKinds } from './two-kinds-words.ts';

/**
 * What a question asks beyond its intent and entities, read by understanding and passed to the
 * tools as is: one list, so a new kind of question is declared once.
 */
export interface QuestionFlags {
  /** Ids as written when they are not safe integers (answered as unknown). */
  readonly customerText?: string;
  readonly productText?: string;
  /** "¿Cuántos clientes compran poco?": the size of the group asked about comes first. */
  readonly howMany?: boolean;
  /** "¿Cuántos clientes no compraron …?": those who did not buy are what is counted. */
  readonly notBought?: boolean;
  /** "¿Qué porcentaje de los clientes compró en diciembre?": the buyers as a share of those registered. */
  readonly shareOfBuyers?: boolean;
  /** "¿Qué compra el primero?": the question pointed at one of the latest list by its place. */
  readonly pointedAt?: boolean;
  /** "¿Cuántos litros se vendieron en diciembre?": the volume in litres leads, not the units. */
  readonly inLitres?: boolean;
  /** "Ventas de la semana pasada", "¿cuánto vendimos?": the period's total comes first, not its trend. */
  readonly periodTotal?: boolean;
  /** "¿La marca 24 creció este mes?": yes or no on the period's change, and the direction a yes stands for (with `periodTotal`). */
  readonly changeAsked?: 'up' | 'down';
  /** "¿Cuántos clientes compran latas y botellas?": buyers of both kinds (or either), and of each alone (intent `count_customers`). */
  readonly twoKinds?: TwoKinds;
  /** "Los mejores clientes de latas y botellas": a ranking over both kinds (intents `top_customers`, `top_products`). */
  readonly kindsTogether?: KindsTogether;
  /** "¿Qué clientes suelen comprar el 1370 y no lo compraron la semana pasada?": its regulars who skipped the week (intent `product_buyers`). */
  readonly regularsSkipped?: boolean;
  /** "¿Qué le ofrezco al 181101 que no sea el 1370?": the product left out of the offer (intent `recommend`). */
  readonly offerExcept?: number;
  /** "¿Cuánto gastó el 1002?": spending asked, answered in units and said so. */
  readonly spendingAsked?: boolean;
  /** "¿El 100026 es el mejor cliente?": yes or no on the one named being the top one (or in the top N). */
  readonly asksIfTop?: boolean;
  /** "¿Qué compró el 1002 en su último pedido?": the products of the customer's last purchase day. */
  readonly lastOrder?: boolean;
  /** "¿Qué cambió en los datos?", "which features moved?": what moved opens the drift answer (intent `drift_status`). */
  readonly whatChanged?: boolean;
  /** "¿Hay alertas?", "what's wrong?": the monitoring's open alerts (intent `drift_status`). */
  readonly asksAlerts?: boolean;
  /** "Resumen de la semana", "how was last week?": the week's digest (intent `compare_periods`). */
  readonly digest?: boolean;
  /** "¿Hasta qué fecha hay datos?": the data's span and size (intent `last_batch`). */
  readonly dataCoverage?: boolean;
  /** "Is data missing for any week?", "¿hay semanas sin ventas?": the weeks the data lacks (with `dataCoverage`). */
  readonly dataGaps?: boolean;
  /** "¿Por qué se rechazó el último lote?", "did the last batch fail?": the last rejected batch (intent `last_batch`). */
  readonly rejectedBatch?: boolean;
  /** "¿Y qué hago?", "which rows?" after a refused batch: what the answer on it opens with (intent `last_batch`). */
  readonly refusalFocus?: RefusalFocus;
  /**
   * "¿Cuántos lotes se cargaron este mes?", "batches loaded since Nov 1": the batches of a time of
   * loading, which the tool reads from `text` against today (intent `last_batch`).
   */
  readonly batchesLoaded?: { readonly text: string };
  /** "¿Cuántas corridas fallaron este mes?", "which run failed?": the runs of a time (intent `pipeline_last_run`). */
  readonly runsAsked?: RunsAsked;
  /** "¿Se reentrenó el modelo? ¿por qué?", "what did the gate decide?": the last retrain and gate decisions (intent `pipeline_last_run`). */
  readonly retrainDecision?: boolean;
  /** "¿Qué decidió el gate?": the gate's decision opens the retrain answer (intent `pipeline_last_run`). */
  readonly gateAsked?: boolean;
  /**
   * "¿Cuántas veces se reentrenó el modelo este mes?": the retrainings of the weekly runs of a time,
   * which the tool reads from `text` against today (intent `pipeline_last_run`).
   */
  readonly retrainsCounted?: { readonly text: string };
  /**
   * "¿Cuántas predicciones hizo la última corrida?", "¿qué modelo predijo la semana del 16 de
   * diciembre?": what the weekly runs predicted, read from their predict task (intents
   * `pipeline_last_run`, `model_info`).
   */
  readonly predictionRun?: PredictionRunAsked;
  /** "¿Le gana el modelo a las reglas por semana?": the model against the best rule, week by week (intent `model_performance`). */
  readonly againstRules?: boolean;
  /** "¿Qué marca perdió más clientes?": brands (or products …) by the change in their buyers (intent `movers`). */
  readonly buyersMoved?: ItemGrain;
  /** "¿Qué producto tiene más clientes?": products (or brands …) by how many customers bought them (intent `top_products`). */
  readonly buyersRanked?: BuyersRanking;
  /** "¿Qué clientes compraron menos que el mes pasado?": customers by their change (intent `movers`). */
  readonly customerMovers?: boolean;
  /** "List products in the KEG package", "what sizes does brand 34 sell?": the catalogue (`count_products`). */
  readonly catalogue?: boolean;
  /** "¿Cuántas devoluciones hubo?", "which customers return the most?": returns, and who or what is ranked. */
  readonly returnsBy?: ReturnsBy;
  /** "Promedio por semana", "average units per week of 1002": the period's weekly average (intent `sales_trend`). */
  readonly weeklyAverage?: boolean;
  /** "Ventas de la marca 24 por mes", "monthly sales": units month by month (intent `sales_trend`). */
  readonly byMonth?: boolean;
  /** "El producto más vendido de cada mes", "top brands per month": each month's leaders (intents `top_products`, `top_customers`). */
  readonly monthlyLeaders?: MonthlyLeaders;
  /** "¿Qué productos nunca se vendieron?": the catalogue's products with no sale at all (intent `slow_movers`). */
  readonly neverSold?: boolean;
  /** "Ventas de la marca más vendida por semana": the trend of the best-selling brand or product (intent `sales_trend`). */
  readonly ofTopOne?: TopOne;
  /** "¿En qué semanas no se vendieron latas?": the weeks without sales of what is named (intent `sales_trend`). */
  readonly weeksWithoutSales?: boolean;
  /** "¿Cuál fue la semana con más ventas?", "el peor mes": the best or worst week or month (intent `sales_trend`). */
  readonly peak?: PeakAsked;
  /**
   * "Clientes que compran el 1370 todas las semanas", "who buys brand X every week?": the customers
   * who bought in most of the recent weeks (intent `product_buyers` or `top_customers`).
   */
  readonly regularBuyers?: boolean;
  /** "¿Qué día de la semana se vende más?": sales by weekday (intent `sales_share`). */
  readonly weekdaySplit?: boolean;
  /** "¿El cliente 1002 suele comprar los lunes?": yes or no on that ISO weekday, with the split. */
  readonly askedWeekday?: number;
  /**
   * "Which customers order on mondays?": that ISO weekday's customers (intent `top_customers`);
   * "¿qué productos se venden más los lunes?": the ranking of that weekday's sales (intent `top_products`).
   */
  readonly onWeekday?: number;
  /**
   * "¿A qué clientes debería llamar hoy?", "¿a quién visito esta semana?": those who usually have
   * ordered by now and have not (intent `top_customers`), to call or to visit as asked.
   */
  readonly callList?: 'call' | 'visit';
  /** "Lista de clientes restaurant", "which customers are wholesalers?": the customers of that type (intent `top_customers`). */
  readonly customersOfType?: boolean;
  /** "¿Qué clientes no compraron la semana pasada?": those (of a type, if named) who did not buy in the period (intent `top_customers`). */
  readonly notBuyers?: boolean;
  /** "¿Debería llamar al cliente 1002?": yes or no on that customer by the call list's rule (intent `customer_history`). */
  readonly callVerdict?: boolean;
  /** "¿Qué dejó de pedir el 1002?": its usual products not bought lately (intent `customer_history`). */
  readonly skipped?: boolean;
  /** "¿Qué le vendo al 1002 que no compre?": products it never bought that its peers buy (intent `recommend`). */
  readonly newToCustomer?: boolean;
  /** "¿Qué productos compró el 1002 en noviembre?": the list of its products (intent `customer_history`). */
  readonly productsBought?: boolean;
  /** "¿Qué productos compra el 1002 todas las semanas?": the products it bought in most recent weeks (intent `customer_history`). */
  readonly regularProducts?: boolean;
  /** "¿Qué compró el 1002 la semana pasada que no compró la anterior?": its products new against the period before (intent `customer_history`). */
  readonly boughtNotBefore?: boolean;
  /** "What else do buyers of 1370 buy?": the other products of its buyers (intent `top_products`). */
  readonly alsoBought?: boolean;
  /** "¿Qué clientes compran el 1370 pero no el 1304?": the product its buyers must not have bought. */
  readonly excludedProduct?: number;
  /** "Clientes que compran la marca 24 pero no la 34": a brand on either side (intent `product_buyers`). */
  readonly buyersButNot?: BuyersButNot;
  /**
   * "Compare product 1370 and 11262", "¿quién compra más, el 100026 o el 100010?": two products
   * (intent `product_info`) or two customers (`customer_history`) side by side.
   */
  readonly compared?: Compared;
  /** "¿El 181101 está comprando menos?": a yes or no on one customer's or product's trend, then the two periods (intent `compare_periods`). */
  readonly buyingTrend?: 'less' | 'more';
  /** "Ventas de latas vs botellas": two values of one attribute side by side (intent `top_products`). */
  readonly comparedValues?: ComparedValues;
  /** "Top clientes de la región 2": the region or zone of the customers counted (customers table). */
  readonly place?: Place;
  /** "¿Qué región vende más?", "ventas por zona": the regions or zones ranked by units. */
  readonly placesRanked?: PlaceGrain;
  /** "¿Cuántas unidades (pedidos, productos distintos) compra en promedio cada cliente?": what is averaged over the customers who bought. */
  readonly perCustomer?: PerCustomerMeasure;
  /** "¿Qué marcas crecieron más en porcentaje?", "fastest growing": movers ranked by relative change (intent `movers`). */
  readonly growthBy?: 'percent';
  /**
   * "Ventas de latas pero no de botellas", "sales except brand 13": the value left out, read without
   * it; `applied` when what the question keeps already leaves it out (cans leave bottles out).
   */
  readonly excludedKind?: ExcludedKind & { readonly applied: boolean };
  /**
   * "¿Qué compra el 181101 que no compra el 188331?": the products the first bought that the other
   * did not (intent `customer_history`, the first as `customer_id`).
   */
  readonly boughtButNotBy?: BoughtButNotBy;
  /**
   * "¿Cuál es el pedido más grande del mes?": the period's largest orders by units, one by one
   * (intent `order_size`), not the average order.
   */
  readonly largestOrders?: boolean;
  /**
   * "¿Cuántos clientes activos tenemos?": the customers who bought in the period named or the last
   * weeks, against those registered (intent `count_customers`).
   */
  readonly activeCustomers?: boolean;
  /**
   * "¿Cuál es la tasa de recompra del producto 1370?": the share of its buyers in the period who
   * bought it on two or more days (intent `product_buyers`).
   */
  readonly repeatRate?: boolean;
  /**
   * "¿Cada cuánto se reentrena el modelo?", "what happens if a file doesn't arrive?": how the
   * platform behaves, from its configuration, rather than one past event.
   */
  readonly policyAsked?: PolicyTopic;
  /**
   * "¿Qué productos se compran juntos?": the pairs of products most often in one order (intent
   * `top_products`, no product named).
   */
  readonly pairsTogether?: boolean;
  /**
   * "¿Cuántos clientes perdimos este año?": regular customers who bought in the long period named and
   * nothing in its last four weeks (intent `lapsed_customers`), not those quiet through all of it.
   */
  readonly lostInPeriod?: boolean;
}

/**
 * Every flag, so code that passes a question's flags on (to a tool, to the next turn) names none of
 * them: a flag added to {@link QuestionFlags} fails to compile here until it is listed.
 */
const QUESTION_FLAG_KEYS = Object.keys({
  customerText: true,
  productText: true,
  howMany: true,
  notBought: true,
  periodTotal: true,
  changeAsked: true,
  twoKinds: true,
  kindsTogether: true,
  regularsSkipped: true,
  offerExcept: true,
  spendingAsked: true,
  asksIfTop: true,
  lastOrder: true,
  asksAlerts: true,
  whatChanged: true,
  digest: true,
  dataCoverage: true,
  dataGaps: true,
  rejectedBatch: true,
  batchesLoaded: true,
  refusalFocus: true,
  retrainDecision: true,
  gateAsked: true,
  retrainsCounted: true,
  predictionRun: true,
  runsAsked: true,
  againstRules: true,
  customerMovers: true,
  buyersMoved: true,
  buyersRanked: true,
  catalogue: true,
  returnsBy: true,
  weeklyAverage: true,
  peak: true,
  weeksWithoutSales: true,
  ofTopOne: true,
  byMonth: true,
  monthlyLeaders: true,
  neverSold: true,
  regularBuyers: true,
  weekdaySplit: true,
  askedWeekday: true,
  onWeekday: true,
  callList: true,
  customersOfType: true,
  notBuyers: true,
  callVerdict: true,
  skipped: true,
  newToCustomer: true,
  productsBought: true,
  regularProducts: true,
  boughtNotBefore: true,
  alsoBought: true,
  excludedProduct: true,
  buyersButNot: true,
  compared: true,
  comparedValues: true,
  buyingTrend: true,
  place: true,
  placesRanked: true,
  perCustomer: true,
  growthBy: true,
  excludedKind: true,
  shareOfBuyers: true,
  pointedAt: true,
  inLitres: true,
  boughtButNotBy: true,
  largestOrders: true,
  activeCustomers: true,
  repeatRate: true,
  policyAsked: true,
  pairsTogether: true,
  lostInPeriod: true,
} satisfies Record<keyof QuestionFlags, true>) as (keyof QuestionFlags)[];

/**
 * The flags `u` sets (those it leaves undefined or false left out), and nothing else of it.
 *
 * @example
 * questionFlagsOf({ intent: 'count_products', catalogue: true, howMany: false }); // { catalogue: true }
 */
export function questionFlagsOf(u: QuestionFlags): QuestionFlags {
  const flags: Record<string, unknown> = {};
  for (const key of QUESTION_FLAG_KEYS) {
    const value = u[key];
    if (value !== undefined && value !== false) flags[key] = value;
  }
  return flags as QuestionFlags;
}

/**
 * What a follow-up that asks the previous question again ("¿y en noviembre?", "what about product
 * 124?") keeps of it: everything it asked beyond intent and entities (returns, a weekly average, the
 * regular buyers …), but not the text of ids it named, which the follow-up names anew.
 *
 * @example
 * flagsAFollowUpKeeps({ returnsBy: 'customers', customerText: '99999999999999999' }); // { returnsBy: 'customers' }
 */
export function flagsAFollowUpKeeps(flags: QuestionFlags): QuestionFlags {
  const { customerText: _customer, productText: _product, ...kept } = flags;
  return kept;
}
