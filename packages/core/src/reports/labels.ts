/**
 * What a report's group is called for people: the organisation's, service's or desk's name in
 * the reader's language, the operator's name, an hour as a span of the clock, a weekday's name.
 */
import type { Centre, Language } from '../centre';
import type { ReportGrouping } from './types';

export interface GroupNaming {
  readonly centre: Centre;
  readonly language: Language;
  readonly operatorNames: Readonly<Record<string, string>>;
  /** Monday first. */
  readonly weekdays: readonly string[];
  /** For parts that had no desk, operator or organisation. */
  readonly none: string;
  readonly total: string;
}

export const groupName = (groupBy: ReportGrouping, key: string, naming: GroupNaming): string => {
  if (groupBy === 'total') return naming.total;
  if (key === '') return naming.none;
  const { centre, language } = naming;
  switch (groupBy) {
    case 'organisation':
      return centre.organisations.find((entry) => entry.id === key)?.name[language] ?? key;
    case 'service':
      return centre.services.find((entry) => entry.code === key)?.name[language] ?? key;
    case 'desk':
      return centre.desks.find((entry) => entry.id === key)?.name[language] ?? key;
    case 'operator':
      return naming.operatorNames[key] ?? key;
    case 'hour':
      return `${key}:00–${String(Number(key) + 1).padStart(2, '0')}:00`;
    case 'weekday':
      return naming.weekdays[Number(key) - 1] ?? key;
    case 'day':
      return key;
    default: {
      const exhaustive: never = groupBy;
      return exhaustive;
    }
  }
};
