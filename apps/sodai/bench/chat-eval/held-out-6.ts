import { ANSWERED, B, C, C2, P, REFUSED, evalCase as E, TYPE_COUNT, type EvalCase } from './eval-case.ts';

/**
 * Sixth held-out set, written before its writer read the understanding's word lists (only the
 * intent list and the other sets' format), as a sales rep types on a phone: Chilean and
 * Latin-American shorthand ("q", "xq", "cli", "prod", "pal"), slang verbs, implied questions,
 * compound questions, lapsed-customer windows and top brands. It is the tuning set of the
 * 2026-11-28 generalization round: measured once (figures in the README), then tuned on;
 * held-out-7, written at the same time, is the one left untouched.
 *
 * `group_by: 'brand'` marks a ranking of brands rather than of products.
 */
export const HELD_OUT_6: readonly EvalCase[] = [
  // ---- sales advice
  E('q le puedo ofrecer al cli {c} esta semana', 'recommend', { customer_id: C }, ANSWERED),
  E('mañana paso donde el {c2}, q le llevo?', 'recommend', { customer_id: C2 }, ANSWERED),
  E('tirame 5 prod pa ofrecerle al {c}', 'recommend', { customer_id: C, count: 5 }, ANSWERED),
  E('que le encajo al {c}', 'recommend', { customer_id: C }, ANSWERED),
  E('what should I pitch to {c2} this week', 'recommend', { customer_id: C2 }, ANSWERED),
  E('sugerime algo en lata pal {c}', 'recommend', { customer_id: C, package: 'LATA' }, ANSWERED),
  E(
    'ofertas pa el cliente 4242',
    'recommend',
    { customer_id: 4242 },
    { phrase: 'No conozco al cliente 4242' },
  ),
  E('xq me sale el {p} pal {c}?', 'explain_recommendation', { customer_id: C, product_id: P }, ANSWERED),
  E('y eso xq?', 'explain_recommendation', { customer_id: C }, ANSWERED, ['q le ofrezco al {c}']),
  E('why are you suggesting {p} for {c2}', 'explain_recommendation', { customer_id: C2, product_id: P }),
  E('quien me va a comprar el {p} la prox semana', 'likely_buyers', { product_id: P }, ANSWERED),
  E('a q clientes les muevo el {p}', 'likely_buyers', { product_id: P }, ANSWERED),
  E("who's likely to order {p} next week?", 'likely_buyers', { product_id: P }, ANSWERED),
  E('clientes q no compran hace 3 semanas', 'lapsed_customers', { scope: 'all' }, { phrase: '3 semanas' }),
  E('quienes dejaron de pedirme el {p}', 'lapsed_customers', { product_id: P }, ANSWERED),
  E('which customers stopped ordering?', 'lapsed_customers', { scope: 'all' }, ANSWERED),
  E('clientes perdidos desde hace un mes', 'lapsed_customers', { scope: 'all' }, { phrase: '\\bmes\\b' }),
  // ---- history
  E('q compro el {c} el mes pasado', 'customer_history', { customer_id: C, period: 'el último mes' }),
  E('cuando fue la ultima compra del cli {c2}', 'customer_history', { customer_id: C2 }, ANSWERED),
  E('what did {c} buy last week', 'customer_history', { customer_id: C, period: 'last week' }),
  E('el {c} ha comprado {b}?', 'customer_history', { customer_id: C, brand: B }, ANSWERED),
  E('q es lo q siempre pide el {c}', 'customer_basket', { customer_id: C }, ANSWERED),
  E('canasta tipica del {c2}', 'customer_basket', { customer_id: C2 }, ANSWERED),
  E("what's {c}'s usual order", 'customer_basket', { customer_id: C }, ANSWERED),
  E('el {c2} es cliente frecuente?', 'customer_frequency', { customer_id: C2 }, ANSWERED),
  E('cada cuanto me compra el {c}', 'customer_frequency', { customer_id: C }, ANSWERED),
  E('how often does {c2} order', 'customer_frequency', { customer_id: C2 }, ANSWERED),
  E('q es el prod {p}', 'product_info', { product_id: P }, ANSWERED),
  E('tell me about product {p}', 'product_info', { product_id: P }, ANSWERED),
  E('lo q mas se vendio la semana pasada', 'top_products', { period: 'la semana pasada' }, ANSWERED),
  E('top 3 en los restoranes', 'top_products', { count: 3, customer_type: 'RESTAURANT' }, ANSWERED),
  E('cuales son los jugos q mas salen', 'top_products', { sub_category: 'JUGOS' }, ANSWERED),
  E('best sellers in cans this month', 'top_products', { package: 'LATA', period: 'this month' }),
  E('q marcas venden mas', 'top_products', { group_by: 'brand' }, ANSWERED),
  E('top brands last month', 'top_products', { group_by: 'brand', period: 'last month' }, ANSWERED),
  E('lo mas vendido del segmento premium', 'top_products', { segment: 'PREMIUM' }, ANSWERED),
  E('como va el {p}, sube o baja?', 'sales_trend', { product_id: P }, ANSWERED),
  E('tendencia de las gaseosas', 'sales_trend', { sub_category: 'GASEOSAS' }, ANSWERED),
  E('how are {b} sales trending', 'sales_trend', { brand: B }, ANSWERED),
  E('el {p} se esta vendiendo bien?', 'sales_trend', { product_id: P }, ANSWERED),
  E('este mes vs el pasado', 'compare_periods', { period: 'este mes' }, ANSWERED),
  E('compara la semana pasada con esta', 'compare_periods', {}, ANSWERED),
  E('last week vs the week before', 'compare_periods', { period: 'last week' }, ANSWERED),
  E(
    'cuantos supers tenemos',
    'count_customers',
    { customer_type: 'SUPERMERCADO' },
    TYPE_COUNT('SUPERMERCADO'),
  ),
  E(
    'how many wholesalers are there',
    'count_customers',
    { customer_type: 'MAYORISTA' },
    TYPE_COUNT('MAYORISTA'),
  ),
  E('cuantos sku hay de {b}', 'count_products', { brand: B }, ANSWERED),
  // ---- the model
  E('q version del modelo esta en prod', 'model_info', {}, { phrase: 'versión \\d+' }),
  E('cuando entrenaron el modelo', 'model_info', {}, ANSWERED),
  E('q tal le fue al modelo la semana pasada', 'model_performance', {}, { phrase: 'no se mide' }),
  E('q pesa mas en las predicciones', 'prediction_drivers', {}, ANSWERED),
  E('el modelo se desvio?', 'drift_status', {}, REFUSED),
  // ---- operations
  E('se cayo algo en el pipeline?', 'pipeline_last_run', {}, REFUSED),
  E('when does the pipeline run next', 'pipeline_next_run', {}, REFUSED),
  E('cuantas filas se fueron a cuarentena en la ultima carga', 'last_batch', {}, ANSWERED),
  // ---- follow-ups
  E('y pal {c2}?', 'recommend', { customer_id: C2 }, ANSWERED, ['q le ofrezco al {c}']),
  E('dame mas', 'top_products', {}, ANSWERED, ['top productos de la semana pasada']),
  E('and in bottles?', 'top_products', { package: 'BOTELLA' }, ANSWERED, ['best sellers last month']),
  // ---- compound: the first part is answered, and the answer says so
  E('q le ofrezco al {c} y cuando fue su ultima compra', 'recommend', { customer_id: C }, ANSWERED),
  // ---- what the data cannot answer
  E('cuanto stock queda del {p}', 'unknown', {}, REFUSED),
  E('q precio tiene la coca en el lider', 'unknown', {}, REFUSED),
  E('q cosas puedo preguntarte', 'help', {}, ANSWERED),
];
