/**
 * A yes/no question on whether one named customer or product is the top one: "¿el 100026 es el
 * mejor cliente?", "is product 20012 our best seller?", "¿el 176403 está entre los 10 mejores
 * clientes?", "was 20012 the top product last week?". Over normalized, spell-corrected text, where
 * the id is still written.
 */
const ID =
  '(?:(?:el |la |the )?(?:cliente |producto |customer |product |client |item |sku )?(?:n |no |nro |numero |number |id |# )?\\d+)';

/** The id is the subject: "¿es el 1002 …?", "is 1002 …", "el 1002 es / fue / está entre …". */
const SUBJECT = new RegExp(
  `^(?:y |and |entonces |so )?(?:(?:es|is|was|fue|era|sera|sigue siendo|esta|isn t|no es) ${ID}|${ID} (?:es|is|was|fue|era|sigue siendo|still|esta|is still|isn t|no es)\\b)`,
);

/** The top one, or among the top N: best, biggest, number one, best seller, the one who buys most. */
const TOP = new RegExp(
  '\\b(?:mejor(?:es)?|best|top|estrellas?|star|mayor(?:es)?|biggest|largest|number one|numero uno|n 1|primero|first|lider|leader|mas vendid[oa]s?|best ?sell\\w*|most sold|(?:el |la |lo |the one )?(?:que|who|that) (?:mas|most) (?:compra|pide|vende|se vende|sale|buys|orders|sells)|(?:buys|orders|sells) (?:the )?most|(?:mas|most) (?:compra|pide|vende|se vende|sale))\\b',
);

/** "¿El 20012 es mejor que el 20055?" compares two: no ranking question. */
const BETTER_THAN = /\b(?:mejor|mayor|peor|menor) que\b|\b(?:better|bigger|worse|smaller|larger) than\b/;

/**
 * Whether a question asks if one named customer or product is the top one (or among the top N).
 *
 * @example
 * asksIfTop('el 100026 es el mejor cliente'); // true
 * asksIfTop('cual es el mejor producto para el 100026'); // false
 */
export function asksIfTop(text: string): boolean {
  return SUBJECT.test(text) && TOP.test(text) && !BETTER_THAN.test(text);
}
