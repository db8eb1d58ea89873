/**
 * Asking the assistant what it does or how to use it ("¿cómo te uso?", "what can you do?", "¿qué
 * puedo preguntarte?", "who are you?"), over normalized, spell-corrected text. Each entry is a
 * regular-expression fragment matched on word boundaries.
 */
export const HELP_WORDS = [
  'preguntarte',
  'can i ask',
  'ayud\\w*',
  'help',
  'que puedes',
  'que podis',
  'what can you',
  'que sabes',
  'que se te puede',
  'que te puedo',
  'como funciona\\w*',
  'ejemplos?',
  'examples?',
  'how do i use',
  'que preguntas',
  'que (?:me )?(?:puedes|podes|podis) (?:contestar|responder|hacer)',
  'como (?:te|lo|la|se|los) (?:uso|usa|usan|usar|utilizo|utiliza|ocupo|ocupa|pregunto)',
  'como (?:uso|usar|utilizo|utilizar|ocupo) (?:esto|este|el chat|el asistente|la herramienta)',
  'how (?:do|can|should) (?:i|we) use',
  'how (?:does|do) (?:this|it|you) work',
  'how to use',
  'para que (?:sirves|sirve)',
  'what (?:are|r) you (?:for|good for)',
  'que (?:haces|hace este (?:chat|asistente))',
  'what (?:do|can) you do',
  '(?:tipos?|clases?) de preguntas',
  '(?:kinds?|types?|sorts?) of questions',
  'what questions',
  'que (?:cosas )?(?:te )?(?:puedo|podemos) (?:preguntar|pedir|consultar)',
  'what (?:should|can|could) i ask',
  'questions do you (?:answer|take)',
  'que (?:respondes|contestas)',
  'instrucciones',
  'instructions',
  'tutorial',
  'menu',
  'opciones',
  'options',
  'capabilit\\w*',
  '(?:quien|que) eres',
  '(?:who|what) are you',
  'como empiezo',
  'how do i start',
  'getting started',
] as const;

/** Whether a normalized question asks what the assistant does or how to use it. */
export const ASKS_FOR_HELP = new RegExp(`\\b(?:${HELP_WORDS.join('|')})\\b`);
