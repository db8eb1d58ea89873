// The one typed contract: raw tables, the feature vector, the HTTP API and the pipeline API.
// The web app imports its types from here (`@sodai/app/contract`), type-only.
export * from './raw-tables.ts';
export * from './table-contract.ts';
export * from './api.ts';
export * from './pipeline-api.ts';
export * from './monitor-api.ts';
export * from './usage-api.ts';
export * from './requests-api.ts';
export * from './error-codes.ts';
export * from './alerts-api.ts';
export * from './model-decisions.ts';
