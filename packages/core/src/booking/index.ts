export * from './policy';
export * from './slots';
export * from './rules';
export { addDays, instantAt, isServiceDay, weekdayOf } from './zoned';
