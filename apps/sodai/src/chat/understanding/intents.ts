import type { ChatIntent } from '../../contract/api.ts';

/** Word groups, over normalized and spell-corrected text. */
const G = {
  customer: String.raw`\b(?:clientes?|customers?|clients?|tiendas?|shops?|stores?|negocios?|locales|cuentas?|accounts?|compradores|buyers)\b`,
  product: String.raw`\b(?:productos?|products?|articulos?|items?|skus?|referencias?)\b`,
  recommend: String.raw`\b(?:recomiend\w*|recomend\w*|recommend\w*|suger\w*|sugier\w*|suggest\w*|ofrec\w*|ofrezc\w*|offer\w*|pitch\w*|push|venderle|vendo|llevarle|llevo|propon\w*|aconsej\w*|what (?:should|can) (?:i|we) sell|que (?:le )?(?:puedo|podemos|deberia|deberiamos)? ?vender|vender|upsell|cross ?sell)\b`,
  why: String.raw`\b(?:por que|porque|porq|xq|pq|why|razon|reason|motivo|explica\w*|explain\w*|justifica\w*|how come)\b`,
  likely: String.raw`\b(?:probables?|probabilidad\w*|probablemente|likely|chances?|posibilidad\w*|van a comprar|va a comprar|will buy|going to buy|would buy|compraran|comprarian|compraria|podrian comprar|could buy|might buy|candidatos?|candidates?|interesad\w*|interested|se anima\w*|expected to buy|esperamos que compren|quien(?:es)? (?:le )?(?:compraria|va a comprar|compra))\b`,
  lapsed: String.raw`\b(?:dejaron de|dejo de|dejado de|stopped|stop buying|no (?:han|ha) vuelto|no volvi\w*|haven t|hasn t|have not|has not|perdimos|perdido\w*|lost|inactiv\w*|churn\w*|abandon\w*|ya no (?:compra\w*|pide\w*)|no compran desde|sin comprar|dormid\w*|lapsed|no longer)\b`,
  basket: String.raw`\b(?:compra\w* siempre|pide\w* siempre|canasta|cesta|basket|carrito|habitual\w*|usual\w*|regularly|regular|tipicamente|typically|normalmente|siempre compra|always buy\w*|lo de siempre|de costumbre|suele(?:n)? comprar|suele(?:n)? pedir|fijos)\b`,
  frequency: String.raw`\b(?:cada cuanto|con que frecuencia|frecuencia|frequency|how often|how frequently|cuantas veces|how many times|seguido|ritmo|rhythm|intervalo)\b`,
  history: String.raw`\b(?:compr[oa]\w*|compraron|compras|comprado|historial|history|bought|purchas\w*|pedidos?|orders?|ordered|pidi\w*|pide|transacci\w*|transactions?|ultima compra|last purchase|last order|ultimo pedido|lleva(?:ba)?|took)\b`,
  top: String.raw`\b(?:mas vendid\w*|se vend\w* mas|vend\w* mas|top|best ?sell\w*|sold (?:the )?most|most sold|mas se vend\w*|lo que mas|los que mas|las que mas|ranking|estrellas?|best|populares?|popular|mejores|sold best|se vendio mas|mas salida|mas rotacion|vendio mas|vendieron mas|mas pedid\w*|mas comprad\w*|most ordered|most bought|biggest|mayores ventas|que mas se)\b`,
  trend: String.raw`\b(?:tendencias?|trends?|trending|evolucion|evolution|evolv\w*|como (?:van|va|fueron|le fue|han ido)|how (?:are|is|did|have) .{0,40}(?:doing|going|trending|gone)|over time|semana a semana|week (?:by|over|on) week|creciendo|crece|growing|grow\w*|bajando|baja|declin\w*|subiendo|sube|cayendo|cae|rising|falling|dropping|por semana|per week|weekly sales|ventas semanales)\b`,
  compare: String.raw`\b(?:compar\w*|versus|vs|frente a|contra|respecto (?:a|al|de)|against|than|con respecto)\b`,
  count: String.raw`\b(?:cuant[oa]s?|how many|how much|numero de|number of|count|cantidad de|total de)\b`,
  model: String.raw`\b(?:modelos?|models?|campeon|champion|xgboost|ml|algoritmo|algorithm|ia|ai)\b`,
  modelInfo: String.raw`\b(?:version|versions|entren\w*|train\w*|cuando se (?:entreno|creo)|registr\w*|que modelo|which model|what model|current model|modelo actual|modelo (?:esta )?(?:en )?(?:produccion|sirviendo)|in production|serving|promovid\w*|promoted|datos? de entrenamiento)\b`,
  performance: String.raw`\b(?:que tan bueno|how good|es bueno|is it good|f1|precision|recall|accuracy|exactitud|acierto|acert\w*|atin\w*|desempeno|performance|performing|perform|rendimiento|how (?:did|well|good|accurate)|que tal (?:le )?(?:fue|anduvo|funciono)|metric\w*|auc|funciono|funciona bien|le fue|did it do|hit rate|aciertos|se equivoc\w*|wrong|errores|calidad|quality)\b`,
  drivers: String.raw`\b(?:influy\w*|influenc\w*|drives?|drivers?|driving|factores|factors|features|variables|shap|importan\w*|pesa|pesan|peso|what matters|que mas cuenta|que tiene en cuenta|se basa|based on|contribu\w*)\b`,
  drift: String.raw`\b(?:drift\w*|deriva|desvio|desvi\w*|cambiaron los datos|data (?:has )?changed|cambio en los datos|cambios en los datos|shift\w*|distribucion|distribution|datos raros|anomal\w*)\b`,
  pipeline: String.raw`\b(?:pipeline|flujo|dag|corridas?|ejecucion\w*|ejecut\w*|proceso semanal|weekly (?:run|job|process|pipeline)|runs?|ran|jobs?|tareas?|tasks?|orquestador|scheduler)\b`,
  failed: String.raw`\b(?:fall\w*|failed|failure|fail|errores|error|broke|rompi\w*)\b`,
  next: String.raw`\b(?:de nuevo|again|otra vez|volvera|proxim\w*|siguiente|next|cuando (?:corre|se ejecuta|toca|vuelve)|when (?:does|will) .{0,30}run|scheduled|programad\w*|schedule)\b`,
  batch: String.raw`\b(?:lotes?|batch\w*|cargas?|ingesta\w*|ingest\w*|archivos?|files?|cuarentena|quarantin\w*|filas (?:rechazadas|descartadas)|rejected rows|rechazad\w*|landed|llego|llegaron|arrived|subid[oa]s?|uploaded)\b`,
  productInfo: String.raw`\b(?:que es el|what is (?:the )?product|info\w*|detalles?|details?|describe|ficha|datos del producto|caracteristicas|about product|tell me about)\b`,
  help: String.raw`\b(?:preguntarte|can i ask|ayuda|help|que puedes|what can you|que sabes|que se te puede|que te puedo|como funciona|ejemplos?|examples?|how do i use|que preguntas)\b`,
  more: String.raw`^(?:y |and |ok |vale |bueno )?(?:muestrame|muestra|mostrame|ensename|dame|show(?: me)?|give me|ver|see|quiero ver|list|lista)?\s*(?:mas|more|otros|otras|others|siguientes|los demas|las demas|the rest|next ones|resto)(?: (?:productos|products|clientes|customers|resultados|results|filas|rows|opciones|options))?(?: por favor| please)?$`,
  stopped: String.raw`\b(?:dejaron de comprar|dejo de comprar|stopped buying|stopped ordering)\b`,
};
const R = Object.fromEntries(Object.entries(G).map(([k, v]) => [k, new RegExp(v)])) as Record<
  keyof typeof G,
  RegExp
>;

/** What the rules may use besides the words. */
export interface IntentSignals {
  readonly hasCustomer: boolean;
  readonly hasProduct: boolean;
  readonly hasPeriod: boolean;
  readonly hasTwoPeriods: boolean;
  readonly hasFilter: boolean;
  readonly hasCustomerType: boolean;
}

/** A question's intent and whether it only makes sense after an earlier turn. */
export interface IntentGuess {
  readonly intent: ChatIntent;
  /** "show more": repeat the previous question further down its list. */
  readonly more?: boolean;
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
  const has = (k: keyof typeof G) => R[k].test(text);
  if (has('more')) return { intent: 'unknown', more: true };

  const modelish = has('model');
  if (has('drift')) return { intent: 'drift_status' };
  if (has('why') && (has('model') || has('drivers')) && !has('recommend') && !s.hasCustomer) {
    return { intent: 'prediction_drivers' };
  }
  if (has('drivers') && (modelish || has('why') || /\bpredic\w*|prediction\w*|score\b/.test(text))) {
    return { intent: 'prediction_drivers' };
  }
  if (has('why')) return { intent: 'explain_recommendation' };

  if (has('batch') && !has('history') && !s.hasCustomer) return { intent: 'last_batch' };
  if (has('pipeline') && !s.hasCustomer && !s.hasProduct) {
    if (has('next') && !has('failed')) return { intent: 'pipeline_next_run' };
    return { intent: 'pipeline_last_run' };
  }
  if (
    has('next') &&
    /\b(?:corre|run|ejecuta|entrena|retrain)\w*/.test(text) &&
    !s.hasCustomer &&
    !s.hasProduct
  ) {
    return { intent: 'pipeline_next_run' };
  }

  const aboutSales = s.hasProduct || s.hasCustomer || s.hasFilter;
  if (has('performance') && (modelish || (!has('top') && !aboutSales)))
    return { intent: 'model_performance' };
  if (has('performance') && aboutSales) return { intent: 'sales_trend' };
  if (modelish && has('drivers')) return { intent: 'prediction_drivers' };
  if (modelish || (has('modelInfo') && /\bentren\w*|train\w*/.test(text))) return { intent: 'model_info' };

  if (has('lapsed')) return { intent: 'lapsed_customers' };
  if (has('likely') && !s.hasCustomer) return { intent: 'likely_buyers' };
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
  if (has('recommend')) return { intent: 'recommend' };

  if (has('basket')) return { intent: 'customer_basket' };
  if (has('frequency')) return { intent: 'customer_frequency' };
  if ((has('compare') && s.hasPeriod) || s.hasTwoPeriods) return { intent: 'compare_periods' };
  if (has('trend')) return { intent: 'sales_trend' };
  if (has('top')) return { intent: s.hasCustomer ? 'customer_basket' : 'top_products' };

  if (has('count') && !s.hasCustomer) {
    const c = text.search(R.customer);
    const p = text.search(R.product);
    if (c >= 0 && (p < 0 || c < p)) return { intent: 'count_customers' };
    if (p >= 0) return { intent: 'count_products' };
    if (s.hasCustomerType) return { intent: 'count_customers' };
    if (s.hasFilter || /\b(?:catalogo|catalogue|catalog)\b/.test(text)) return { intent: 'count_products' };
  }
  if (has('history') && (s.hasCustomer || /\b(?:me|mi|my)\b/.test(text)))
    return { intent: 'customer_history' };
  if (has('history') && s.hasProduct) return { intent: 'sales_trend' };
  if (has('history') && (s.hasPeriod || s.hasFilter)) return { intent: 'top_products' };
  if (/\b(?:ventas|sales|vendimos|vendieron|sold|vendio)\b/.test(text)) {
    return { intent: s.hasCustomer ? 'customer_history' : s.hasProduct ? 'sales_trend' : 'top_products' };
  }
  if (has('productInfo') && s.hasProduct) return { intent: 'product_info' };
  if (has('help')) return { intent: 'help' };
  if (s.hasCustomer && !s.hasProduct) return { intent: 'customer_history' };
  if (s.hasProduct && !s.hasCustomer) return { intent: 'product_info' };
  return { intent: 'unknown' };
}
