export * from './erlang';
export * from './days';
export * from './open-desks';
export * from './plan';
