import { ANSWERED, B, C, C2, P, REFUSED, evalCase as E, TYPE_COUNT, type EvalCase } from './eval-case.ts';

/**
 * Seventh held-out set, written with held-out-6 (same writer, same rules: before the word lists
 * were read) and never changed or tuned on after its first run: its first-run and current figures
 * in the README are the generalization estimate of the 2026-11-28 round. Read its misses only to
 * report them; fixing them turns it into a tuning set, and the next estimate needs a new set.
 *
 * `group_by: 'brand'` marks a ranking of brands rather than of products.
 */
export const HELD_OUT_7: readonly EvalCase[] = [
  // ---- sales advice
  E('oye q le vendo al {c2}', 'recommend', { customer_id: C2 }, ANSWERED),
  E('recomendacion pa la botilleria {c}', 'recommend', { customer_id: C }, ANSWERED),
  E('necesito 4 sugerencias para el cliente nro {c}', 'recommend', { customer_id: C, count: 4 }, ANSWERED),
  E('any recs for customer {c}?', 'recommend', { customer_id: C }, ANSWERED),
  E('q le ofrezco de {b} al {c2}', 'recommend', { customer_id: C2, brand: B }, ANSWERED),
  E(
    'recomendaciones cliente 888888',
    'recommend',
    { customer_id: 888888 },
    { phrase: 'No conozco al cliente 888888' },
  ),
  E(
    'por q le recomendai el {p} al {c}',
    'explain_recommendation',
    { customer_id: C, product_id: P },
    ANSWERED,
  ),
  E('y pq ese?', 'explain_recommendation', { customer_id: C }, ANSWERED, ['sugerencias pal {c}']),
  E('why {p}?', 'explain_recommendation', { customer_id: C, product_id: P }, ANSWERED, [
    'what should I offer {c}',
  ]),
  E('quienes son los q mas probablemente compren {p}', 'likely_buyers', { product_id: P }, ANSWERED),
  E('clientes con chance de comprar {b} la otra semana', 'likely_buyers', { brand: B }, ANSWERED),
  E('which accounts will buy {p}', 'likely_buyers', { product_id: P }, ANSWERED),
  E('q clientes se me perdieron', 'lapsed_customers', { scope: 'all' }, ANSWERED),
  E('los q no compran desde hace 2 semanas', 'lapsed_customers', { scope: 'all' }, { phrase: '2 semanas' }),
  E('quien dejo de llevar {p}', 'lapsed_customers', { product_id: P }, ANSWERED),
  E("customers who haven't ordered in 3 weeks", 'lapsed_customers', { scope: 'all' }, { phrase: '3 weeks' }),
  // ---- history
  E('muestrame las compras del {c} de la semana pasada', 'customer_history', {
    customer_id: C,
    period: 'la semana pasada',
  }),
  E('el {c2} cuando compro por ultima vez', 'customer_history', { customer_id: C2 }, ANSWERED),
  E('purchase history for {c2}', 'customer_history', { customer_id: C2 }, ANSWERED),
  E('q pide normalmente el {c2}', 'customer_basket', { customer_id: C2 }, ANSWERED),
  E('los fijos del {c}', 'customer_basket', { customer_id: C }, ANSWERED),
  E("{c2}'s regular basket", 'customer_basket', { customer_id: C2 }, ANSWERED),
  E('el {c} compra seguido?', 'customer_frequency', { customer_id: C }, ANSWERED),
  E('con q frecuencia pide el cli {c2}', 'customer_frequency', { customer_id: C2 }, ANSWERED),
  E('is {c} a frequent buyer?', 'customer_frequency', { customer_id: C }, ANSWERED),
  E('datos del producto {p}', 'product_info', { product_id: P }, ANSWERED),
  E('what is sku {p}', 'product_info', { product_id: P }, ANSWERED),
  E('lo mas vendido este mes', 'top_products', { period: 'este mes' }, ANSWERED),
  E('los 5 mas vendidos en mayoristas', 'top_products', { count: 5, customer_type: 'MAYORISTA' }, ANSWERED),
  E('q se vende mas en tetra', 'top_products', { package: 'TETRA' }, ANSWERED),
  E('top sellers for convenience stores', 'top_products', { customer_type: 'TIENDA DE CONVENIENCIA' }),
  E(
    'ranking de marcas del ultimo mes',
    'top_products',
    { group_by: 'brand', period: 'el último mes' },
    ANSWERED,
  ),
  E('which brand sells the most', 'top_products', { group_by: 'brand' }, ANSWERED),
  E('lo q mas sale en aguas saborizadas', 'top_products', { sub_category: 'AGUAS SABORIZADAS' }, ANSWERED),
  E('como vienen las ventas de {b}', 'sales_trend', { brand: B }, ANSWERED),
  E('las latas van pa arriba o pa abajo?', 'sales_trend', { package: 'LATA' }, ANSWERED),
  E('is {p} selling more or less lately', 'sales_trend', { product_id: P }, ANSWERED),
  E('tendencia de ventas en restoranes', 'sales_trend', { customer_type: 'RESTAURANT' }, ANSWERED),
  E('semana pasada vs antepasada', 'compare_periods', { period: 'la semana pasada' }, ANSWERED),
  E('compare this month with last month', 'compare_periods', { period: 'this month' }, ANSWERED),
  E(
    'cuantos clientes canal frio hay',
    'count_customers',
    { customer_type: 'CANAL FRIO' },
    TYPE_COUNT('CANAL FRIO'),
  ),
  E(
    'cuantos minimarkets tenemos',
    'count_customers',
    { customer_type: 'MINIMARKET' },
    TYPE_COUNT('MINIMARKET'),
  ),
  E('how many products do we carry', 'count_products', {}, { number: 'SELECT count(*) FROM products' }),
  // ---- the model
  E('cual es el modelo q esta andando', 'model_info', {}, ANSWERED),
  E('which model is live', 'model_info', {}, { phrase: 'version \\d+' }),
  E('como anduvo el modelo', 'model_performance', {}, { phrase: 'no se mide' }),
  E('q variables usa el modelo', 'prediction_drivers', {}, ANSWERED),
  E('is there drift?', 'drift_status', {}, REFUSED),
  // ---- operations
  E('hubo errores en la ultima corrida', 'pipeline_last_run', {}, REFUSED),
  E('a q hora corre el pipeline de nuevo', 'pipeline_next_run', {}, REFUSED),
  E('ultima ingesta cuantas filas', 'last_batch', {}, ANSWERED),
  // ---- follow-ups
  E('y el {c}?', 'customer_basket', { customer_id: C }, ANSWERED, ['canasta del {c2}']),
  E('mas porfa', 'recommend', { customer_id: C }, ANSWERED, ['q le ofrezco al {c}']),
  E('y en latas?', 'top_products', { package: 'LATA' }, ANSWERED, ['lo mas vendido la semana pasada']),
  // ---- compound: the first part is answered, and the answer says so
  E(
    'cuantos restoranes hay y q les vendo',
    'count_customers',
    { customer_type: 'RESTAURANT' },
    TYPE_COUNT('RESTAURANT'),
  ),
  // ---- what the data cannot answer
  E('q hora es', 'unknown', {}, REFUSED),
  E('cuanto margen deja el {p}', 'unknown', {}, REFUSED),
  E('como te uso?', 'help', {}, ANSWERED),
];
