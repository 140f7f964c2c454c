export * from './contract';
export * from './result';
export * from './schemas';
export * from './spec';
export { buildAegisApi, type AegisTransport } from './api';
