/**
 * Whether a centre configuration makes sense as a whole: ids are unique, every reference
 * resolves, times and dates are well formed, numbers are positive and names exist in every
 * language. The shape (types, lengths) is the protocol's schema's job; this is the meaning.
 * Problems carry a path and a message key with parameters, so that screens show them in the
 * reader's language.
 */
import { isValidTimeZone } from './calendar';
import { type Centre, LANGUAGES, type LocalizedText, type TimeRange, type WeeklyHours } from './centre';

export type CentreProblemKey =
  | 'duplicate'
  | 'unknownReference'
  | 'emptyName'
  | 'badPrefix'
  | 'badTime'
  | 'timeOrder'
  | 'badTimeZone'
  | 'badDate'
  | 'notPositive'
  /** A share that must be at least 0 and below 1. */
  | 'notShare'
  | 'liveTickets'
  | 'deskOpen'
  | 'shape';

export interface CentreProblem {
  /** Where, as a dotted path into the document: `services.3.prefix`. */
  readonly path: string;
  readonly key: CentreProblemKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A ticket prefix: one to three letters (Cyrillic or Latin). */
const PREFIX = /^\p{L}{1,3}$/u;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isTime = (value: string): boolean => TIME.test(value);

export const isDate = (value: string): boolean => {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

class Problems {
  readonly list: CentreProblem[] = [];

  add(path: string, key: CentreProblemKey, params?: Record<string, string | number>): void {
    this.list.push(params ? { path, key, params } : { path, key });
  }

  name(path: string, text: LocalizedText): void {
    for (const language of LANGUAGES) {
      if ((text[language] ?? '').trim() === '') this.add(`${path}.${language}`, 'emptyName');
    }
  }

  unique(path: string, ids: readonly string[]): void {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) this.add(`${path}.${index}`, 'duplicate', { id });
      seen.add(id);
    });
  }

  positive(path: string, value: number, integer = false): void {
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      this.add(path, 'notPositive', { value: String(value) });
    }
  }

  reference(path: string, id: string, known: ReadonlySet<string>, kind: string): void {
    if (!known.has(id)) this.add(path, 'unknownReference', { id, kind });
  }

  ranges(path: string, ranges: readonly TimeRange[]): void {
    ranges.forEach((range, index) => {
      const at = `${path}.${index}`;
      const fromOk = isTime(range.from);
      const toOk = isTime(range.to);
      if (!fromOk) this.add(`${at}.from`, 'badTime', { value: range.from });
      if (!toOk) this.add(`${at}.to`, 'badTime', { value: range.to });
      if (fromOk && toOk && range.from >= range.to) {
        this.add(at, 'timeOrder', { from: range.from, to: range.to });
      }
    });
  }

  week(path: string, hours: WeeklyHours): void {
    for (const [day, ranges] of Object.entries(hours)) {
      if (ranges) this.ranges(`${path}.${day}`, ranges);
    }
  }
}

/** Every problem of a configuration whose shape is already right; empty when it is valid. */
export const validateCentre = (centre: Centre): CentreProblem[] => {
  const problems = new Problems();
  const { site } = centre;
  problems.name('site.name', site.name);
  if (!isValidTimeZone(site.timeZone)) problems.add('site.timeZone', 'badTimeZone', { value: site.timeZone });
  problems.week('site.hours', site.hours);
  problems.unique(
    'site.specialDays',
    site.specialDays.map((day) => day.date),
  );
  site.specialDays.forEach((day, index) => {
    if (!isDate(day.date)) problems.add(`site.specialDays.${index}.date`, 'badDate', { value: day.date });
    problems.ranges(`site.specialDays.${index}.hours`, day.hours);
  });

  const organisations = new Set(centre.organisations.map((entry) => entry.id as string));
  const categories = new Set(centre.categories.map((entry) => entry.id as string));
  const services = new Set(centre.services.map((entry) => entry.code as string));
  const desks = new Set(centre.desks.map((entry) => entry.id as string));

  problems.unique(
    'organisations',
    centre.organisations.map((entry) => entry.id),
  );
  centre.organisations.forEach((entry, index) => problems.name(`organisations.${index}.name`, entry.name));
  problems.unique(
    'categories',
    centre.categories.map((entry) => entry.id),
  );
  centre.categories.forEach((entry, index) => problems.name(`categories.${index}.name`, entry.name));

  problems.unique(
    'services',
    centre.services.map((entry) => entry.code),
  );
  centre.services.forEach((service, index) => {
    const at = `services.${index}`;
    problems.name(`${at}.name`, service.name);
    problems.reference(`${at}.categoryId`, service.categoryId, categories, 'category');
    problems.reference(`${at}.organisationId`, service.organisationId, organisations, 'organisation');
    if (!PREFIX.test(service.prefix)) problems.add(`${at}.prefix`, 'badPrefix', { value: service.prefix });
    problems.positive(`${at}.expectedMinutes`, service.expectedMinutes);
    problems.positive(`${at}.waitingStandardMinutes`, service.waitingStandardMinutes);
    if (service.dailyLimit !== undefined) problems.positive(`${at}.dailyLimit`, service.dailyLimit, true);
    if (service.hours) problems.week(`${at}.hours`, service.hours);
    problems.unique(
      `${at}.outcomes`,
      service.outcomes.map((outcome) => outcome.code),
    );
    service.outcomes.forEach((outcome, position) =>
      problems.name(`${at}.outcomes.${position}.name`, outcome.name),
    );
  });

  problems.unique(
    'desks',
    centre.desks.map((entry) => entry.id),
  );
  problems.unique(
    'desks',
    centre.desks.map((entry) => `#${entry.number}`),
  );
  centre.desks.forEach((desk, index) => {
    const at = `desks.${index}`;
    problems.name(`${at}.name`, desk.name);
    problems.positive(`${at}.number`, desk.number, true);
    problems.reference(`${at}.organisationId`, desk.organisationId, organisations, 'organisation');
    problems.unique(
      `${at}.services`,
      desk.services.map((entry) => entry.code),
    );
    desk.services.forEach((entry, position) => {
      problems.reference(`${at}.services.${position}.code`, entry.code, services, 'service');
      problems.positive(`${at}.services.${position}.weight`, entry.weight);
      if (entry.hours) problems.week(`${at}.services.${position}.hours`, entry.hours);
    });
  });

  problems.unique(
    'boards',
    centre.boards.map((entry) => entry.id),
  );
  centre.boards.forEach((board, index) => {
    if (board.name.trim() === '') problems.add(`boards.${index}.name`, 'emptyName');
    board.deskIds.forEach((id, position) =>
      problems.reference(`boards.${index}.deskIds.${position}`, id, desks, 'desk'),
    );
  });

  problems.unique(
    'kiosks',
    centre.kiosks.map((entry) => entry.deviceId),
  );
  centre.kiosks.forEach((kiosk, index) => {
    if (kiosk.name.trim() === '') problems.add(`kiosks.${index}.name`, 'emptyName');
    if (kiosk.printer && kiosk.printer.profileId.trim() === '') {
      problems.add(`kiosks.${index}.printer.profileId`, 'emptyName');
    }
  });

  const { policy } = centre;
  problems.positive('policy.maxPriorityStreak', policy.maxPriorityStreak, true);
  problems.positive('policy.noShowAfterMinutes', policy.noShowAfterMinutes);
  problems.positive('policy.noShowAfterCalls', policy.noShowAfterCalls, true);
  problems.positive('policy.maxPostponeMinutes', policy.maxPostponeMinutes);
  if (!Number.isFinite(policy.appointmentLeadMinutes) || policy.appointmentLeadMinutes < 0) {
    problems.add('policy.appointmentLeadMinutes', 'notPositive', {
      value: String(policy.appointmentLeadMinutes),
    });
  }
  const { booking } = centre;
  if (booking) {
    booking.services?.forEach((code, position) =>
      problems.reference(`booking.services.${position}`, code, services, 'service'),
    );
    const counts = ['slotMinutes', 'horizonDays', 'perPersonPerDay', 'perServicePerDay'] as const;
    for (const field of counts) {
      const value = booking[field];
      if (value !== undefined) problems.positive(`booking.${field}`, value, field !== 'slotMinutes');
    }
    const share = booking.walkInShare;
    if (share !== undefined && !(share >= 0 && share < 1)) {
      problems.add('booking.walkInShare', 'notShare', { value: String(share) });
    }
    for (const field of ['minLeadMinutes', 'graceMinutes', 'earlyCheckInMinutes'] as const) {
      const value = booking[field];
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
        problems.add(`booking.${field}`, 'notPositive', { value: String(value) });
      }
    }
  }
  return problems.list;
};
