import type { Lang } from '../contract/api.ts';

// The customer types of the distributor's master in words people use, shared by the chat and the
// reasons a recommendation gives ("popular entre restaurantes", not "clientes RESTAURANT").

const TYPE_WORDS: Record<string, Record<Lang, [string, string]>> = {
  ABARROTES: { es: ['almacén de abarrotes', 'almacenes de abarrotes'], en: ['grocery', 'groceries'] },
  MAYORISTA: { es: ['mayorista', 'mayoristas'], en: ['wholesaler', 'wholesalers'] },
  'CANAL FRIO': {
    es: ['cliente de canal frío', 'clientes de canal frío'],
    en: ['cold-channel shop', 'cold-channel shops'],
  },
  RESTAURANT: { es: ['restaurante', 'restaurantes'], en: ['restaurant', 'restaurants'] },
  SUPERMERCADO: { es: ['supermercado', 'supermercados'], en: ['supermarket', 'supermarkets'] },
  MINIMARKET: { es: ['minimarket', 'minimarkets'], en: ['minimarket', 'minimarkets'] },
  'TIENDA DE CONVENIENCIA': {
    es: ['tienda de conveniencia', 'tiendas de conveniencia'],
    en: ['convenience store', 'convenience stores'],
  },
};

/** A customer type in words, singular or plural ("restaurantes", "convenience stores"). */
export function customerTypeWords(type: string | null, lang: Lang, plural = true): string {
  if (type === null)
    return lang === 'es' ? (plural ? 'clientes' : 'cliente') : plural ? 'customers' : 'customer';
  const words = TYPE_WORDS[type]?.[lang];
  return words ? words[plural ? 1 : 0] : type.toLowerCase();
}

/** Spanish types whose noun is feminine ("una tienda de conveniencia"). */
const FEMININE_TYPES: ReadonlySet<string> = new Set(['TIENDA DE CONVENIENCIA']);

/** Whether a customer type's Spanish noun is feminine ("ninguna tienda de conveniencia"). */
export function isFeminineType(type: string | null): boolean {
  return type !== null && FEMININE_TYPES.has(type);
}

/** Whether the type has words of its own (a type the master adds later keeps its stored name). */
export function hasTypeWords(type: string): boolean {
  return TYPE_WORDS[type] !== undefined;
}
