import { distance } from 'fastest-levenshtein';
import type { Lang } from '../../contract/api.ts';
import { CATALOG_VOCABULARY } from './catalog-words.ts';
import { INTENT_WORDS } from './intent-words.ts';
import { MISSING_DATA_WORDS } from './missing-data-words.ts';
import { HELP_WORDS } from './help-words.ts';
import { NEW_CUSTOMER_WORDS } from './new-customer-words.ts';
import { ALERT_WORDS } from './alert-words.ts';
import { DIGEST_WORDS } from './digest-words.ts';
import { RETURN_WORDS } from './returns-words.ts';
import { WEEKDAY_WORDS } from './weekday-words.ts';
import { PRODUCT_KIND_FRAGMENTS } from './product-kind-words.ts';
import { NUMBER_VOCABULARY } from './number-words.ts';
import { soundKey } from './sound-key.ts';
import { isSpanishVerbForm } from './spanish-verbs.ts';
import { ORDINARY_WORDS } from './ordinary-words.ts';
import { likeliestMeant } from './typo-kind.ts';
import { restoredD } from './elided-d.ts';
import { LOYAL_WORDS } from './regular-buyers-words.ts';

/**
 * The words the understanding layer looks for, and common words around them (so a correct word is
 * never "corrected" into a keyword it merely resembles).
 */
const WORDS = `
cliente clientes customer customers client clients tienda tiendas shop shops negocio negocios local locales store stores
producto productos product products articulo articulos item items referencia referencias sku skus
recomienda recomiendas recomendar recomendacion recomendaciones recomiendo recommend recommendation recommendations
recommended suggest suggestion suggestions sugerir sugiere sugieres sugerencia sugerencias ofrecer ofrezco ofrecerle
offer offering pitch vender venderle vendo llevarle llevo deberia deberiamos should would could
porque razon reason motivo explica explicame explain why
probable probables probablemente likely chance chances posibilidad posibilidades comprar compraran comprarian
candidato candidatos candidates buyers compradores interesados interested
dejaron dejo dejado stopped stop parado parar missing volvieron vuelto inactivo inactivos inactive perdidos perdimos lost
churn abandonaron abandono lapsed dormidos compran compra compro compraron compras comprado comprados compre
comprando bought buying buys purchase purchases purchased historial history pedido pedidos orders ordered order
recompra recompras recompran recompraron recomprar repurchase repurchases repurchased repurchasing repeat
transaccion transacciones transaction transactions lineas
canasta cesta basket carrito habitual habituales usual usually regular regularly tipicamente typically normalmente
siempre always frecuencia frequency often seguido veces times cada every
vendido vendidos vendidas vendio vendieron venden vende ventas sales sold sell selling seller sellers top ranking
mejores mejor best popular populares estrella estrellas mayores volumen volume unidades units cajas
tendencia tendencias trend trends evolucion evolution creciendo growing bajando declining subiendo cayendo crece cae
comparar compara comparado comparacion compare compared comparison versus contra respecto against frente
cuantos cuantas cuanto cuanta many much numero number count total cantidad
modelo modelos model models campeon champion version versiones entrenado entrenaron entrenamiento entreno trained
reentreno reentrenar reentrenamiento reentrenado reentrenaron reentrena retrain retrained retraining retrains
gate compuerta challenger retador promovido promovio promoted promote refused refuse refusal reboto upload uploads
training train datos data
rendimiento desempeno performance precision recall accuracy exactitud acierto acerto metricas metrica metrics
funciono funciona funcionando working resultado resultados results
influye influyen drives driver drivers factores factors features variables importancia importance importa pesa
prediccion predicciones prediction predictions predice predict predicted score
drift deriva desvio cambio cambios changed change shift distribucion distribution
pipeline flujo corrida corridas ejecucion ejecuciones ejecuto proceso procesos tarea tareas task tasks fallo fallaron
fallidas failed failure error errores
proxima proximo siguiente next cuando when scheduled programada programado
lote lotes batch batches carga cargas ingesta ingest archivo archivos file files cuarentena quarantine quarantined
rechazadas rechazados rejected filas rows llego landed
llegar llegan llega llegaron lleguen arrive arrives arrived arriving avisan avisa avisar avisara notified notify
notification notifications warned alerta alertas alert alerts monitorea monitorean monitorear monitoreado monitored
monitoring empeora empeoran empeorar degrada degrado degrade degrades degraded worse triggers trigger provoca dispara
ayuda help puedes preguntar ejemplos examples
semana semanas week weeks mes meses month months dias days ultimo ultima ultimos ultimas pasado pasada anterior
marca marcas brand brands categoria categorias category categories segmento segment envase envases package packages
tamano size litro litros liter liters litre litres
muestrame mostrar show dame give mas more otros others siguientes
ultimos last previous this este esta primero primeros first
que cual cuales quien quienes como donde para por con sin hay tiene tienen suele suelen hizo hace
what which who whom how where with without there have does did were was last
esperar esperamos espera expect expected
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
january february march april june july august september october november december
hoy today ayer yesterday preguntarte semanal semanales mensuales catalogo catalogue catalog weekly mensual monthly anual yearly diario daily
venta visita visito visitar llamar llamo call calling ring ringing phone phoning contact contacting visit visiting cosas things quiet silent local pedir piden pide llevar lleva cargo cargado
trimestre trimestres semestre antepasada antepasado antepenultima quarter quarters ago desde hasta since primer segundo tercer tercero cuarto
primera segunda tercera cuarta quinta quinto second third fourth fifth
aparte ademas salvo excepto besides
`;

/**
 * The words of the intent vocabulary's plain entries ("meterle", "pedido sugerido", "candidatos?"),
 * so a typo of one is corrected to it and a correct one is never turned into another keyword.
 * Entries with stems or alternatives ("recomiend\\w*") are left out: their pieces are not words.
 */
/** Every word list the rules match, each fragment on word boundaries. */
const FRAGMENTS: readonly string[] = [
  ...Object.values(INTENT_WORDS),
  ...Object.values(MISSING_DATA_WORDS),
  HELP_WORDS,
  NEW_CUSTOMER_WORDS,
  ALERT_WORDS,
  DIGEST_WORDS,
  RETURN_WORDS,
  WEEKDAY_WORDS,
  PRODUCT_KIND_FRAGMENTS,
  LOYAL_WORDS,
].flat();

function intentWords(): string[] {
  return FRAGMENTS.filter((fragment) => /^[a-z ]+(?:s\?)?$/.test(fragment))
    .flatMap((fragment) => fragment.replace('?', '').split(' '))
    .filter((w) => w.length >= 3);
}

const LEXICON: readonly string[] = [
  ...new Set([
    ...WORDS.split(/\s+/).filter(Boolean),
    ...CATALOG_VOCABULARY,
    ...intentWords(),
    ...NUMBER_VOCABULARY,
  ]),
];
// Ordinary words are known as written but are no lexicon entry: their sounds would otherwise share
// keys with keywords ("marcha", "marca") and stop those keywords' own sound corrections.
const KNOWN = new Set([...LEXICON, ...ORDINARY_WORDS]);

/**
 * Lexicon words by how they sound, for the keys only one word has: "bendo" is "vendo", "qe" is
 * "que". A key two words share ("casa", "caza") says nothing about which was meant.
 */
const BY_SOUND: ReadonlyMap<string, string> = (() => {
  const words = new Map<string, string | null>();
  for (const w of LEXICON) {
    const key = soundKey(w);
    const seen = words.get(key);
    words.set(key, seen === undefined || seen === w ? w : null);
  }
  return new Map([...words].filter((e): e is [string, string] => e[1] !== null));
})();
/** A fragment cut at its top-level spaces: "como (?:viene|anda)" → ["como", "(?:viene|anda)"]. */
function wordPatterns(fragment: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < fragment.length; i++) {
    const ch = fragment[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ' ' && depth === 0) {
      out.push(fragment.slice(from, i));
      from = i + 1;
    }
  }
  out.push(fragment.slice(from));
  // A piece such as "?sell" (from "cross ?sell") is no pattern of its own.
  return out.filter((p) => p !== '' && !p.startsWith('?'));
}

/**
 * Every word the intent vocabulary can match, stems and alternatives included: "drifting" is
 * "drift\w*" and "vienen" is in "como (?:viene|vienen)", so neither is a typo to correct.
 */
const KEYWORD = new RegExp(`^(?:${FRAGMENTS.flatMap(wordPatterns).join('|')})$`);

/** Lexicon words by length: only those within `allowed` letters of a word can be within `allowed` edits. */
const BY_LENGTH = new Map<number, string[]>();
for (const w of LEXICON) BY_LENGTH.set(w.length, [...(BY_LENGTH.get(w.length) ?? []), w]);
function nearLength(length: number, allowed: number): string[] {
  const out: string[] = [];
  for (let l = length - allowed; l <= length + allowed; l++) out.push(...(BY_LENGTH.get(l) ?? []));
  return out;
}

/** Whether the assistant knows a normalized word as it is: a keyword, or a word around them. */
export const isKnownWord = (word: string): boolean => KNOWN.has(word) || KEYWORD.test(word);

/**
 * Edits allowed for a word of this length: none up to five letters, where a typo is too often
 * another word ("mayor" is one edit from "mayo", "entro" from "enero": both would become a month).
 */
function tolerance(length: number): number {
  if (length < 6) return 0;
  if (length < 8) return 1;
  return 2;
}

/**
 * Replaces misspelt words by the word the assistant knows that sounds the same in Spanish ("qe le
 * bendo" → "que le vendo"; `lang` 'en' skips this) or else the nearest ("prodcutos" → "productos"),
 * leaving numbers, short words, Spanish verb forms ("cuentame", "quieres") and unknown words that are
 * far from any keyword untouched.
 *
 * @example
 * correctSpelling(['cuantos', 'clientse', 'hay']); // ['cuantos', 'clientes', 'hay']
 * correctSpelling(['qe', 'le', 'bendo'], 'es'); // ['que', 'le', 'vendo']
 */
export function correctSpelling(words: readonly string[], lang: Lang = 'es'): string[] {
  return words.map((word) => {
    if (KNOWN.has(word) || /\d/.test(word) || KEYWORD.test(word)) return word;
    // "El mes pasao": the spoken "-ao" of a word known as "-ado".
    const full = restoredD(word, isKnownWord);
    if (full !== undefined) return full;
    // Spelt as it sounds in Spanish (b/v, c/k/qu, s/z/c, a dropped h): right at any length, where
    // an edit distance is too loose for short words.
    const sound = lang === 'es' ? BY_SOUND.get(soundKey(word)) : undefined;
    if (sound !== undefined) return sound;
    const allowed = tolerance(word.length);
    // A real word is no typo of the keyword it resembles: "cuentame" is not "cuenta" (a customer).
    if (isSpanishVerbForm(word)) return word;
    const slip =
      word.length >= 4 ? (swappedBack(word) ?? (allowed === 0 ? droppedBack(word) : undefined)) : undefined;
    if (slip !== undefined) return slip;
    if (allowed === 0) return word;
    const near = nearLength(word.length, allowed);
    if (near.length === 0) return word;
    return nearest(word, near, allowed) ?? word;
  });
}

const IN_LEXICON = new Set(LEXICON);

/**
 * The one lexicon word `word` is with two neighbouring letters swapped back ("vetnas" → "ventas",
 * "mroe" → "more"): the commonest slip of the thumb, which an edit distance counts as two edits
 * and so never corrected in a short word. Nothing when no swap, or more than one, gives a word.
 */
function swappedBack(word: string): string | undefined {
  const found = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const swapped = word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
    if (IN_LEXICON.has(swapped)) found.add(swapped);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The one lexicon word of one letter more that `word` (five letters, where no other edit is
 * allowed) is with that letter left out ("pasda" → "pasada", "cuado" → "cuando"). Adding a letter
 * back never turns one known word into another, as changing one would ("mayor" into "mayo"); in
 * four letters it would ("bran", "band" are no "brand").
 */
function droppedBack(word: string): string | undefined {
  if (word.length !== 5) return undefined;
  const found = (BY_LENGTH.get(word.length + 1) ?? []).filter((candidate) => {
    for (let i = 0; i < candidate.length; i++)
      if (candidate.slice(0, i) + candidate.slice(i + 1) === word) return true;
    return false;
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The word of `near` fewest edits from `word` (at most `allowed`); of several as near, the one the
 * likeliest slip came from ("mising": "missing", a doubled letter typed once, not "rising").
 */
function nearest(word: string, near: readonly string[], allowed: number): string | undefined {
  let fewest = allowed + 1;
  let ties: string[] = [];
  for (const candidate of near) {
    const edits = distance(word, candidate);
    if (edits > allowed) continue;
    if (edits < fewest) {
      fewest = edits;
      ties = [candidate];
    } else if (edits === fewest) ties.push(candidate);
  }
  return likeliestMeant(word, ties);
}
