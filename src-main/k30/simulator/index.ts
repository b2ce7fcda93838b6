// The K30 server simulator: a stateful in-memory K30 on node:http, for tests, demos and benchmarks.
export { SimulatorCore } from './core';
export { startSimulator } from './server';
export type { RunningSimulator, SimulatorOptions } from './options';
export { DEFAULTS as SIMULATOR_DEFAULTS } from './options';
export { SimulatorState } from './state';
export type { Department, Device, PassRecord, Person, PresenceEntry, Region, Visitor } from './state';
export type { FaultSettings } from './faults';
export type { CallbackDelivery } from './callbacks';
export type { UploadRecordData } from './passes';
export { FIELD_SPECS } from './validation';
export { HANDLERS } from './handlers';
export * from './seed';
