import type { ChatDataSource } from './data-source.ts';
import { normalize } from './understanding/normalize.ts';
import { catalogueWordForms } from './understanding/product-kind-words.ts';

/**
 * What the understanding layer needs to know about the data: the brands (to find them in a
 * question), which ids are customers and which products (to give a bare number its role), and the
 * last day with data (periods such as "last week" count back from it).
 */
export interface Vocabulary {
  /** Normalized brand name → the brand as stored. */
  readonly brands: ReadonlyMap<string, string>;
  readonly customerIds: ReadonlySet<number>;
  readonly productIds: ReadonlySet<number>;
  /** Last purchase day in the data (YYYY-MM-DD), or null when there are no transactions. */
  readonly lastDay: string | null;
  readonly firstDay: string | null;
  /**
   * Normalized customer type → the type as stored, as the data holds them: a type the chat has no
   * words for is still found by its own name ("hoteles" for a type HOTEL).
   */
  readonly customerTypes?: ReadonlyMap<string, string>;
  /**
   * The words of the catalogue's values (categories, sub-categories, segments, packages, brands),
   * normalized, with and without plural endings: what a kind of product asked about is looked up in.
   */
  readonly catalogueWords?: ReadonlySet<string>;
}

export const EMPTY_VOCABULARY: Vocabulary = {
  brands: new Map(),
  customerIds: new Set(),
  productIds: new Set(),
  lastDay: null,
  firstDay: null,
};

/** Reads the vocabulary from the data. */
export async function loadVocabulary(data: ChatDataSource): Promise<Vocabulary> {
  const brands = new Map<string, string>();
  for (const r of await data.query('SELECT DISTINCT brand FROM products WHERE brand IS NOT NULL')) {
    const brand = String(r.brand);
    // Questions read "&" as "y" / "and" ("latas & botellas"), so "A & B" is also found written so.
    for (const spelt of [brand, brand.replace(/&/g, ' y '), brand.replace(/&/g, ' and ')])
      brands.set(normalize(spelt), brand);
  }
  const customerIds = new Set(
    (await data.query('SELECT customer_id::DOUBLE AS id FROM customers')).map((r) => Number(r.id)),
  );
  const productIds = new Set(
    (await data.query('SELECT product_id::DOUBLE AS id FROM products')).map((r) => Number(r.id)),
  );
  const customerTypes = new Map<string, string>();
  for (const r of await data.query(
    'SELECT DISTINCT customer_type FROM customers WHERE customer_type IS NOT NULL',
  )) {
    customerTypes.set(normalize(String(r.customer_type)), String(r.customer_type));
  }
  const catalogueWords = new Set<string>();
  for (const r of await data.query(
    `SELECT DISTINCT unnest([category, sub_category, segment, package, brand]) AS v FROM products`,
  )) {
    if (r.v === null || r.v === undefined) continue;
    for (const w of normalize(String(r.v)).split(' '))
      for (const form of catalogueWordForms(w)) catalogueWords.add(form);
  }
  const [span] = await data.query(
    'SELECT min(purchase_date)::DATE::VARCHAR AS first, max(purchase_date)::DATE::VARCHAR AS last FROM transactions',
  );
  return {
    brands,
    customerIds,
    productIds,
    lastDay: (span?.last as string | null | undefined) ?? null,
    firstDay: (span?.first as string | null | undefined) ?? null,
    customerTypes,
    catalogueWords,
  };
}

/**
 * The vocabulary, re-read when the data source's version moves (a new batch brings new ids and
 * days), or at most every `ttlMs` for a source that cannot tell its version; loaded once when two
 * questions arrive together.
 */
export class VocabularyCache {
  #value: Vocabulary | undefined;
  #loadedAt = 0;
  #loadedVersion: string | undefined;
  #loading: Promise<Vocabulary> | undefined;

  constructor(
    private readonly data: ChatDataSource,
    private readonly ttlMs = 60_000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  async get(): Promise<Vocabulary> {
    const version = this.data.version?.();
    const fresh =
      version === undefined ? this.clock() - this.#loadedAt < this.ttlMs : version === this.#loadedVersion;
    if (this.#value && fresh) return this.#value;
    this.#loading ??= loadVocabulary(this.data)
      .then((v) => {
        this.#value = v;
        this.#loadedAt = this.clock();
        this.#loadedVersion = version;
        return v;
      })
      .finally(() => {
        this.#loading = undefined;
      });
    return this.#loading;
  }
}
