export { serviceGate, type ServiceGate, type ServiceName } from './service-gate.ts';
export { loadedModules, modulesLoadedBy } from './loaded-modules.ts';
export { storeFixtures, type OpenFixture, type StoreFixture, type StoreOpeners } from './store-fixtures.ts';
export { freePort } from './free-port.ts';
export { waitForReady, type ReadyWait } from './wait-for-ready.ts';
