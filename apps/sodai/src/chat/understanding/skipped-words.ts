/**
 * "What did 1002 skip this week that he normally buys?", "¿qué dejó de pedir el cliente 1002?",
 * "¿qué no pidió esta semana el 1002?": the products a customer usually buys and left out lately,
 * over normalized, spell-corrected text. "¿Qué le falta al 1002?" (present) asks what to sell him.
 */

/** Leaving a product out: skipping, missing, forgetting, not ordering it, stopping. */
const LEFT_OUT =
  /\b(?:skip\w*|miss(?:ed|es)?|forg[eo]t\w*|left out|leave out|dropped|stopped (?:buying|ordering|getting)|(?:didn ?t|did not|hasn ?t|has not|haven ?t|have not)(?: \S+){0,3} (?:buy|order|get|bought|ordered|gotten|got)|no (?:(?:me |nos |le )?(?:pidio|compro|llevo|encargo)|(?:ha|a) (?:pedido|comprado|llevado))|dej(?:o|aron) de (?:pedir|comprar|llevar|encargar)|olvid\w*|le falt(?:o|aron)|falt\w* (?:pedir|en (?:el|su) pedido)|no repiti\w*)\b/;

/**
 * Lacking products, as reps say it: "¿qué productos le faltan al 1002?" (plural: things missing from
 * his order), "¿qué le falta este mes?" or "… en su pedido" (his recent orders), "what is 1002
 * missing?". The bare present "¿qué le falta al 1002?" stays advice (what else to sell him), and
 * missing data ("what data is missing") is no product left out.
 */
const LACKING =
  /\b(?:le faltan|(?:productos?|cosas?|items?|products?) (?:\S+ ){0,2}falt\w*|falt\w* (?:\S+ ){0,4}(?:esta semana|este mes|hoy|ultimamente|lately|por pedir|de pedir|en (?:el|su) pedido)|(?<!\bdata (?:is |are )?)missing(?! data))\b/;

/** What is asked: which products ("qué", "what", "which"), not whether the customer stopped. */
const WHICH = /\b(?:que|what|which|cuales|cual)\b/;

/**
 * Products named: "¿le faltan productos al 1002?", "is 1002 missing any products?" ask whether (so
 * which) products are lacking, with no "which" said.
 */
const PRODUCTS = /\b(?:productos?|cosas|articulos|items|products|skus)\b/;

/**
 * Whether a question about one customer asks which of its usual products it left out lately.
 *
 * @example
 * asksSkipped('que dejo de pedir el cliente 1002'); // true
 * asksSkipped('el 1002 dejo de comprar'); // false: whether it stopped, which its history says
 * asksSkipped('q productos le faltan al 1002'); // true
 * asksSkipped('le faltan productos al 1002'); // true
 * asksSkipped('que le falta al 1002'); // false: what else to sell him (advice)
 */
export function asksSkipped(text: string): boolean {
  if (LACKING.test(text) && PRODUCTS.test(text)) return true;
  return (LEFT_OUT.test(text) || LACKING.test(text)) && WHICH.test(text);
}
