/**
 * How a salesperson asks for more of the last answer's list, as a whole message over normalized,
 * spell-corrected text: "mas porfa", "y otros?", "show more", "next 5", "dame otros 10", "sigue",
 * "what else?". A number in it is how many to show next (read as `count` by the entity pass).
 */
const LEAD = '(?:(?:y|and|ok|vale|bueno|pues|entonces|so|e) )?';
const ASK =
  '(?:(?:muestrame|muestra|mostrame|mostra|ensename|dame|damos|pasame|tirame|manda|mandame|show(?: me)?|give me|send me|tell me|dime|ver|see|quiero(?: ver)?|i want(?: to see)?|list|lista|listame|hay|are there|is there|any|tienes|tenes|tenis|do you have|got|can i see|puedo ver|let me see|y si) )?';
const FEW =
  '(?:(?:\\d+|unos|unas|un par(?: de)?|algunos|algunas|some|a few|a couple(?: of)?|few|(?:the |los |las )?(?:next|siguientes|proximos|proximas)) )?';
const MORE =
  '(?:(?:los|las|the) )?(?:mas|more|otros|otras|others|other ones|otro|otra|siguientes|next ones|next|demas|rest|(?:el )?resto|que mas|what else|algo mas|anything else|any more|anymore|mas opciones|(?:lo )?que (?:siguen|sigue|vienen|viene)|(?:ones|the ones) after|what comes next)';
const AFTER = '(?: (?:mas|more|\\d+))?';
const NOUN =
  '(?: (?:productos|products|clientes|customers|resultados|results|filas|rows|opciones|options|ones|items|marcas|brands|recomendaciones|recommendations|ideas))?';
const PAGE = '(?:(?:la )?siguiente pagina|(?:the )?next page|otra pagina|another page)';
const GO_ON =
  '(?:continue|continua|continuar|sigue|segui|seguir|sigamos|keep going|go on|carry on|dale(?: con mas)?)';
const PLEASE = '(?: (?:por favor|porfa|porfis|porfavor|please|pls|plz))*';

/** "Show more" as a whole message: repeat the previous question further down its list. */
export const ASKS_FOR_MORE = new RegExp(
  `^${LEAD}(?:${ASK}${FEW}${MORE}${AFTER}${NOUN}|${ASK}${PAGE}|${GO_ON})${PLEASE}$`,
);
