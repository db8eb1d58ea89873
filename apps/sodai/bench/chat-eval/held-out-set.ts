import type { EvalCase } from './eval-case.ts';

/**
 * Held out: written after the parser was tuned on the main set and never used to change it, so its
 * accuracy estimates how the assistant does on questions nobody tuned for.
 */
export const HELD_OUT_SET: readonly EvalCase[] = [
  {
    q: 'mañana paso por el cliente {c}, ¿qué le puedo vender?',
    intent: 'recommend',
    entities: { customer_id: '{c}' },
  },
  { q: 'necesito ideas de venta para el {c}', intent: 'recommend', entities: { customer_id: '{c}' } },
  { q: '¿algo nuevo que ofrecerle al cliente {c2}?', intent: 'recommend', entities: { customer_id: '{c2}' } },
  {
    q: 'sugiéreme 4 productos para el cliente {c}',
    intent: 'recommend',
    entities: { customer_id: '{c}', count: 4 },
  },
  {
    q: 'what would you push to customer {c2} next week?',
    intent: 'recommend',
    entities: { customer_id: '{c2}' },
  },
  {
    q: '¿y por qué ese?',
    intent: 'explain_recommendation',
    entities: { customer_id: '{c}' },
    after: ['recomendaciones para el cliente {c}'],
  },
  {
    q: '¿cuál es la razón de recomendar el {p} al cliente {c}?',
    intent: 'explain_recommendation',
    entities: { product_id: '{p}', customer_id: '{c}' },
  },
  { q: 'who is most likely to order product {p}?', intent: 'likely_buyers', entities: { product_id: '{p}' } },
  {
    q: '¿quién compraría el producto {p} la semana que viene?',
    intent: 'likely_buyers',
    entities: { product_id: '{p}' },
  },
  {
    q: 'clientes que hace tiempo no compran el producto {p}',
    intent: 'lapsed_customers',
    entities: { product_id: '{p}' },
  },
  { q: '¿quiénes abandonaron la marca {b}?', intent: 'lapsed_customers', entities: { brand: '{b}' } },
  { q: 'lapsed customers of brand {b}', intent: 'lapsed_customers', entities: { brand: '{b}' } },
  {
    q: '¿qué le vendimos al cliente {c} en diciembre?',
    intent: 'customer_history',
    entities: { customer_id: '{c}' },
  },
  { q: 'última compra del cliente {c2}', intent: 'customer_history', entities: { customer_id: '{c2}' } },
  {
    q: 'orders of customer {c} last week',
    intent: 'customer_history',
    entities: { customer_id: '{c}', period: 'last week' },
  },
  {
    q: '¿qué productos pide normalmente el cliente {c}?',
    intent: 'customer_basket',
    entities: { customer_id: '{c}' },
  },
  { q: 'typical order of customer {c2}', intent: 'customer_basket', entities: { customer_id: '{c2}' } },
  { q: '¿el cliente {c} compra seguido?', intent: 'customer_frequency', entities: { customer_id: '{c}' } },
  { q: 'buying rhythm of customer {c}', intent: 'customer_frequency', entities: { customer_id: '{c}' } },
  { q: '¿qué fue lo que más se vendió en noviembre?', intent: 'top_products', entities: {} },
  {
    q: 'productos top de los restaurantes el mes pasado',
    intent: 'top_products',
    entities: { customer_type: 'RESTAURANT', period: 'el último mes' },
  },
  {
    q: 'what were the top sellers among groceries?',
    intent: 'top_products',
    entities: { customer_type: 'ABARROTES' },
  },
  { q: '¿cómo vienen las ventas de jugos?', intent: 'sales_trend', entities: { sub_category: 'JUGOS' } },
  { q: 'are sales of product {p} declining?', intent: 'sales_trend', entities: { product_id: '{p}' } },
  { q: 'comparame noviembre con diciembre', intent: 'compare_periods', entities: {} },
  {
    q: 'last month compared to the one before',
    intent: 'compare_periods',
    entities: { period: 'last month' },
  },
  {
    q: '¿cuántas tiendas de conveniencia hay?',
    intent: 'count_customers',
    entities: { customer_type: 'TIENDA DE CONVENIENCIA' },
  },
  {
    q: 'how many supermarkets are there?',
    intent: 'count_customers',
    entities: { customer_type: 'SUPERMERCADO' },
  },
  { q: 'cuántos productos en botella hay', intent: 'count_products', entities: { package: 'BOTELLA' } },
  { q: '¿qué modelo está sirviendo ahora?', intent: 'model_info', entities: {} },
  { q: 'which version is the champion?', intent: 'model_info', entities: {} },
  {
    q: '¿qué tal funcionó el modelo el último mes?',
    intent: 'model_performance',
    entities: { period: 'el último mes' },
  },
  {
    q: 'how accurate were the predictions last week?',
    intent: 'model_performance',
    entities: { period: 'last week' },
  },
  { q: '¿qué factores pesan más en las predicciones?', intent: 'prediction_drivers', entities: {} },
  { q: '¿los datos se desviaron?', intent: 'drift_status', entities: {} },
  { q: 'is there a distribution shift?', intent: 'drift_status', entities: {} },
  { q: '¿falló el proceso semanal?', intent: 'pipeline_last_run', entities: {} },
  { q: 'did the weekly job fail?', intent: 'pipeline_last_run', entities: {} },
  { q: '¿cuándo toca la siguiente ejecución?', intent: 'pipeline_next_run', entities: {} },
  { q: '¿llegó el archivo de esta semana?', intent: 'last_batch', entities: {} },
  { q: 'how many rows did the last file have?', intent: 'last_batch', entities: {} },
  { q: 'cuéntame un chiste', intent: 'unknown', entities: {} },
];
