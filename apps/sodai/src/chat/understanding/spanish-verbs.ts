/**
 * The forms of the Spanish verbs people ask an assistant with ("cuéntame", "¿quieres decirme…?",
 * "mostrame", "necesitamos"), so the speller knows them for words and leaves them alone: one edit
 * away from a keyword is no typo when the word is a verb ("cuentame" is not "cuenta", a customer;
 * "quieres" is not "quienes").
 *
 * Regular forms are generated from the infinitive, with the stressed stem of a stem-changing verb
 * ("contar" → "cuent-": cuento, cuenta, cuente) and the spelling changes before e (busc-ar →
 * busque); irregular forms are listed. Imperatives, infinitives and gerunds also take the pronouns
 * after them (cuénta-me, decir-nos, mostrándo-selo). Normalized spelling: no accents.
 */

/** An infinitive, and for a stem-changing verb its stem where stressed. */
type Verb = readonly [infinitive: string, stressedStem?: string];

const VERBS: readonly Verb[] = [
  // Asking and being told.
  ['contar', 'cuent'],
  ['mostrar', 'muestr'],
  ['decir'],
  ['explicar'],
  ['ensenar'],
  ['dar'],
  ['pasar'],
  ['mandar'],
  ['enviar'],
  ['ayudar'],
  ['buscar'],
  ['mirar'],
  ['revisar'],
  ['consultar'],
  ['chequear'],
  ['indicar'],
  ['informar'],
  ['avisar'],
  ['recordar', 'recuerd'],
  ['hablar'],
  ['platicar'],
  ['preguntar'],
  ['responder'],
  ['contestar'],
  ['calcular'],
  ['comparar'],
  ['listar'],
  ['ordenar'],
  ['filtrar'],
  ['detallar'],
  ['resumir'],
  ['analizar'],
  ['averiguar'],
  ['sacar'],
  ['traer'],
  ['poner'],
  ['dejar'],
  ['ver'],
  // Wanting, needing, knowing.
  ['querer', 'quier'],
  ['poder', 'pued'],
  ['necesitar'],
  ['tener', 'tien'],
  ['saber'],
  ['conocer'],
  ['creer'],
  ['pensar', 'piens'],
  ['entender', 'entiend'],
  ['gustar'],
  ['interesar'],
  ['importar'],
  ['hacer'],
  ['estar'],
  // The trade.
  ['vender'],
  ['comprar'],
  ['pedir', 'pid'],
  ['llevar'],
  ['ofrecer'],
  ['recomendar', 'recomiend'],
  ['sugerir', 'sugier'],
];

/** Forms the rules below do not make. */
const IRREGULAR = `
digo dices dice dicen di diga digas digan dije dijo dijiste dijimos dijeron diciendo dicho dime
quise quiso quisiera quisieras quisieramos quisieran querria querrias querriamos
pude pudo pudiste pudimos pudieron podria podrias podriamos podrian pudiendo
tengo tuve tuvo tuvimos tuvieron ten tenga tengas tengamos tengan tendria tendrias tendriamos
hago hice hizo hicimos hicieron haz haga hagas hagamos hagan hecho haria harias hariamos
se sepa sepas sepamos sepan supe supo supimos supieron sabria sabrias
veo vi vio vimos vieron visto vea veas veamos vean viendo
doy di dio dimos dieron de des demos den
estoy estas esta estamos estan estuve estuvo estuvimos estuvieron este esten
traigo traje trajo trajimos trajeron traiga traigan trayendo
pongo puse puso pusimos pusieron pon ponga pongas pongamos pongan
conozco conozca conozcan ofrezco ofrezca ofrezcan
pidiendo pidio pidieron pidamos sugiriendo sugirio sugirieron sugiramos
`
  .split(/\s+/)
  .filter(Boolean);

/** Irregular forms that take pronouns after them: imperatives and gerunds ("dime", "haznos"). */
const IRREGULAR_ATTACHABLE = `
di diga digan diciendo ten tenga tengan haz haga hagan pon ponga pongan vea vean viendo
de den trayendo traiga traigan pidiendo sugiriendo pudiendo
`
  .split(/\s+/)
  .filter(Boolean);

interface Endings {
  /** After the stressed stem ("cuent-o"). */
  readonly stressed: readonly string[];
  /** After the infinitive's stem ("cont-amos"). */
  readonly unstressed: readonly string[];
  /** The forms of these that take pronouns after them: imperatives, infinitive, gerund. */
  readonly attachStressed: readonly string[];
  readonly attachUnstressed: readonly string[];
}

const AR: Endings = {
  stressed: ['o', 'as', 'a', 'an', 'e', 'es', 'en'],
  unstressed: [
    ...['ar', 'ando', 'ado', 'ada', 'ados', 'adas', 'amos', 'ais', 'emos', 'eis'],
    ...['e', 'aste', 'o', 'asteis', 'aron', 'aba', 'abas', 'abamos', 'aban'],
    ...['are', 'aras', 'ara', 'aremos', 'aran', 'aria', 'arias', 'ariamos', 'arian'],
    // The imperative of "vos": contá, mostrá.
    'a',
  ],
  attachStressed: ['a', 'e', 'en'],
  attachUnstressed: ['ar', 'ando', 'a', 'emos'],
};

const ER: Endings = {
  stressed: ['o', 'es', 'e', 'en', 'a', 'as', 'an'],
  unstressed: [
    ...['er', 'iendo', 'ido', 'ida', 'idos', 'idas', 'emos', 'eis', 'amos', 'ais'],
    ...['i', 'iste', 'io', 'imos', 'isteis', 'ieron', 'ia', 'ias', 'iamos', 'ian'],
    ...['ere', 'eras', 'era', 'eremos', 'eran', 'eria', 'erias', 'eriamos', 'erian'],
    'e',
  ],
  attachStressed: ['e', 'a', 'an'],
  attachUnstressed: ['er', 'iendo', 'e', 'amos'],
};

const IR: Endings = {
  stressed: ER.stressed,
  unstressed: [
    ...['ir', 'iendo', 'ido', 'ida', 'idos', 'idas', 'imos', 'is', 'amos', 'ais'],
    ...['i', 'iste', 'io', 'isteis', 'ieron', 'ia', 'ias', 'iamos', 'ian'],
    ...['ire', 'iras', 'ira', 'iremos', 'iran', 'iria', 'irias', 'iriamos', 'irian'],
  ],
  attachStressed: ER.attachStressed,
  attachUnstressed: ['ir', 'iendo', 'i', 'amos'],
};

/** A stem and an ending joined as written: "busc" + "e" is "busque", "averigu" + "e" "averigue". */
function join(stem: string, ending: string, isAr: boolean): string {
  if (!isAr || !ending.startsWith('e')) return stem + ending;
  if (stem.endsWith('c')) return `${stem.slice(0, -1)}qu${ending}`;
  if (stem.endsWith('g')) return `${stem}u${ending}`;
  if (stem.endsWith('z')) return `${stem.slice(0, -1)}c${ending}`;
  return stem + ending;
}

const FORMS = new Set<string>(IRREGULAR);
const ATTACHABLE = new Set<string>(IRREGULAR_ATTACHABLE);
for (const [infinitive, stressedStem] of VERBS) {
  const stem = infinitive.slice(0, -2);
  const kind = infinitive.slice(-2);
  const endings = kind === 'ar' ? AR : kind === 'er' ? ER : IR;
  const isAr = kind === 'ar';
  const strong = stressedStem ?? stem;
  for (const e of endings.stressed) FORMS.add(join(strong, e, isAr));
  for (const e of endings.unstressed) FORMS.add(join(stem, e, isAr));
  for (const e of endings.attachStressed) ATTACHABLE.add(join(strong, e, isAr));
  for (const e of endings.attachUnstressed) ATTACHABLE.add(join(stem, e, isAr));
}

/** Pronouns written after a verb, longest first: "se" + "lo" before "lo". */
const ENCLITICS = ['me', 'te', 'se', 'nos']
  .flatMap((first) => ['lo', 'la', 'los', 'las'].map((second) => first + second))
  .concat(['nos', 'les', 'los', 'las', 'me', 'te', 'le', 'lo', 'la', 'se']);

/**
 * Whether a normalized word is a form of one of the verbs people ask with, pronouns after it
 * included.
 *
 * @example
 * isSpanishVerbForm('cuentame'); // true
 * isSpanishVerbForm('quieres'); // true
 * isSpanishVerbForm('clientse'); // false
 */
export function isSpanishVerbForm(word: string): boolean {
  if (FORMS.has(word)) return true;
  return ENCLITICS.some(
    (p) => word.length > p.length + 1 && word.endsWith(p) && ATTACHABLE.has(word.slice(0, -p.length)),
  );
}
