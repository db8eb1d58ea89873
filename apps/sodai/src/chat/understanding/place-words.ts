/**
 * Where customers are: "la región 2", "zona 14", "region 3", over normalized, spell-corrected text.
 * A region or zone is a column of the customers table, not an entity of the chat's contract, so it
 * is read here, before the entities, and its number taken out of the question: left in, "top 3
 * clientes de la region 2" would read 2 as a count or an id.
 */

/** A region or a zone of the customers table, by its id. */
export interface Place {
  readonly region?: number;
  readonly zone?: number;
}

/** Which grain of place a ranking of places is by. */
export type PlaceGrain = 'region' | 'zone';

/** "De la region 2", "en la zona 14", "in region 3", "for zone no. 5": the words and the number. */
const PLACE_NAMED =
  /\b(?:(?:de|del|en|para|in|for|of|from)\s+)?(?:(?:la|el|the)\s+)?(region|zona|zone)\s+(?:(?:n|no|nro|num|numero|number|#)\s+)?(\d{1,4})\b/g;

/**
 * The regions or zones ranked against each other: "¿qué región vende más?", "ventas por zona",
 * "ranking de regiones", "which region sells the most", "top regions", "sales by zone".
 */
const PLACES_RANKED =
  /\b(?:(?:que|cual|cuales|which|what)\s+(?:es\s+la\s+|son\s+las\s+|is\s+the\s+)?(region|regiones|zona|zonas|zone|zones|regions?)|(?:por|by|per|each|cada)\s+(region|regiones|zona|zonas|zone|zones|regions?)|(?:ranking|top|mejores|best|peores|worst)\s+(?:de\s+|of\s+)?(?:las\s+|the\s+)?(regiones|zonas|regions|zones))\b/;

/**
 * The place a question names and the question without it, or nothing when it names none.
 *
 * @example
 * placeNamed('top 3 clientes de la region 2'); // { place: { region: 2 }, text: 'top 3 clientes' }
 * placeNamed('sales in zone 12'); // { place: { zone: 12 }, text: 'sales' }
 */
export function placeNamed(text: string): { readonly place: Place; readonly text: string } | undefined {
  let region: number | undefined;
  let zone: number | undefined;
  const rest = text.replace(PLACE_NAMED, (_whole, word: string, id: string) => {
    if (word === 'region') region ??= Number(id);
    else zone ??= Number(id);
    return ' ';
  });
  if (region === undefined && zone === undefined) return undefined;
  return {
    place: { ...(region !== undefined ? { region } : {}), ...(zone !== undefined ? { zone } : {}) },
    text: rest.replace(/\s+/g, ' ').trim(),
  };
}

/**
 * Whether the question ranks regions or zones against each other, and which.
 *
 * @example
 * placesRanked('which region sells the most'); // 'region'
 * placesRanked('ventas por zona'); // 'zone'
 * placesRanked('top 3 clientes'); // undefined
 */
export function placesRanked(text: string): PlaceGrain | undefined {
  const m = PLACES_RANKED.exec(text);
  if (!m) return undefined;
  const word = m[1] ?? m[2] ?? m[3] ?? '';
  return word.startsWith('region') ? 'region' : 'zone';
}
