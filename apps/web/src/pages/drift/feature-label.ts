import type { UiFeatures } from '../../api/contract.ts';
import type { Lang } from '../../i18n/dictionary.ts';

/** Names a drift column for the reader: a model input's label, else a sales-line column's, else the name. */
export type FeatureNamer = (name: string) => string;

/**
 * Builds the namer for one language from the server's feature labels and the UI's own words for the
 * sales-line columns (`lineLabel` returns null for a name it does not know).
 *
 * @example
 * const name = featureNamer([{ name: 'streak', label: { es: 'racha', en: 'streak' } }], 'es', () => null);
 * name('streak'); // 'racha'
 */
export function featureNamer(
  features: UiFeatures,
  lang: Lang,
  lineLabel: (name: string) => string | null,
): FeatureNamer {
  const labels = new Map(features.map((f) => [f.name, f.label[lang]]));
  return (name) => labels.get(name) ?? lineLabel(name) ?? name;
}
