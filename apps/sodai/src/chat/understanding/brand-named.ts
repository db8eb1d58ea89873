import type { Vocabulary } from '../vocabulary.ts';

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
  if (!m) return undefined;
  const suffix = ` ${m[1]}`;
  const hit = [...vocab.brands].find(([name]) => name === m[1] || name.endsWith(suffix));
  return hit ? { brand: hit[1], at: m.index, length: m[0].length } : undefined;
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
