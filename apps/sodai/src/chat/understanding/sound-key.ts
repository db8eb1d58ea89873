/**
 * How a normalized word sounds in Latin-American Spanish, as a key two spellings of one sound
 * share: b and v are one sound, so are c before e/i, s and z (seseo), c before a/o/u, k and qu
 * ("qe" typed for "que"), g before e/i and j, ll and y before a vowel; h is silent and double letters are one.
 * The way people misspell on a phone ("qe le bendo", "kuantos", "asta", "ofreser") keeps the sound.
 * Spanish only: English spelling has no such rules ("all" would sound like "hay").
 *
 * @example
 * soundKey('bendo') === soundKey('vendo'); // true
 * soundKey('qe') === soundKey('que'); // true
 */
export function soundKey(word: string): string {
  return (
    word
      // The silent h of "hay", "hasta", "ahora"; not the h of "ch" (nor of English "th", "sh").
      .replace(/^h|(?<=[aeiou])h(?=[aeiou])/g, '')
      .replace(/qu(?=[ei])/g, 'k')
      .replace(/q/g, 'k')
      .replace(/c(?=[ei])/g, 's')
      .replace(/c/g, 'k')
      .replace(/z/g, 's')
      .replace(/v/g, 'b')
      .replace(/g(?=[ei])/g, 'j')
      .replace(/ll(?=[aeiou])/g, 'y')
      // A final y is a vowel: "hay" and "ai" sound alike.
      .replace(/y$/, 'i')
      .replace(/(.)\1+/g, '$1')
  );
}
