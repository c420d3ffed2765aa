export * from './io';
export * from './schema-issues';
export * from './router';
