import type { ChatAttribute, Lang } from '../../contract/api.ts';
import type { Noun } from '../count-words.ts';
import { NOUN } from '../count-words.ts';
import type { ItemGrain } from '../understanding/buyers-change-words.ts';
import { say } from '../format.ts';
import { ATTRIBUTE_COLUMN, ATTRIBUTE_PLURAL, ATTRIBUTE_WORDS, valueWords } from './attribute-words.ts';

// What risers, fallers and buyers gained or lost are ranked as: products, or the values of one
// product attribute, read from the data and said the same way by each tool.

const GRAINS: readonly ItemGrain[] = ['brand', 'category', 'sub_category', 'segment', 'package'];

/** The grain a question's `group_by` asks for ("¿qué segmento crece más?"); products otherwise. */
export function grainOf(groupBy: ChatAttribute | undefined): ItemGrain {
  return GRAINS.find((g) => g === groupBy) ?? 'product';
}

/** One value of a grain as a sales rep says it: "producto 1370", "Brand 24", "latas". */
export function grainValue(grain: ItemGrain, value: unknown, lang: Lang): string {
  if (grain === 'product') return say(lang, `producto ${Number(value)}`, `product ${Number(value)}`);
  if (grain === 'brand') return String(value);
  return valueWords(grain, value, lang);
}

/** How a grain is read from the data and said: its column, its nouns and their gender. */
export interface GrainWords {
  readonly column: string;
  readonly plural: string;
  readonly noun: Noun;
  /** Spanish "las marcas", "ninguna categoría". */
  readonly feminine: boolean;
  readonly title: string;
  /** The key of the ranked list in the answer's data, and of each item's value. */
  readonly listKey: string;
  readonly itemKey: string;
}

const FEMININE: ReadonlySet<ItemGrain> = new Set(['brand', 'category', 'sub_category']);

const NOUNS: Readonly<Record<Exclude<ItemGrain, 'product' | 'brand'>, Noun>> = {
  category: { es: ['categoría', 'categorías'], en: ['category', 'categories'] },
  sub_category: { es: ['subcategoría', 'subcategorías'], en: ['sub-category', 'sub-categories'] },
  segment: { es: ['segmento', 'segmentos'], en: ['segment', 'segments'] },
  package: { es: ['envase', 'envases'], en: ['package', 'packages'] },
};

const LIST_KEY: Readonly<Record<ItemGrain, readonly [string, string]>> = {
  product: ['products', 'product'],
  brand: ['brands', 'brand'],
  category: ['categories', 'category'],
  sub_category: ['sub_categories', 'sub_category'],
  segment: ['segments', 'segment'],
  package: ['packages', 'package'],
};

/** How a grain is read from the data and named in an answer. */
export function grainWords(grain: ItemGrain, lang: Lang): GrainWords {
  const [listKey, itemKey] = LIST_KEY[grain];
  const feminine = FEMININE.has(grain);
  if (grain === 'product') {
    return {
      column: 't.product_id::DOUBLE',
      plural: lang === 'es' ? 'productos' : 'products',
      noun: NOUN.product,
      feminine,
      title: lang === 'es' ? 'Producto' : 'Product',
      listKey,
      itemKey,
    };
  }
  return {
    column: ATTRIBUTE_COLUMN[grain],
    plural: ATTRIBUTE_PLURAL[grain][lang],
    noun: grain === 'brand' ? NOUN.brand : NOUNS[grain],
    feminine,
    title: ATTRIBUTE_WORDS[grain][lang][1],
    listKey,
    itemKey,
  };
}
