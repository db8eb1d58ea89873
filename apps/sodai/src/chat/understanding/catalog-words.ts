/**
 * Words people use for the catalog's categorical values, normalized (see `normalize`), each
 * mapped to the value as stored. Longer phrases are tried first, so "no carbonatadas" wins over
 * "carbonatadas".
 */
export type WordMap = readonly (readonly [phrase: string, value: string])[];

const build = (spec: Record<string, readonly string[]>): WordMap =>
  Object.entries(spec)
    .flatMap(([value, phrases]) => phrases.map((p) => [p, value] as const))
    .sort((a, b) => b[0].length - a[0].length);

export const CUSTOMER_TYPE_WORDS = build({
  RESTAURANT: [
    'restaurante',
    'restaurantes',
    'restaurant',
    'restaurants',
    'resto',
    'restos',
    // As said and typed on the sales floor.
    'restoran',
    'restoranes',
    'restorant',
    'restorantes',
    'restobar',
    'restobares',
    'fuente de soda',
    'fuentes de soda',
    'horeca',
  ],
  ABARROTES: [
    'abarrotes',
    'abarrote',
    'almacen',
    'almacenes',
    'grocery',
    'groceries',
    'grocery store',
    'grocery stores',
    'bodega',
    'bodegas',
    'almacenes de barrio',
    'almacen de barrio',
    'negocios de barrio',
    'tiendas de barrio',
    'boliche',
    'boliches',
  ],
  MAYORISTA: [
    'mayorista',
    'mayoristas',
    'wholesale',
    'wholesaler',
    'wholesalers',
    'mayoreo',
    'al por mayor',
    'distribuidores',
    'distribuidoras',
    'distributors',
  ],
  'CANAL FRIO': ['canal frio', 'cold channel', 'cold-channel'],
  SUPERMERCADO: [
    'supermercado',
    'supermercados',
    'supermarket',
    'supermarkets',
    'super',
    'supers',
    'hipermercado',
    'hipermercados',
    'hiper',
    'cadenas de supermercados',
  ],
  MINIMARKET: [
    'minimarket',
    'minimarkets',
    'minimercado',
    'minimercados',
    'mini market',
    'mini markets',
    'mini mercado',
    'mini mercados',
    'minimarts',
    'minimart',
  ],
  'TIENDA DE CONVENIENCIA': [
    'tienda de conveniencia',
    'tiendas de conveniencia',
    'convenience store',
    'convenience stores',
    'conveniencia',
    'convenience',
  ],
});

export const CATEGORY_WORDS = build({
  'BEBIDAS NO CARBONATADAS': [
    'no carbonatadas',
    'no carbonatada',
    'sin gas',
    'non carbonated',
    'non-carbonated',
    'still drinks',
    'noncarbonated',
  ],
  'BEBIDAS CARBONATADAS': ['carbonatadas', 'carbonatada', 'con gas', 'carbonated', 'fizzy', 'sparkling'],
});

export const SUB_CATEGORY_WORDS = build({
  GASEOSAS: [
    'gaseosa',
    'gaseosas',
    'soda',
    'sodas',
    'refresco',
    'refrescos',
    'soft drink',
    'soft drinks',
    'bebidas gaseosas',
    'colas',
    'pop',
  ],
  'AGUAS SABORIZADAS': [
    'agua saborizada',
    'aguas saborizadas',
    'agua con sabor',
    'aguas con sabor',
    'flavored water',
    'flavoured water',
    'flavored waters',
    'flavoured waters',
    // The catalog has no plain water: "aguas" are the flavoured ones.
    'aguas',
    'aguitas',
  ],
  JUGOS: ['jugo', 'jugos', 'juice', 'juices', 'zumo', 'zumos', 'nectar', 'nectares', 'nectars', 'juguitos'],
});

export const SEGMENT_WORDS = build({
  PREMIUM: ['premium', 'segmento premium', 'premium segment'],
  HIGH: [
    'segmento alto',
    'gama alta',
    'high segment',
    'segment high',
    'high-end',
    'high end',
    'segmento high',
  ],
  MEDIUM: [
    'segmento medio',
    'gama media',
    'medium segment',
    'segment medium',
    'mid-range',
    'mid range',
    'segmento medium',
  ],
  LOW: [
    'segmento bajo',
    'gama baja',
    'low segment',
    'segment low',
    'low-end',
    'low end',
    'economicos',
    'economicas',
    'baratos',
    'baratas',
    'low cost',
    'budget',
    'segmento low',
  ],
});

export const PACKAGE_WORDS = build({
  BOTELLA: ['botella', 'botellas', 'bottle', 'bottles', 'bottled', 'embotellados', 'botellita', 'botellitas'],
  LATA: [
    'lata',
    'latas',
    'cans',
    'can sales',
    'canned',
    'in can',
    'en lata',
    'enlatados',
    'tin',
    'tins',
    'latita',
    'latitas',
  ],
  TETRA: [
    'tetra',
    'tetrapak',
    'tetra pak',
    'tetrabrik',
    'brick',
    'bricks',
    'carton',
    'cartons',
    'caja',
    'cajita',
  ],
  KEG: ['barril', 'barriles', 'keg', 'kegs', 'schop'],
});

/** Every word above, for the spelling corrector (so "restorante" becomes "restaurante"). */
export const CATALOG_VOCABULARY: readonly string[] = [
  ...CUSTOMER_TYPE_WORDS,
  ...CATEGORY_WORDS,
  ...SUB_CATEGORY_WORDS,
  ...SEGMENT_WORDS,
  ...PACKAGE_WORDS,
].flatMap(([phrase]) => phrase.split(' '));
