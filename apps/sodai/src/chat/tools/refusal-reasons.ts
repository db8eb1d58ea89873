import type { Lang } from '../../contract/api.ts';
import { say } from '../format.ts';

/**
 * The ingest writes a refusal in English for the log, with the file's full path and each missing
 * column's whole description ("/…/week.csv: batch rejected: missing column "order_id" (the order
 * the line belongs to; …; expected an integer); …"). Said in a chat that is noise: these patterns
 * pick out what went wrong, so it can be said shortly and in the question's language.
 */
const MISSING = /missing column "([^"]+)"/g;
const WRONG_TYPE = /column "([^"]+)" has type ([^,;]+), expected ([^;]+)/g;
const KNOWN: readonly (readonly [RegExp, string, string])[] = [
  [/the file has no rows/, 'el archivo no tiene filas', 'the file has no rows'],
  [/cannot be read/, 'el archivo no se puede leer', 'the file cannot be read'],
  [/every row was quarantined/, 'todas sus filas quedaron en cuarentena', 'every row was quarantined'],
  [
    /must not meet dates already ingested/,
    'sus fechas se cruzan con datos ya cargados',
    'its dates overlap data already loaded',
  ],
];

/** "a, b y c" / "a, b and c". */
function listed(items: readonly string[], lang: Lang): string {
  if (items.length < 2) return items.join('');
  const and = say(lang, items.at(-1)!.startsWith('i') ? ' e ' : ' y ', ' and ');
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1)!}`;
}

/**
 * Why a file was refused, in short words of the question's language; the ingest's own message
 * (after "batch rejected:") when it says nothing these patterns know.
 *
 * @example
 * refusalReasons('/x/w.csv: batch rejected: missing column "items" (quantity; …)', 'es'); // ['falta la columna items']
 */
export function refusalReasons(message: string, lang: Lang): readonly string[] {
  const reasons: string[] = [];
  const missing = [...message.matchAll(MISSING)].map((m) => m[1]!);
  if (missing.length === 1)
    reasons.push(say(lang, `falta la columna ${missing[0]}`, `column ${missing[0]} is missing`));
  if (missing.length > 1)
    reasons.push(
      say(
        lang,
        `faltan las columnas ${listed(missing, lang)}`,
        `columns ${listed(missing, lang)} are missing`,
      ),
    );
  for (const [, column, type, expected] of message.matchAll(WRONG_TYPE))
    reasons.push(
      say(
        lang,
        `la columna ${column} no es del tipo esperado (es ${type})`,
        `column ${column} has type ${type}, expected ${expected}`,
      ),
    );
  for (const [pattern, es, en] of KNOWN) if (pattern.test(message)) reasons.push(say(lang, es, en));
  if (reasons.length > 0) return reasons;
  const own = message
    .split(/batch rejected:\s*/)
    .at(-1)
    ?.trim();
  return own ? [own] : [];
}

/**
 * What to do about this refusal first: the columns to add or whose type to correct, named, when the
 * message says which; then the runbook's general step.
 *
 * @example
 * refusalRemedyFor('…: batch rejected: missing column "items" (…)', 'en'); // 'Add column items to the file … Upload the corrected file …'
 */
export function refusalRemedyFor(message: string | null, lang: Lang): string {
  const missing = message ? [...message.matchAll(MISSING)].map((m) => m[1]!) : [];
  const mistyped = message ? [...message.matchAll(WRONG_TYPE)].map((m) => m[1]!) : [];
  const steps: string[] = [];
  if (missing.length > 0)
    steps.push(
      say(
        lang,
        `Agregue al archivo ${missing.length === 1 ? 'la columna' : 'las columnas'} ${listed(missing, lang)}, con ${missing.length === 1 ? 'ese nombre' : 'esos nombres'}.`,
        `Add ${missing.length === 1 ? 'column' : 'columns'} ${listed(missing, lang)} to the file, under ${missing.length === 1 ? 'that name' : 'those names'}.`,
      ),
    );
  if (mistyped.length > 0)
    steps.push(
      say(
        lang,
        `Corrija el tipo de ${mistyped.length === 1 ? 'la columna' : 'las columnas'} ${listed(mistyped, lang)}.`,
        `Correct the type of ${mistyped.length === 1 ? 'column' : 'columns'} ${listed(mistyped, lang)}.`,
      ),
    );
  return [...steps, refusalRemedy(lang)].join(' ');
}

/** What to do about a refused file, as the alert's runbook says it. */
export function refusalRemedy(lang: Lang): string {
  return say(
    lang,
    'Suba el archivo corregido con el mismo nombre (lo reemplaza) o quítelo de la entrada, en la página Subir lote; allí está también su informe de validación, que dice qué está mal.',
    'Upload the corrected file under the same name (replacing it) or remove it from the landing, on the Upload batch page; its validation report, which says what is wrong, is there too.',
  );
}
