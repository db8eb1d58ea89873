import type { MessageKey } from '../../i18n/dictionary.ts';

/**
 * How a model version that answered is named: `v3`, or in words for version 0, which is the simple
 * rule that answers while no model has passed the check ("v0" would read as a model).
 *
 * @example
 * versionLabel(3, t); // 'v3'
 * versionLabel(0, t); // 'Regla simple' / 'Simple rule'
 */
export function versionLabel(version: number, t: (key: MessageKey) => string): string {
  return version === 0 ? t('monitoring.ruleVersion') : `v${version}`;
}
