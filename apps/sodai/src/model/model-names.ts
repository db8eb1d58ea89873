/**
 * The registered model's name and its serving alias, apart from the registry so that what only
 * names them (the CLI's option defaults) does not load XGBoost.
 */
export const MODEL_NAME = 'weekly-purchase';
export const CHAMPION = 'champion';
