import { ANSWERED, B, C, C2, P, REFUSED, evalCase as E, type EvalCase } from './eval-case.ts';

/**
 * Fifth held-out set: written before held-out-4's misses were read (held-out-4 then became a
 * tuning set), and run once, after that last round of changes, to measure it. First run
 * (understanding-check, intents and entities): 36/40, and 34/40 before any of the work (commit
 * 7f89d69). Its four misses ("de siempre", "repite", "going up", a second small number read as a
 * customer) were then fixed, so from here on it is a tuning set too.
 */

export const HELD_OUT_5: readonly EvalCase[] = [
  E('que le vendo hoy al {c2}', 'recommend', { customer_id: C2 }, ANSWERED),
  E('lista de productos para ofrecer en el {c}', 'recommend', { customer_id: C }, ANSWERED),
  E('recomendacion semanal cliente {c}', 'recommend', { customer_id: C }, ANSWERED),
  E('which products should we offer {c2}?', 'recommend', { customer_id: C2 }, ANSWERED),
  E('por que crees que el {c} compraria el {p}', 'explain_recommendation', { customer_id: C, product_id: P }),
  E('por que ese y no otro?', 'explain_recommendation', { customer_id: C }, ANSWERED, [
    'que le recomiendas al {c}',
  ]),
  E('quienes son los mejores candidatos para el {p}', 'likely_buyers', { product_id: P }, ANSWERED),
  E('who is going to buy {b} next week?', 'likely_buyers', { brand: B }),
  E('clientes que no han vuelto', 'lapsed_customers', { scope: 'all' }, ANSWERED),
  E('que clientes dejaron de llevar el {p}', 'lapsed_customers', { product_id: P }, ANSWERED),
  E('mostrame que compro el {c} el mes pasado', 'customer_history', {
    customer_id: C,
    period: 'el último mes',
  }),
  E('ultima visita de compra del {c2}', 'customer_history', { customer_id: C2 }, ANSWERED),
  E('show me the orders of {c}', 'customer_history', { customer_id: C }, ANSWERED),
  E('los productos de siempre del {c}', 'customer_basket', { customer_id: C }, ANSWERED),
  E('que productos repite el {c2}', 'customer_basket', { customer_id: C2 }),
  E('cada cuanto hace pedidos el {c2}', 'customer_frequency', { customer_id: C2 }, ANSWERED),
  E('lo mas vendido en botella del mes', 'top_products', { package: 'BOTELLA' }, ANSWERED),
  E('que productos de {b} se venden mas', 'top_products', { brand: B }, ANSWERED),
  E('ranking de ventas restaurantes', 'top_products', { customer_type: 'RESTAURANT' }, ANSWERED),
  E('top 5 products last week', 'top_products', { count: 5, period: 'last week' }, ANSWERED),
  E('como estan las ventas de la marca {b}', 'sales_trend', { brand: B }, ANSWERED),
  E('evolucion semanal del {p}', 'sales_trend', { product_id: P }, ANSWERED),
  E('are juice sales going up?', 'sales_trend', { sub_category: 'JUGOS' }, ANSWERED),
  E('esta semana contra la semana pasada', 'compare_periods', { period: 'esta semana' }, ANSWERED),
  E('compare november and december', 'compare_periods', {}, ANSWERED),
  E('cuantos clientes son supermercados', 'count_customers', { customer_type: 'SUPERMERCADO' }),
  E('cuantos productos de la marca {b} hay', 'count_products', { brand: B }),
  E('info del {p}', 'product_info', { product_id: P }, ANSWERED),
  E('que modelo esta corriendo', 'model_info', {}, ANSWERED),
  E('cual es la precision del modelo', 'model_performance', {}, { phrase: 'no se mide' }),
  E('por que el modelo predice lo que predice', 'prediction_drivers', {}, ANSWERED),
  E('hay desviacion en los datos', 'drift_status', {}, REFUSED),
  E('como le fue al pipeline', 'pipeline_last_run', {}, REFUSED),
  E('cuando es la proxima corrida del pipeline', 'pipeline_next_run', {}, REFUSED),
  E('cuantas filas tenia el ultimo lote', 'last_batch', {}, ANSWERED),
  E('y al {c}?', 'customer_history', { customer_id: C }, ANSWERED, ['historial del {c2}']),
  E('y de lata?', 'top_products', { package: 'LATA' }, ANSWERED, ['lo mas vendido del mes pasado']),
  E('mas', 'likely_buyers', { product_id: P }, ANSWERED, ['quienes van a comprar el producto {p}']),
  E('que sabes hacer', 'help', {}, ANSWERED),
  E('cuanto es 2 mas 2', 'unknown', {}, REFUSED),
];
