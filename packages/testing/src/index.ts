export { serviceGate, type ServiceGate, type ServiceName } from './service-gate.ts';
