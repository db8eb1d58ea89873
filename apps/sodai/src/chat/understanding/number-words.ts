/** Spelled-out counts from one to twenty, in Spanish and English ("3 productos" / "tres productos"). */
export const ONE_TO_TWENTY: Readonly<Record<string, number>> = Object.freeze({
  uno: 1,
  un: 1,
  una: 1,
  one: 1,
  dos: 2,
  two: 2,
  tres: 3,
  three: 3,
  cuatro: 4,
  four: 4,
  cinco: 5,
  five: 5,
  seis: 6,
  six: 6,
  siete: 7,
  seven: 7,
  ocho: 8,
  eight: 8,
  nueve: 9,
  nine: 9,
  diez: 10,
  ten: 10,
  once: 11,
  eleven: 11,
  doce: 12,
  twelve: 12,
  trece: 13,
  thirteen: 13,
  catorce: 14,
  fourteen: 14,
  quince: 15,
  fifteen: 15,
  dieciseis: 16,
  sixteen: 16,
  diecisiete: 17,
  seventeen: 17,
  dieciocho: 18,
  eighteen: 18,
  diecinueve: 19,
  nineteen: 19,
  veinte: 20,
  twenty: 20,
});

const UNITS = Object.fromEntries(Object.entries(ONE_TO_TWENTY).filter(([, n]) => n < 10));

/** Tens from twenty: "treinta y dos", "forty-two". */
const TENS: Readonly<Record<string, number>> = {
  veinte: 20,
  twenty: 20,
  treinta: 30,
  thirty: 30,
  cuarenta: 40,
  forty: 40,
  cincuenta: 50,
  fifty: 50,
  sesenta: 60,
  sixty: 60,
  setenta: 70,
  seventy: 70,
  ochenta: 80,
  eighty: 80,
  noventa: 90,
  ninety: 90,
};

/** Spanish hundreds are words of their own ("doscientos"); English multiplies ("two hundred"). */
const HUNDREDS: Readonly<Record<string, number>> = {
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};

/** "veintiuno" … "veintinueve" are written as one word (accents are gone after normalizing). */
function veinti(word: string): number | undefined {
  if (!word.startsWith('veinti')) return undefined;
  const rest = word.slice('veinti'.length);
  const unit = rest === 'un' ? 1 : UNITS[rest];
  return unit === undefined ? undefined : 20 + unit;
}

/** The value of one number word below a hundred, or undefined. */
function smallValue(word: string): number | undefined {
  return ONE_TO_TWENTY[word] ?? TENS[word] ?? veinti(word);
}

/** Every word {@link readNumber} reads, so the speller never "corrects" one into a keyword. */
export const NUMBER_VOCABULARY: readonly string[] = [
  ...Object.keys(ONE_TO_TWENTY),
  ...Object.keys(TENS),
  ...Object.keys(HUNDREDS),
  ...Object.keys(UNITS).map((u) => `veinti${u}`),
  'hundred',
  'thousand',
  'mil',
];

/** A number written in words: its value and how many words it took. */
export interface SpelledNumber {
  readonly value: number;
  readonly length: number;
}

/**
 * The number written in words from `words[at]` on, in Spanish or English, up to the hundreds of
 * thousands ("quince", "veintidos", "treinta y dos", "twenty-one", "cien mil uno", "one hundred
 * thousand and one"); undefined when `words[at]` starts none. "y" / "and" join parts only inside a
 * number, so "dos y tres" reads as 2, not 5.
 *
 * @example
 * readNumber(['los', 'diez', 'mejores'], 1); // { value: 10, length: 1 }
 * readNumber(['cliente', 'cien', 'mil', 'uno'], 1); // { value: 100001, length: 3 }
 */
export function readNumber(words: readonly string[], at: number): SpelledNumber | undefined {
  let total = 0;
  let current = 0;
  let used = 0;
  /** What the last word was, so each can only follow what may precede it. */
  let last: 'none' | 'unit' | 'tens' | 'hundred' | 'thousand' | 'joiner' = 'none';
  for (let i = at; i < words.length; i++) {
    const parts = words[i]!.split('-');
    let consumed = true;
    for (const word of parts) {
      const small = smallValue(word);
      if (small !== undefined && last !== 'unit' && !(last === 'tens' && small >= 10)) {
        current += small;
        last = TENS[word] !== undefined ? 'tens' : 'unit';
      } else if (HUNDREDS[word] !== undefined && (last === 'none' || last === 'thousand')) {
        current += HUNDREDS[word];
        last = 'hundred';
      } else if (word === 'hundred' && (last === 'unit' || last === 'tens') && current < 10) {
        current *= 100;
        last = 'hundred';
      } else if ((word === 'mil' || word === 'thousand') && last !== 'thousand' && last !== 'joiner') {
        total += (current || 1) * 1000;
        current = 0;
        last = 'thousand';
      } else if (
        (word === 'y' || word === 'and') &&
        parts.length === 1 &&
        last !== 'none' &&
        last !== 'unit' &&
        last !== 'joiner' &&
        smallValue(words[i + 1] ?? '') !== undefined
      ) {
        last = 'joiner';
      } else {
        consumed = false;
        break;
      }
    }
    if (!consumed) break;
    used = i - at + 1;
  }
  if (used === 0) return undefined;
  return { value: total + current, length: used };
}
