import type { ChatAttribute, ChatEntities, Lang } from '../../contract/api.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { extractEntities } from './entities.ts';

/** A catalogue or customer value a question leaves out ("pero no botellas", "except brand 13"). */
export interface ExcludedKind {
  readonly entity: ExcludableEntity;
  readonly value: string;
  /** The marker and the value, in the normalized text: what the question reads without. */
  readonly start: number;
  readonly end: number;
}

/** The attributes a value may be left out of: each is also the entity that names its value. */
export type ExcludableEntity = Exclude<ChatAttribute, 'size'>;
const EXCLUDABLE: readonly ExcludableEntity[] = [
  'brand',
  'package',
  'sub_category',
  'category',
  'segment',
  'customer_type',
];

/**
 * What leaves the next value out: "pero no (de)", "y no", "sin (contar)", "excepto", "salvo",
 * "fuera de", "but not", "and not", "without", "except (for)", "excluding", "other than", "not
 * counting". Articles after it are part of the value's phrase.
 */
const LEAVES_OUT =
  /\b(?:pero no(?: de)?|y no(?: de)?|sin contar|sin|excepto|exceptuando|excluyendo|salvo|fuera de|but not|and not|without|except(?: for)?|excluding|other than|not counting|aside from|apart from)\b/g;

/**
 * The first value a question leaves out: a marker followed, within four words, by a brand, a kind
 * of product or a type of customer. A marker that is part of the value's name ("sin gas" is the
 * still drinks) leaves nothing out.
 *
 * @example
 * excludedKind('ventas de latas pero no de botellas en diciembre', vocab, 'es');
 * // { entity: 'package', value: 'BOTELLA', start: 16, end: 35 }
 */
export function excludedKind(text: string, vocab: Vocabulary, lang: Lang): ExcludedKind | undefined {
  for (const m of text.matchAll(LEAVES_OUT)) {
    const from = m.index + m[0].length;
    const words = [...text.slice(from).matchAll(/\S+/g)].slice(0, 4);
    for (let k = 1; k <= words.length; k++) {
      const last = words[k - 1]!;
      const end = from + last.index + last[0].length;
      const named = valueIn(extractEntities(text.slice(from, end), vocab, lang).entities);
      if (!named) continue;
      const whole = extractEntities(text.slice(m.index, end), vocab, lang).entities[named.entity];
      if (whole !== undefined && whole !== named.value) break;
      return { ...named, start: m.index, end };
    }
  }
  return undefined;
}

function valueIn(e: ChatEntities): { entity: ExcludableEntity; value: string } | undefined {
  const entity = EXCLUDABLE.find((k) => e[k] !== undefined);
  return entity ? { entity, value: String(e[entity]) } : undefined;
}

/**
 * The question without the value it leaves out: "ventas de latas pero no de botellas en diciembre"
 * reads "ventas de latas en diciembre", whose cans leave bottles out already.
 */
export function withoutExcluded(text: string, excluded: ExcludedKind): string {
  return `${text.slice(0, excluded.start)} ${text.slice(excluded.end)}`.replace(/\s+/g, ' ').trim();
}
