export * from './raw-tables.ts';
export * from './table-contract.ts';
