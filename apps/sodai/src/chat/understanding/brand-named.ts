import type { Vocabulary } from '../vocabulary.ts';
import { slipOfBrandWord } from './brand-typo.ts';

/** Where a brand is named in a text, and how many characters its mention takes. */
export interface BrandMention {
  /** The brand as stored ("Brand 7"). */
  readonly brand: string;
  readonly at: number;
  readonly length: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each brand's pattern, longest names first, compiled once per vocabulary's brand map (it is read-only). */
const PATTERNS = new WeakMap<ReadonlyMap<string, string>, readonly (readonly [RegExp, string])[]>();

function brandPatterns(brands: ReadonlyMap<string, string>): readonly (readonly [RegExp, string])[] {
  let patterns = PATTERNS.get(brands);
  if (!patterns) {
    patterns = [...brands]
      .sort((a, b) => b[0].length - a[0].length)
      .map(
        ([name, brand]) =>
          [
            new RegExp(`(?:^|\\s)(?:(?:la\\s+)?marca\\s+|brand\\s+)?${escape(name)}(?=\\s|$)`),
            brand,
          ] as const,
      );
    PATTERNS.set(brands, patterns);
  }
  return patterns;
}

/**
 * The first brand a normalized text names, the one way every question reads a brand: its name
 * written whole ("brand 7", "coca cola", after "la marca"/"brand" or not, longest names first so one
 * inside another is not taken), else "marca 7" / "brand 7" for a brand named "<word> 7".
 *
 * @example
 * brandNamed('ventas de la marca 7', vocab); // { brand: 'Brand 7', at: 9, length: 12 }
 */
export function brandNamed(text: string, vocab: Vocabulary): BrandMention | undefined {
  for (const [pattern, brand] of brandPatterns(vocab.brands)) {
    const m = pattern.exec(text);
    if (m) return { brand, at: m.index, length: m[0].length };
  }
  const m = /(?:^|\s)(?:marca|brand)\s+([a-z0-9]+)(?=\s|$)/.exec(text);
  const hit = m ? brandCalled(m[1]!, vocab) : undefined;
  if (m && hit) return { brand: hit, at: m.index, length: m[0].length };
  return brandWithASlip(text, vocab);
}

/** The brand named `word` or "<word> <word>" ("7" is "Brand 7"), if one is. */
export function brandCalled(word: string, vocab: Vocabulary): string | undefined {
  const suffix = ` ${word}`;
  return [...vocab.brands].find(([name]) => name === word || name.endsWith(suffix))?.[1];
}

/**
 * A brand written with one slip of the thumb in a word ("brnad 7", "marac 7", "coca cloa"): in
 * "marca"/"brand" before a brand's number or last word, or in one word of a brand's name of two
 * words or more, the other words as they are. A brand of one word is never guessed at: alone, one
 * word a letter away from it is too often a word of its own ("andas" beside a brand "Andes").
 */
function brandWithASlip(text: string, vocab: Vocabulary): BrandMention | undefined {
  const words = [...text.matchAll(/[a-z0-9]+/g)].map((w) => ({ word: w[0], at: w.index }));
  const mention = (from: number, count: number, brand: string): BrandMention => {
    const last = words[from + count - 1]!;
    return { brand, at: words[from]!.at, length: last.at + last.word.length - words[from]!.at };
  };
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i]!.word;
    if (slipOfBrandWord(w, 'marca') || slipOfBrandWord(w, 'brand')) {
      const brand = brandCalled(words[i + 1]!.word, vocab);
      if (brand) return mention(i, 2, brand);
    }
  }
  for (const [name, brand] of vocab.brands) {
    const parts = name.split(' ');
    if (parts.length < 2) continue;
    for (let i = 0; i + parts.length <= words.length; i++) {
      const written = words.slice(i, i + parts.length).map((w) => w.word);
      const slips = parts.filter((p, k) => p !== written[k]);
      const slipped = parts.findIndex((p, k) => p !== written[k]);
      if (
        slips.length === 1 &&
        slipOfBrandWord(
          written[slipped]!,
          parts[slipped]!,
          // A word written as it is beside the slip ("cola") is evidence; a number ("7") less so.
          parts.some((p, k) => k !== slipped && /[a-z]/.test(p)),
        )
      )
        return mention(i, parts.length, brand);
    }
  }
  return undefined;
}

/**
 * Every brand a text names, in the order it names them, each read as {@link brandNamed} reads one.
 *
 * @example
 * brandsNamed('la marca 1 o la marca 2', vocab); // ['Brand 1', 'Brand 2']
 */
export function brandsNamed(text: string, vocab: Vocabulary): string[] {
  let rest = text;
  const found: { readonly at: number; readonly brand: string }[] = [];
  for (let hit = brandNamed(rest, vocab); hit; hit = brandNamed(rest, vocab)) {
    found.push({ at: hit.at, brand: hit.brand });
    rest = rest.slice(0, hit.at) + ' '.repeat(hit.length) + rest.slice(hit.at + hit.length);
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.brand))];
}
