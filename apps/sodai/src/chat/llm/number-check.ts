/**
 * Numbers written in a text, read both ways a reader may mean them ("1.569" is 1569 in Spanish and
 * 1.569 in English), with how many decimals each reading shows.
 */
export interface WrittenNumber {
  readonly text: string;
  readonly readings: readonly { readonly value: number; readonly decimals: number }[];
}

export function numbersIn(text: string): WrittenNumber[] {
  const out: WrittenNumber[] = [];
  for (const m of text.matchAll(/\d[\d.,\u00a0\u202f ]*\d|\d/g)) {
    const raw = m[0]
      .replace(/[\u00a0\u202f ]/g, (s) => (/\d[\u00a0\u202f ]\d{3}(?!\d)/.test(m[0]) ? '' : s))
      .trim();
    for (const part of raw.split(/\s+/)) {
      const readings: { value: number; decimals: number }[] = [];
      const read = (thousands: string, decimal: string) => {
        const groups = part.split(decimal);
        if (groups.length > 2) return;
        const int = groups[0]!;
        if (int.includes(thousands) && !/^\d{1,3}(?:[.,]\d{3})+$/.test(int)) return;
        const value = Number(
          int.split(thousands).join('') + (groups[1] !== undefined ? `.${groups[1]}` : ''),
        );
        if (Number.isFinite(value)) readings.push({ value, decimals: groups[1]?.length ?? 0 });
      };
      read('.', ',');
      read(',', '.');
      if (readings.length) out.push({ text: part, readings });
    }
  }
  return out;
}

/** Every number a tool result holds: in its text, its table cells and (deeply) its data. */
export function groundNumbers(texts: readonly string[], data: unknown): number[] {
  const found: number[] = [];
  for (const t of texts) for (const n of numbersIn(t)) for (const r of n.readings) found.push(r.value);
  const walk = (v: unknown) => {
    if (typeof v === 'number' && Number.isFinite(v)) found.push(v);
    else if (typeof v === 'string')
      for (const n of numbersIn(v)) for (const r of n.readings) found.push(r.value);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return found;
}

const roundTo = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/**
 * The numbers of `answer` that no grounded number supports: a written number is supported when it
 * equals a grounded value (or that value as a percentage) rounded to the decimals written.
 *
 * @example
 * inventedNumbers('Compró 12 veces, el 40 %', [12, 0.4]); // []
 * inventedNumbers('Compró 13 veces', [12]); // ['13']
 */
export function inventedNumbers(answer: string, grounded: readonly number[]): string[] {
  const candidates = grounded.flatMap((g) => [g, g * 100]);
  return numbersIn(answer)
    .filter((n) => !n.readings.some((r) => candidates.some((g) => roundTo(g, r.decimals) === r.value)))
    .map((n) => n.text);
}
