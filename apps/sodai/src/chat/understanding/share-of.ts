import type { ChatAttribute, ChatEntities } from '../../contract/api.ts';

/** The entity that holds each attribute's value. */
export const ATTRIBUTE_ENTITY = {
  brand: 'brand',
  category: 'category',
  sub_category: 'sub_category',
  segment: 'segment',
  package: 'package',
  size: 'size_litres',
  customer_type: 'customer_type',
} as const satisfies Record<ChatAttribute, keyof ChatEntities>;

const SPLIT_WORDS: readonly (readonly [ChatAttribute, string])[] = [
  // Before "tipo" alone and before "categoría", which "subcategoría" contains.
  [
    'customer_type',
    'tipos? de (?:clientes?|negocios?|locales?)|(?:customer|client|shop) types?|tipos?|types?',
  ],
  // The size of a container is its litres, not its kind: "tamaño de envase", "bottle size", before
  // the package words it holds ("tipo de envase" stays the package).
  [
    'size',
    'tamanos? (?:de(?:l| los| las)? )?(?:envases?|botellas?|latas?|barriles?|empaques?|formatos?)|(?:package|packaging|bottle|can|container|keg|pack) sizes?|sizes? of (?:the )?(?:packages?|bottles?|cans?|containers?)',
  ],
  ['sub_category', 'sub ?categorias?|sub ?categor(?:y|ies)|subcategor(?:y|ies)'],
  ['category', 'categorias?|categor(?:y|ies)'],
  ['package', 'envases?|packages?|packaging|formatos?|formats?|empaques?'],
  ['segment', 'segmentos?|segments?|gamas?'],
  ['size', 'tamanos?|sizes?|litros|litres|liters|capacidad(?:es)?'],
  ['brand', 'marcas?|brands?'],
];
/** "por envase", "según marca", "by brand", "de cada segmento", "split by size": sales split by an attribute. */
const SPLIT_BY = SPLIT_WORDS.map(
  ([attribute, words]) =>
    [
      attribute,
      new RegExp(
        `\\b(?:por|segun|by|per|cada|each|across|entre)\\s+(?:(?:el|la|los|las|the|de|of|tipo de)\\s+)?(?:${words})\\b`,
      ),
    ] as const,
);

/**
 * An attribute named as a noun, with no "by" before it: "¿qué categoría vende más?", "how many
 * brands…". "Tipo" / "type" alone is left out: "what type of product" names no customer type.
 */
const ATTRIBUTE_NOUN = SPLIT_WORDS.map(
  ([attribute, words]) =>
    [
      attribute,
      new RegExp(
        `\\b(?:${attribute === 'customer_type' ? 'tipos? de (?:clientes?|negocios?|locales?)|(?:customer|client|shop) types?' : words})\\b`,
      ),
    ] as const,
);

/** The attribute a question names as a noun ("qué categoría", "how many brands"), if any. */
export function attributeNoun(text: string): ChatAttribute | undefined {
  return ATTRIBUTE_NOUN.find(([, re]) => re.test(text))?.[0];
}

/** The attribute a question splits sales by ("share of sales by package"), if it says one. */
export function splitBy(text: string): ChatAttribute | undefined {
  return SPLIT_BY.find(([, re]) => re.test(text))?.[0];
}

/**
 * Of the attributes whose value a question names, the one it asks the share of: the last named.
 * "¿Qué porcentaje de las ventas de Brand 7 son latas?" asks for cans within Brand 7's sales,
 * "what % of can sales are Brand 7?" for Brand 7 within cans.
 *
 * @example
 * askedAttribute({ brand: 'Brand 7', package: 'LATA' }, { brand: 30, package: 45 }); // 'package'
 */
export function askedAttribute(
  entities: ChatEntities,
  at: Partial<Record<ChatAttribute, number>>,
): ChatAttribute | undefined {
  const named = (Object.keys(ATTRIBUTE_ENTITY) as ChatAttribute[]).filter(
    (a) => entities[ATTRIBUTE_ENTITY[a]] !== undefined,
  );
  return named.sort((a, b) => (at[b] ?? -1) - (at[a] ?? -1))[0];
}
