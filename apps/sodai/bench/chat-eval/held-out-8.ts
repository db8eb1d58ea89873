import { ANSWERED, B, C, C2, P, REFUSED, evalCase as E, TYPE_COUNT, type EvalCase } from './eval-case.ts';

/**
 * Eighth held-out set (2026-11-30, session chat-s21), written before any code of that session
 * changed, from the assistant's claims (examples.ts, the help answer) and the intent list, not from
 * the word lists: the areas the earlier sets hardly cover (sales of a month or of each type of
 * customer, risers and fallers, slow movers, shares, order size, what a customer is like, whether
 * the model is good, retraining, alerts, refused files), typed as a rep or analyst would: lower case
 * without accents, "q", "x", typos, terse forms, follow-ups.
 *
 * Before figure, taken on the commit ab9602c code before any change (`SODAI_BENCH_VERBOSE=1 npm run
 * bench:chat`, same on generated and real data): intent 89.6 %, entities 97.9 %, answers 85.4 % (48
 * questions). Misses: a typo'd "vetnas … pasda"; units month by month of each package; "promedio
 * de unidades x pedido"; "when was the model retrained" and "cuándo fue la última vez que se
 * entrenó" (read as the model's info); and the two "is the model good" questions, which the bench's
 * small champion (no training metrics, no measured performance) truthfully cannot answer: their
 * check was the set's error and is intent only. "Cuándo fue la última vez que se entrenó" expected
 * the retrain decision, against held-out-2's "cuando se entreno el modelo por ultima vez" → the
 * model's info (training alone in the past is the model's date): also the set's error, now
 * model_info. These three expectations were corrected after the before run; nothing else was.
 * After the round (same command, same on both data sets): intent 100 %, entities 100 %, answers
 * 97.9 %; the miss left is "when was the model retrained", understood and refused because the
 * bench's server has no pipeline runs. Tuned on since: its misses were fixed by general rules (x/d
 * shorthand, month by value tables, swapped and dropped letters, retraining in the past), so this set
 * no longer estimates generalization.
 * Periods a month back are not checked: their label follows the data's last day ("el mes pasado"
 * or "el último mes").
 *
 * `group_by: 'brand'` marks a ranking of brands rather than of products.
 */
export const HELD_OUT_8: readonly EvalCase[] = [
  // ---- sales of a period, a brand, a package, by month
  E('ventas {b} x mes', 'sales_trend', { brand: B }, ANSWERED),
  E('cuanto vendimos en marzo', 'sales_trend', {}, ANSWERED),
  E('how many units did we move last week', 'sales_trend', { period: 'last week' }, ANSWERED),
  E('vetnas de la semana pasda', 'sales_trend', { period: 'la semana pasada' }, ANSWERED),
  E('ventas mensuales de botellas', 'sales_trend', { package: 'BOTELLA' }, ANSWERED),
  E('is {b} growing or shrinking', 'sales_trend', { brand: B }, ANSWERED),
  E('unidades x mes d cada envase', 'sales_trend', {}, ANSWERED),
  // ---- splits and shares
  E('q tipo de cliente compra mas', 'sales_share', { group_by: 'customer_type' }, ANSWERED),
  E('ventas por region', 'sales_share', {}, ANSWERED),
  E('que % de lo vendido es {b}', 'sales_share', { brand: B }, ANSWERED),
  // ---- rankings
  E('top 10 clientes del mes pasado', 'top_customers', { count: 10 }, ANSWERED),
  E('ranking d clientes mayoristas', 'top_customers', { customer_type: 'MAYORISTA' }, ANSWERED),
  E('the 5 worst selling products', 'slow_movers', { count: 5 }, ANSWERED),
  E('marcas q menos venden', 'slow_movers', { group_by: 'brand' }, ANSWERED),
  E('what sells best in cans', 'top_products', { package: 'LATA' }, ANSWERED),
  E('q productos vienen cayendo', 'movers', { direction: 'down' }, ANSWERED),
  E('which brands grew the most last month', 'movers', { group_by: 'brand' }, ANSWERED),
  // ---- comparisons, counts, order size
  E('compara abril con marzo', 'compare_periods', {}, ANSWERED),
  E('this week vs last week', 'compare_periods', { period: 'this week' }, ANSWERED),
  E(
    'cuantos clientes tipo restaurant tenemos',
    'count_customers',
    { customer_type: 'RESTAURANT' },
    TYPE_COUNT('RESTAURANT'),
  ),
  E('promedio de unidades x pedido', 'order_size', {}, ANSWERED),
  // ---- customers: advice, habits, last order
  E('q le puedo ofrecer al {c}', 'recommend', { customer_id: C }, ANSWERED),
  E('anything new to pitch to {c2}?', 'recommend', { customer_id: C2 }, ANSWERED),
  E('recomendasiones para el {c}', 'recommend', { customer_id: C }, ANSWERED),
  E('lo q siempre lleva el {c2}', 'customer_basket', { customer_id: C2 }, ANSWERED),
  E('what does customer {c} usually buy', 'customer_basket', { customer_id: C }, ANSWERED),
  E('ultimo pedido del cliente {c}', 'customer_history', { customer_id: C }, ANSWERED),
  E('when did {c2} last order', 'customer_history', { customer_id: C2 }, ANSWERED),
  E('cuanto compro el {c} el mes pasado', 'customer_history', { customer_id: C }),
  E('q tipo de cliente es el {c2}', 'customer_info', { customer_id: C2 }, ANSWERED),
  E('q marca le gusta mas al {c}', 'top_products', { customer_id: C, group_by: 'brand' }, ANSWERED),
  E('clientes q no compran hace un mes', 'lapsed_customers', { scope: 'all' }, ANSWERED),
  E('who buys the most {p}', 'product_buyers', { product_id: P }, ANSWERED),
  E('a quien le vendo {b}', 'likely_buyers', { brand: B }, ANSWERED),
  // ---- the model and the pipeline
  E('el modelo esta funcionando bien?', 'model_performance', {}),
  E('how accurate is the model', 'model_performance', {}),
  E('cuando fue la ultima vez q se entreno el modelo', 'model_info', {}, ANSWERED),
  E('when was the model retrained', 'pipeline_last_run', {}, ANSWERED),
  E('version del modelo en produccion', 'model_info', {}, { phrase: 'versión \\d+' }),
  E('hay alguna alerta abierta', 'drift_status', {}),
  E('were any files rejected this week', 'last_batch', {}),
  E('xq se rechazo el ultimo lote', 'last_batch', {}),
  E('did the last run finish ok', 'pipeline_last_run', {}),
  // ---- follow-ups
  E('y el mes pasado?', 'top_products', {}, ANSWERED, ['top 5 productos esta semana']),
  E('and for {c2}?', 'recommend', { customer_id: C2 }, ANSWERED, ['what should I offer {c}']),
  E('y de la marca {b}?', 'sales_trend', { brand: B }, ANSWERED, ['ventas por mes']),
  // ---- what the data cannot answer
  E('cuanta plata hicimos el mes pasado', 'unknown', {}, REFUSED),
  E("what's the weather tomorrow", 'unknown', {}, REFUSED),
];
