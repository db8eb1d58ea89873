import type { ChatAttribute, Lang } from '../../contract/api.ts';
import { customerTypeWords, formatLitres, packageWords, say } from '../format.ts';

/** The column each attribute is read from. */
export const ATTRIBUTE_COLUMN: Readonly<Record<ChatAttribute, string>> = {
  brand: 'p.brand',
  category: 'p.category',
  sub_category: 'p.sub_category',
  segment: 'p.segment',
  package: 'p.package',
  size: 'p.size::DOUBLE',
  customer_type: 'c.customer_type',
};

/** The attribute in words, after "por" / "by", and as a column title. */
export const ATTRIBUTE_WORDS: Readonly<
  Record<ChatAttribute, Readonly<Record<Lang, readonly [string, string]>>>
> = {
  brand: { es: ['marca', 'Marca'], en: ['brand', 'Brand'] },
  category: { es: ['categoría', 'Categoría'], en: ['category', 'Category'] },
  sub_category: { es: ['subcategoría', 'Subcategoría'], en: ['sub-category', 'Sub-category'] },
  segment: { es: ['segmento', 'Segmento'], en: ['segment', 'Segment'] },
  package: { es: ['envase', 'Envase'], en: ['package', 'Package'] },
  size: { es: ['tamaño', 'Tamaño'], en: ['size', 'Size'] },
  customer_type: { es: ['tipo de cliente', 'Tipo de cliente'], en: ['customer type', 'Customer type'] },
};

/** The attribute's values in the plural: "14 marcas más", "the catalogue has 3 sizes". */
export const ATTRIBUTE_PLURAL: Readonly<Record<ChatAttribute, Readonly<Record<Lang, string>>>> = {
  brand: { es: 'marcas', en: 'brands' },
  category: { es: 'categorías', en: 'categories' },
  sub_category: { es: 'subcategorías', en: 'sub-categories' },
  segment: { es: 'segmentos', en: 'segments' },
  package: { es: 'envases', en: 'packages' },
  size: { es: 'tamaños', en: 'sizes' },
  customer_type: { es: 'tipos de cliente', en: 'customer types' },
};

/** A value of an attribute as a sales rep says it: "latas", "segmento PREMIUM", "0,5 L", "restaurantes". */
export function valueWords(attribute: ChatAttribute, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return say(lang, 'sin dato', 'not recorded');
  if (attribute === 'package') return packageWords(String(value), lang, true);
  if (attribute === 'segment') return say(lang, `segmento ${String(value)}`, `${String(value)} segment`);
  if (attribute === 'size') return formatLitres(Number(value), lang);
  if (attribute === 'customer_type') return customerTypeWords(String(value), lang);
  return String(value);
}
