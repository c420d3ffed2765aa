export * from './schemas';
export * from './views';
export * from './contract';
export * from './public-events';
export * from './printing';
export * from './audit';
export * from './reports';
