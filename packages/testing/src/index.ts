export { serviceGate, type ServiceGate, type ServiceName } from './service-gate.ts';
export { importCycles, moduleGraph, modulesLoadedBy, type ModuleGraph } from './module-graph.ts';
export { storeFixtures, type OpenFixture, type StoreFixture, type StoreOpeners } from './store-fixtures.ts';
