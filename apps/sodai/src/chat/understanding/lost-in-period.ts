import type { ChatPeriod } from '../../contract/api.ts';
import { daysBetween } from './days.ts';

/**
 * Losing customers, said as such: "perdimos", "se fueron", "churned", "lost". Not "dejaron de
 * comprar en los últimos 6 meses", which reads as quiet through those months.
 */
const LOST = /\b(?:perd\w*|se (?:nos |me )?(?:fueron|fue)|lost|los(?:e|ing)|churn\w*|abandon\w*)\b/;

/**
 * Longer than this, a period is one customers were lost in, not one they were quiet through: more
 * than the four quiet weeks that make a customer lost, and than a calendar month ("¿qué clientes
 * perdimos el mes pasado?" keeps the month as their quiet time).
 */
const QUIET_SPAN_DAYS = 35;

/**
 * Whether a lapsed-customers question asks who was lost in a long period ("¿cuántos clientes
 * perdimos este año?", "customers we lost this quarter"): customers who bought in it and stopped,
 * not those who bought nothing through all of it (nobody, over a year that holds every purchase).
 * "¿Qué clientes no compraron este mes?" keeps the month as the quiet time.
 *
 * @example
 * asksLostInPeriod('cuantos clientes perdimos este ano', { from: '2024-01-01', to: '2024-12-31', label: 'este año' }); // true
 */
export function asksLostInPeriod(text: string, period: ChatPeriod | undefined): boolean {
  return period !== undefined && daysBetween(period.from, period.to) > QUIET_SPAN_DAYS && LOST.test(text);
}
