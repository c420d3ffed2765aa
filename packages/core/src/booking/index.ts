export * from './policy';
export * from './slots';
export * from './rules';
export * from './phone';
export { addDays, instantAt, isServiceDay, weekdayOf } from './zoned';
