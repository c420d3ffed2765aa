export * from './sync-state';
export * from './connection';
export * from './store';
export * from './request-id';
