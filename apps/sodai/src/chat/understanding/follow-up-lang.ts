import type { Lang } from '../../contract/api.ts';
import { detectLang } from './detect-lang.ts';
import { normalize, tokens } from './normalize.ts';

/**
 * Words a short follow-up says the same way whichever language the conversation is in ("more",
 * "más", "next", "ok", "y?"): a message of these alone (and numbers) is no switch of language.
 */
const EITHER_LANGUAGE = new Set(
  (
    'more mas next siguiente siguientes ok okay k y and e please pls plz porfa ' +
    'sigue continue continua otros otras others'
  ).split(' '),
);

/**
 * The language to answer a message in within a conversation: the previous turn's when the message
 * says nothing of its own ("more", "más", "next", "25734", "y?"), else the one its words are in
 * (undefined when neither says, left to the request's fallback).
 *
 * @example
 * turnLang('more', 'en'); // 'en'
 * turnLang('más', 'en'); // 'en'
 * turnLang('¿y en noviembre?', 'en'); // 'es'
 */
export function turnLang(message: string, previous: Lang | undefined): Lang | undefined {
  if (previous === undefined) return detectLang(message);
  const words = tokens(normalize(message)).filter((w) => !/^\d+$/.test(w));
  if (words.every((w) => EITHER_LANGUAGE.has(w))) return previous;
  return detectLang(message) ?? previous;
}
