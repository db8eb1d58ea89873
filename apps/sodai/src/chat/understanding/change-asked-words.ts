/**
 * A change said as done ("creció", "han caído", "grew", "did … fall"), which asks how a period ended
 * against the one before; "está creciendo", "is growing" ask for the direction of the weeks instead.
 * "Bajó" only before a time or at the end: "bajo consumo" is no change.
 */
const ROSE =
  /\b(?:crecio|crecieron|(?:ha|han|habia|habian) crecido|subio|subieron|(?:ha|han) subido|aumento|aumentaron|(?:ha|han) aumentado|repunto|repuntaron|grew|rose|increased|went up|(?:did|has|have)\b.{1,40}\b(?:grow|grown|rise|risen|increase|increased|go up|gone up))\b/;

const FELL =
  /\b(?:cayo|cayeron|(?:ha|han) caido|bajo(?= (?:este|esta|el|la|en|durante|respecto|frente|vs|contra|comparado)\b|$)|bajaron|(?:ha|han) bajado|disminuyo|disminuyeron|(?:ha|han) disminuido|decrecio|decrecieron|fell|dropped|declined|decreased|went down|(?:did|has|have)\b.{1,40}\b(?:fall|fallen|drop|dropped|decline|declined|decrease|decreased|go down|gone down))\b/;

/** "¿Cuánto creció …?", "which brands grew?": the size of the change or the items, not yes or no. */
const NOT_YES_OR_NO =
  /\b(?:cuanto|cuanta|cuantos|cuantas|how much|how many|en cuanto|que|cual|cuales|which|what|quien\w*|who|por que|why)\b/;

/**
 * The direction a question asks about when it names a change as done, whether or not it is a yes or
 * no question (normalized text).
 *
 * @example
 * completedChange('la marca 24 crecio este mes'); // 'up'
 * completedChange('la marca 24 esta creciendo'); // undefined
 */
export function completedChange(text: string): 'up' | 'down' | undefined {
  const rose = ROSE.exec(text)?.index ?? -1;
  const fell = FELL.exec(text)?.index ?? -1;
  if (rose < 0 && fell < 0) return undefined;
  // "¿Subió o bajó?": the first said is the one the yes answers.
  if (fell < 0 || (rose >= 0 && rose < fell)) return 'up';
  return 'down';
}

/**
 * "¿La marca 24 creció este mes?", "did sales fall in May?": a yes or no on the change of a period's
 * total, and the direction the yes stands for.
 *
 * @example
 * changeAsked('la marca 24 crecio este mes'); // 'up'
 * changeAsked('cuanto crecio la marca 24 este mes'); // undefined
 */
export function changeAsked(text: string): 'up' | 'down' | undefined {
  return NOT_YES_OR_NO.test(text) ? undefined : completedChange(text);
}
