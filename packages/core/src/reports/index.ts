export * from './types';
export * from './statistics';
export * from './local-clock';
export * from './day-summary';
export * from './build-report';
export * from './table';
export * from './labels';
export * from './segment-fold';
