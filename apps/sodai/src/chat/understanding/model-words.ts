/**
 * The model: its version, how good it is, what drives its predictions, drift. Part of the intent
 * vocabulary ({@link INTENT_WORDS} in intent-words.ts): each entry is a regular-expression fragment
 * over normalized, spell-corrected text, matched on word boundaries.
 */
export const MODEL_WORDS = {
  model: [
    'modelos?',
    'models?',
    'campeon',
    'champion',
    'xgboost',
    'ml',
    'algoritmo',
    'algorithm',
    'ia',
    'ai',
  ],
  /**
   * What the model says will happen: "forecast", "pronóstico", "previsión", "predicción". Of a
   * customer, a product or a kind of product it is the model's advice or likely buyers; with a
   * quality word ("forecast accuracy") or alone it is about the model itself.
   */
  forecast: ['forecast\\w*', 'pronostic\\w*', 'previsi\\w*', 'predicc\\w*', 'predictions?', 'predicted'],
  modelInfo: [
    'version',
    'versions',
    'entren\\w*',
    'train\\w*',
    'cuando se (?:entreno|creo)',
    'registr\\w*',
    'que modelo',
    'which model',
    'what model',
    'current model',
    'modelo actual',
    'modelo (?:esta )?(?:en )?(?:produccion|sirviendo)',
    'in production',
    'en produccion',
    'serving',
    'promovid\\w*',
    'promoted',
    'datos? de entrenamiento',
  ],
  performance: [
    // Any gender and number: "¿qué tan precisas son las predicciones?".
    'que tan (?:buen[oa]s?|certer[oa]s?|precis[oa]s?|confiables?|exact[oa]s?|acertad[oa]s?|bien)',
    'how good',
    'es bueno',
    'is it good',
    'any good',
    'f1',
    'precision',
    'recall',
    'accuracy',
    'exactitud',
    'acierto',
    'acert\\w*',
    'aciert\\w*',
    'atin\\w*',
    'achunt\\w*',
    'certer\\w*',
    'le pega',
    'se le puede creer',
    'creible',
    'fiable',
    'trust\\w*',
    'confiar',
    'confiable',
    'reliable',
    'desempeno',
    'performance',
    'performing',
    'perform',
    'rendimiento',
    // "How did we do last week?" asks about sales, not the model.
    'how (?:did (?!we |i |our |sales )|well|good|accurate|reliable)',
    'que tal (?:le )?(?:fue|anduvo|funciono|anda|va)',
    'metric\\w*',
    'auc',
    'funciono',
    'funciona bien',
    'works well',
    'le fue',
    'did it do',
    'hit rate',
    'aciertos',
    'se equivoc\\w*',
    'wrong',
    'errores',
    'calidad',
    'quality',
    // Against the simple rules it must beat: "is the model better than the rules?", "¿le gana a las
    // reglas?", "model vs baseline". The answer is the F1 beside the best rule's.
    '(?:better|worse|beats?|beating|beaten|outperform\\w*|versus|vs|than|against) (?:the )?(?:simple |basic )?(?:rules?|baselines?|heuristics?)',
    '(?:(?:mejor|peor) que|contra|frente a|versus|vs) (?:las |la |los |el )?(?:reglas?|baselines?|heuristicas?)',
    // "¿Le gana el modelo a las reglas?", "¿es mejor el modelo que las reglas?", "¿el modelo mejora a
    // las reglas?", "does the model do better than the rules?": the subject may come between the
    // comparison and the rules.
    // Any tense: "¿le ganó?", "¿la superó?".
    '(?:gan[ao]\\w*|super[ao]\\w*|mejora\\w*|mejor|peor|compar\\w*|margen)(?: \\w+){0,3} (?:a |que |con |contra )?(?:las |la |los |el )?(?:reglas?|baselines?|heuristicas?)',
    // The rules first: "¿la regla superó al modelo?", "did the rules beat the model?", "¿qué reglas
    // compiten con el modelo?".
    '(?:reglas?|rules?|baselines?|heuristicas?)(?: \\w+){0,2} (?:gan[ao]\\w*|super[ao]\\w*|beat\\w*|outperform\\w*|compit\\w*|compet\\w*)',
    // "¿Cuál fue la mejor regla?", "which rule was the best?": the rules' own scores, beside the model's.
    '(?:mejor|best|strongest) (?:reglas?|rules?|baselines?)',
    '(?:reglas?|rules?|baselines?) (?:was |were |fue |is |es )?(?:the |la |el )?(?:mejor|best|strongest)',
    '(?:better|worse|beats?|beating|beaten|outperform\\w*|improves?|compared?|comparison|margins?)(?: \\w+){0,3} (?:than |to |with |against |over |on )?(?:the )?(?:simple |basic )?(?:rules?|baselines?|heuristics?)',
  ],
  /**
   * How something is doing, said vaguely ("¿qué tal el modelo?", "¿cómo anduvo?", "does it work
   * well?"): how good the model is when the model is named. "¿Cómo funciona el modelo?" asks how it
   * works, so bare "funciona" is not here.
   */
  howItDoes: [
    'que tal',
    // "¿Cuán preciso es el modelo?", "¿es exacto?".
    '(?:cuan|es|son|sera) (?:buen[oa]s?|precis[oa]s?|exact[oa]s?|certer[oa]s?|acertad[oa]s?|confiables?)',
    'como (?:le )?(?:fue|va|anda|anduvo|viene|ha ido|esta (?:andando|funcionando|rindiendo|prediciendo|acertando))',
    'funciona (?:bien|mal)',
    'esta funcionando',
    'anda bien',
    'rinde',
    'sirve',
    'work(?:s|ing)? (?:well|ok|okay)',
    // Words between as a group: a bare ".{0,30}do" piece would make every word ending in "do" a
    // keyword the speller leaves alone ("bendo").
    'how (?:is|was|s|has) (?:\\w+ ){0,4}(?:doing|going|done|performing)',
    'how did (?:\\w+ ){0,4}do',
    'any good',
    // "¿El modelo empeoró?", "is the model getting worse?": how it does, week against week.
    'empeor\\w*',
    'degrad\\w*',
    'mejoro',
    'mejoraron',
    '(?:got|gotten|getting|get|gets) (?:worse|better)',
    // "The model, is it accurate?", "are the predictions reliable?".
    '(?:is|are) (?:it|this|the (?:model|predictions?|forecasts?)) (?:any |really |very )?(?:good|accurate|reliable|precise|right|ok|okay|trustworthy)',
  ],
  drivers: [
    'influy\\w*',
    'influenc\\w*',
    'drives?',
    'drivers?',
    'driving',
    'factores',
    'factors',
    'features',
    'variables',
    'shap',
    'importan\\w*',
    'pesa',
    'pesan',
    'peso',
    'what matters',
    'que mas cuenta',
    'que tiene en cuenta',
    'toma en cuenta',
    'se basa',
    'based on',
    'contribu\\w*',
    'se fija',
    'looks? at',
    'que mira',
    'inputs?',
    'mira el modelo',
    'matter\\w*',
  ],
  /** Drivers words that mean the model even when the model is not named ("what features matter?"). */
  driversAlone: [
    'features',
    'variables',
    'factores',
    'factors',
    'shap',
    'feature importance',
    'importancia de (?:las )?variables',
  ],
  drift: [
    'drift\\w*',
    'deriva',
    'desvio',
    'desvi\\w*',
    'cambiaron los datos',
    'data (?:has )?changed',
    'cambio en los datos',
    'cambios en los datos',
    'shift\\w*',
    'distribucion',
    'distribution',
    'datos raros',
    'algo raro',
    '(?:weird|strange|odd) data',
    '(?:datos|data)\\b.{0,20}\\b(?:cambi\\w*|changed|changing|distint\\w*|diferent\\w*)',
    'anomal\\w*',
    // "What changed in the data?", "¿qué se movió en los datos?": what the drift check measured.
    '(?:cambi\\w*|changed?|moved|movio|shifted|different|distint\\w*|diferent\\w*) (?:\\w+ ){0,3}(?:en|in|of|de|about) (?:los |las |the )?(?:datos|data)\\b',
    '(?:variables|features) (?:\\w+ ){0,2}(?:cambiaron|changed|moved|se movieron|drifted|shifted)',
    '(?:que|which|what) (?:variables|features) (?:\\w+ ){0,2}(?:cambi\\w*|change\\w*|mov\\w*)',
    // A change measured against training is drift ("¿cambió X respecto al entrenamiento?").
    '(?:cambi\\w*|distint\\w*|diferent\\w*|differ\\w*|parec\\w*|changed) (?:\\w+ ){0,8}(?:entrenamiento|training|entreno)',
  ],
} as const satisfies Record<string, readonly string[]>;
