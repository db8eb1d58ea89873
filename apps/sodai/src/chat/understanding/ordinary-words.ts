/**
 * Real words of everyday Spanish and English that sit one or two letters from a keyword and are no
 * typo of it: "marcha" (how things go) and "marcar" (to dial) are not "marca"; "marcadas" (marked)
 * not "marcas"; "branding" is not "ranking"; "marche" is not the month "march"; "havent" (typed
 * without its apostrophe) is not "haven", which hid a "haven't ordered". The speller leaves
 * them as written; "hago" (I do: "¿y qué hago?") is not the English "ago". Drinks ("brandy", "whisky") are product kinds (`product-kind-words.ts`), known
 * words already. These are no correction targets themselves: a typo near one stays what the keyword
 * rules make of it.
 */
export const ORDINARY_WORDS: readonly string[] = `
marcha marchas marchar marchando marcar marcamos marcaron marcado marcados marcada marcadas marcador
marcadores comarca comarcas marche marched marching marked marking branded branding
havent hasnt didnt doesnt dont isnt wasnt arent werent
hago haces hacemos hacen
`
  .split(/\s+/)
  .filter(Boolean);
