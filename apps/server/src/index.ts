export * from './app';
export * from './logger';
export * from './queue-service';
export { DEMO_DEVICES, DEMO_STAFF } from './seed';
