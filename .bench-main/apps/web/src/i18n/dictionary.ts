import type { es } from './es.ts';

/** Every message key of the UI; Spanish is the reference dictionary. */
export type MessageKey = keyof typeof es;

/** A full translation: the same keys as Spanish, each a string (`{name}` marks a placeholder). */
export type Dictionary = Readonly<Record<MessageKey, string>>;

/** The languages the UI speaks. */
export type Lang = 'es' | 'en';

/** Languages in toggle order. */
export const LANGS: readonly Lang[] = ['es', 'en'];

/**
 * Fills `{name}` placeholders; a missing value leaves the placeholder visible so it gets noticed.
 *
 * @example
 * interpolate('Cliente {id}', { id: 7 }); // 'Cliente 7'
 */
export function interpolate(template: string, vars?: Readonly<Record<string, string | number>>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
