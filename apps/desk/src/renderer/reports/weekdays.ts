/** Message keys of the weekdays' short names, Monday first. */
export const WEEKDAY_KEYS = [
  'reports.weekday.1',
  'reports.weekday.2',
  'reports.weekday.3',
  'reports.weekday.4',
  'reports.weekday.5',
  'reports.weekday.6',
  'reports.weekday.7',
] as const;
