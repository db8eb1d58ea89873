import type { Lang } from '../../contract/api.ts';
import { normalize, tokens } from './normalize.ts';
import { shorthandLang } from './shorthand.ts';

// Words frequent in questions to a sales assistant and typical of one language only.
const SPANISH = new Set(
  (
    'que cual cuales cuanto cuantos cuanta cuantas como donde cuando quien quienes por porque para ' +
    'el la los las del al un una unos unas y o de en con sin hay es son fue ha han le les lo me mi mis ' +
    'cliente clientes producto productos compro compra compras comprado vendio vendieron ventas mas ' +
    'semana semanas mes meses pasada pasado ultimo ultima ultimos este esta esto dime muestrame ' +
    'recomiendas recomienda ofrezco ofrecer deberia modelo entrenado marca tipo dejaron dejo ' +
    'tiene suele cada cuanto proxima siguiente corrida ejecucion lote filas ' +
    'gracias muchas perfecto vale genial bueno listo dale chao adios ' +
    'hola buenos buenas buen dia dias tardes noches saludos estas tal ' +
    'venden vende mueven menos promedio tamano pedido pedidos porcentaje proporcion favorita favorito ' +
    'alertas alerta algo saber resumen algun alguna mejor mejores vendido vendidos categoria segmento ' +
    'envase tendencia bebida jugo agua cerveza gaseosa refresco energetica lata botella ' +
    // Terse questions and brands named "Brand 7": a few more words of each language, so "quiénes
    // compran Brand 7 pero nunca Brand 9" is not English by its brand names.
    'pero nunca tambien compran compraron unidades mensual mensuales vendimos vamos andamos nos ' +
    // Periods said alone: "primer trimestre vs segundo", "first quarter vs second quarter".
    'ano anos anual trimestre trimestres semestre primer primero segundo tercer tercero cuarto hoy ayer ' +
    'compara comparar comparado frente contra'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'what which how many much who when where why is are was were the a an of to for in on with ' +
    'and or did does do has have customer customers product products bought buy buys sold sales ' +
    'most last week weeks month months this that show me tell recommend offer should model trained ' +
    'brand type stopped usually often next run batch rows drift best my our ' +
    'thanks thank you please great perfect awesome bye goodbye ' +
    'hello hi hey there morning afternoon evening greetings going ' +
    'slow movers selling sells least worst dead average order orders size percent share favorite favourite ' +
    'any anything alerts alert wrong warnings issues everything summary weekly digest recap happened ' +
    'drink energy juice water beer soda can bottle ' +
    'by per units unit monthly each every category categories package packages but never also ' +
    'year years yearly quarter quarters half first second third fourth today yesterday ' +
    'compare compared versus against'
  ).split(' '),
);

/**
 * A word as the lists hold it: itself when listed, else its singular when that is ("marcas",
 * "brands", "tipos"), so a short question of plurals ("top marcas 2024") still says its language.
 * ("Top", "ranking", "total" are said in both languages and are in neither list.)
 */
function listedForm(word: string): string {
  if (SPANISH.has(word) || ENGLISH.has(word) || !word.endsWith('s')) return word;
  const singular = word.slice(0, -1);
  return SPANISH.has(singular) || ENGLISH.has(singular) ? singular : word;
}

/**
 * The language a question is written in, or undefined when it says nothing (a bare id).
 * Counts the words typical of each language; an opening "¿" or "¡" is Spanish.
 *
 * @example
 * detectLang('How many customers are there?'); // 'en'
 * detectLang('¿Cuántos clientes hay?'); // 'es'
 */
export function detectLang(message: string): Lang | undefined {
  if (/[¿¡ñ]/.test(message)) return 'es';
  let es = 0;
  let en = 0;
  for (const token of tokens(normalize(message))) {
    const word = listedForm(token);
    if (SPANISH.has(word) || shorthandLang(word) === 'es') es++;
    if (ENGLISH.has(word) || shorthandLang(word) === 'en') en++;
  }
  if (es === 0 && en === 0) return undefined;
  return en > es ? 'en' : 'es';
}
