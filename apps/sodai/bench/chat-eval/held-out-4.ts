import { ANSWERED, B, C, C2, P, REFUSED, evalCase as E, type EvalCase } from './eval-case.ts';

/**
 * Fourth held-out set: written after all the vocabulary work on held-out-2 and tuning-2, run once,
 * and not tuned on (its misses are left as they are and reported). Its writer knew the vocabulary,
 * so it leans towards phrasings unlike those already covered; still, read it as an optimistic
 * estimate of how the understanding does on questions nobody has seen. First run (understanding-check,
 * intents and entities): 33/49 with the vocabulary work, 31/49 without it (commit 7f89d69): the work
 * generalized far less than held-out-2 (79.8 % → 100 %) suggests. Its misses were then read and
 * tuned on (so it is a tuning set now); held-out-5, written before that, measures that round.
 */

export const HELD_OUT_4: readonly EvalCase[] = [
  // sales advice
  E('con que producto le entro al {c}', 'recommend', { customer_id: C }, ANSWERED),
  E('necesito cerrar una venta con el {c2}, que le ofrezco', 'recommend', { customer_id: C2 }, ANSWERED),
  E('propuesta comercial para el cliente {c}', 'recommend', { customer_id: C }, ANSWERED),
  E('que mas le puedo vender al {c} aparte de lo que ya compra', 'recommend', { customer_id: C }, ANSWERED),
  E('next best offer for customer {c2}', 'recommend', { customer_id: C2 }, ANSWERED),
  E('cual es la logica detras de esa recomendacion', 'explain_recommendation', { customer_id: C }, ANSWERED, [
    'que le ofrezco al {c}',
  ]),
  E('por que sale el {p} en la lista del {c}', 'explain_recommendation', { customer_id: C, product_id: P }),
  E('a quien le muevo el {p} la proxima semana', 'likely_buyers', { product_id: P }, ANSWERED),
  E('clientes con alta probabilidad de pedir {b}', 'likely_buyers', { brand: B }),
  E('que clientes ya no me piden', 'lapsed_customers', { scope: 'all' }, ANSWERED),
  E('clientes fugados', 'lapsed_customers', { scope: 'all' }, ANSWERED),
  E('who used to buy {p} but stopped', 'lapsed_customers', { product_id: P }, ANSWERED),
  // history, basket, frequency
  E('detalle de compras del {c2} en el ultimo mes', 'customer_history', {
    customer_id: C2,
    period: 'el último mes',
  }),
  E('el {c} compro algo esta semana?', 'customer_history', { customer_id: C, period: 'esta semana' }),
  E('how much did {c} buy last week?', 'customer_history', { customer_id: C, period: 'last week' }),
  E('productos recurrentes del {c}', 'customer_basket', { customer_id: C }, ANSWERED),
  E('que no le puede faltar al {c2}', 'customer_basket', { customer_id: C2 }),
  E('cada cuantos dias hace pedido el {c}', 'customer_frequency', { customer_id: C }, ANSWERED),
  E('el {c2} es cliente frecuente?', 'customer_frequency', { customer_id: C2 }),
  // market
  E('que gaseosa se vende mas', 'top_products', { sub_category: 'GASEOSAS' }, ANSWERED),
  E('las 5 referencias mas vendidas de {b}', 'top_products', { brand: B, count: 5 }, ANSWERED),
  E('que es lo que mas compran los almacenes', 'top_products', { customer_type: 'ABARROTES' }, ANSWERED),
  E('top products in the convenience channel', 'top_products', { customer_type: 'TIENDA DE CONVENIENCIA' }),
  E('que tal las ventas de jugos este mes', 'sales_trend', { sub_category: 'JUGOS', period: 'este mes' }),
  E('el segmento premium esta creciendo o no', 'sales_trend', { segment: 'PREMIUM' }, ANSWERED),
  E('how is {p} trending?', 'sales_trend', { product_id: P }, ANSWERED),
  E('como nos fue este mes comparado con el anterior', 'compare_periods', { period: 'este mes' }, ANSWERED),
  E('last week against the week before', 'compare_periods', { period: 'last week' }, ANSWERED),
  E(
    'cuantos clientes de canal frio tenemos',
    'count_customers',
    { customer_type: 'CANAL FRIO' },
    {
      number: "SELECT count(*) FROM customers WHERE customer_type = 'CANAL FRIO'",
    },
  ),
  E('cuantos productos sin gas hay', 'count_products', { category: 'BEBIDAS NO CARBONATADAS' }),
  E('cuanto mide el {p}', 'product_info', { product_id: P }),
  // model
  E('con que se entreno el modelo', 'model_info', {}, ANSWERED),
  E('hay un modelo nuevo?', 'model_info', {}, ANSWERED),
  E('se le puede creer al modelo?', 'model_performance', {}, { phrase: 'no se mide' }),
  E('how did the predictions do last month?', 'model_performance', { period: 'last month' }),
  E('que explica la prediccion del {p} para el {c}', 'prediction_drivers', { customer_id: C, product_id: P }),
  E('what inputs does the model use?', 'prediction_drivers', {}, ANSWERED),
  E('hay algo raro en los datos nuevos?', 'drift_status', {}, REFUSED),
  // operations
  E('el pipeline esta ok?', 'pipeline_last_run', {}, REFUSED),
  E('hubo alguna falla esta semana en el proceso?', 'pipeline_last_run', {}, REFUSED),
  E('a que hora es la proxima ejecucion', 'pipeline_next_run', {}, REFUSED),
  E('que paso con la ultima carga', 'last_batch', {}, ANSWERED),
  E('were any rows rejected?', 'last_batch', {}, ANSWERED),
  // follow-ups and the rest
  E('y para el {c2}?', 'recommend', { customer_id: C2 }, ANSWERED, ['que le puedo ofrecer al {c}']),
  E('y el mes pasado?', 'top_products', { period: 'el último mes' }, ANSWERED, [
    'lo mas vendido esta semana',
  ]),
  E('dame otros', 'recommend', { customer_id: C }, ANSWERED, ['sugerencias para el {c}']),
  E('y por marca?', 'top_products', {}, ANSWERED, ['top productos del mes pasado']),
  E('que me puedes contestar', 'help', {}, ANSWERED),
  E('quien gano el partido', 'unknown', {}, REFUSED),
];
