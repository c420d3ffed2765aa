export * from './policy';
export * from './slots';
export * from './desk-room';
export * from './rules';
export * from './phone';
export * from './origin';
export * from './public-limits';
export * from './bursts';
export { addDays, instantAt, isServiceDay, weekdayOf } from './zoned';
