export * from './open';
export * from './migrations';
export * from './queue-store';
export * from './people-store';
export * from './config-store';
export * from './audit-store';
export * from './retention';
export * from './rating-store';
