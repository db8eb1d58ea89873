/**
 * What a question about how the platform behaves asks: when the model is retrained, when a new
 * model serves, what happens when data stop arriving or the model gets worse, when someone is
 * warned. These are asked in the present or as a hypothesis ("¿cada cuánto se reentrena?", "what
 * happens if a file doesn't arrive?"), never about one past event ("¿cuándo se reentrenó?").
 */
export type PolicyTopic = 'retrain' | 'promotion' | 'missing_data' | 'model_worse' | 'alerts';

/** "Re-entrena", "retrain", "reentrenamiento": the model trained again, in any form. */
const RETRAIN = String.raw`(?:re-?entren\w*|retrain\w*|re-?train\w*|entrena|entrenan|train|trains)`;

/** "¿Qué pasa si …?", "what happens if / when …", "what if …": a hypothesis. */
const WHAT_IF = String.raw`(?:que (?:pasa|sucede|ocurre|pasaria|sucederia|ocurriria|hace el sistema|hago|hacemos|debo hacer)|y si|what (?:happens|would happen|do i do|should i do|does the system do)|what if)`;

const TOPICS: readonly (readonly [PolicyTopic, RegExp])[] = [
  [
    'missing_data',
    new RegExp(
      String.raw`\b${WHAT_IF} (?:\w+ ){0,5}(?:no (?:llegan?|hay|cargo|cargamos|se cargan?|recibimos)|(?:dejan?|deja) de (?:llegar|venir|cargarse)|falta(?:n)?|(?:doesn t|does not|don t|do not|never|didn t|did not) (?:arrive|come|land|show up)|(?:stops?|stopped) (?:arriving|coming)|(?:is|are) (?:missing|late)|no (?:new )?(?:data|file|batch)\w*)\b`,
    ),
  ],
  [
    'model_worse',
    new RegExp(
      String.raw`\b(?:${WHAT_IF} (?:\w+ ){0,5}(?:empeora\w*|se degrada\w*|falla\w*|se equivoca\w*|pierde|(?:gets?|getting|got) worse|degrades?|fails?|stops? working|is wrong)|(?:como|how) (?:se|sabemos|se yo|sabre|do i know|do we know|would i know|can i tell)(?: \w+){0,2} (?:si|if|when|cuando) (?:el|the) (?:modelo|model) (?:esta |is |gets |has )?(?:fallando|empeorando|empeora|degrad\w*|failing|getting worse|worse|wrong)|(?:como|how) (?:se |is |are )?(?:monitore\w*|vigila\w*|supervisa\w*|monitor\w*|watched|tracked|checked) (?:el |the )?(?:modelo|model)|(?:como|how) (?:se |is )?(?:evalua\w*|mide|measured|evaluated|scored) (?:el |the )?(?:modelo|model))\b`,
    ),
  ],
  [
    'promotion',
    new RegExp(
      String.raw`\b(?:(?:cuando|como|when|how) (?:\w+ ){0,6}(?:pasa a servir|entra en servicio|reemplaza al campeon|se promueve|se convierte en campeon|goes? into service|gets? promoted|is promoted|becomes? (?:the )?champion|replaces? the champion|decides? (?:to |whether to |if |when to )?promote)|(?:como|how) (?:funciona|works?|does) (?:la |the )?(?:compuerta|gate)(?: work)?|que (?:necesita|debe cumplir) un modelo (?:nuevo )?para|what does a (?:new )?model need to|criterios? de promocion|promotion (?:rule|criteria|policy))\b`,
    ),
  ],
  [
    'retrain',
    // "How often" and "when" keep their answers (the retrain count, the next run), which say the rule.
    new RegExp(
      String.raw`\b(?:(?:que|what) (?:provoca|dispara|causa|activa|decide|hace que|triggers?|causes?|decides?|makes?)(?: (?:que|un|una|el|la|a|the|it|se|modelo|model|to|de|of))* ${RETRAIN}|(?:como|how) (?:se )?(?:decide|does it decide|does the system decide|is it decided) (?:si |cuando |when |whether |to |if )?(?:se |to )?${RETRAIN}|por que se reentrenaria|(?:politica|regla|reglas|criterios?) de ${RETRAIN}|${RETRAIN} (?:policy|rules?|criteria))\b`,
    ),
  ],
  [
    'alerts',
    new RegExp(
      String.raw`\b(?:cuando (?:me |nos |se )?(?:avisa\w*|alerta\w*|notifica\w*)|when (?:am i|are we|will i be|will we be|do i get|do we get|does it) (?:notified|alerted|warned|an alert|alerts?|notify|alert|warn)|(?:que|what) alertas? (?:puede|pueden|tiene|existen|hay en el sistema|manda|envia|can|does|do|are there in|exist)|what (?:kinds? of |types? of )?alerts (?:does|can|exist|are available)|(?:como|how) (?:funcionan|work|do) (?:las |the )?(?:alertas|alerts)(?: work)?|(?:reglas|rules) de (?:las )?alertas|alert rules)\b`,
    ),
  ],
];

/**
 * The policy a question asks about, or none.
 *
 * @example
 * policyAsked('cada cuanto se reentrena el modelo'); // 'retrain'
 * policyAsked('cuando se reentreno el modelo'); // undefined: one past event
 */
export function policyAsked(text: string): PolicyTopic | undefined {
  return TOPICS.find(([, re]) => re.test(text))?.[0];
}
