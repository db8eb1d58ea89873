import type { I18n } from '../../i18n/i18n-context.tsx';

/**
 * A run's name for the reader: the training job names runs `<kind> <detail>` (`train 2024-06-03`,
 * `gate v2`, `trial 3`); the kind is said in the UI's language, the detail (a week, a version, a
 * number) kept. Names of another shape show as they are.
 *
 * @example
 * runLabel('gate v2', tOr); // 'comprobación v2' in Spanish
 */
export function runLabel(name: string, tOr: I18n['tOr']): string {
  const match = /^([a-z_]+)(\s.*)?$/.exec(name);
  if (!match) return name;
  return `${tOr(`experiments.kind.${match[1]}`, match[1]!)}${match[2] ?? ''}`;
}
