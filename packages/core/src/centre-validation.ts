/**
 * Whether a centre configuration makes sense as a whole: ids are unique, every reference
 * resolves, times and dates are well formed, numbers are positive and names exist in every
 * language. The shape (types, lengths) is the protocol's schema's job; this is the meaning.
 * Problems carry a path and a message key with parameters, so that screens show them in the
 * reader's language.
 */
import { appealPolicyOf } from './appeals/policy';
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
  /** A fraction where a whole number is needed. */
  | 'notWhole'
  /** A number outside the sane bounds of its field (`CENTRE_BOUNDS`). */
  | 'outOfRange'
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

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/**
 * The sane range of every number in a configuration. Past these the centre stops making
 * sense and the server may stall: a 0.001-minute slot makes a day of millions of slots, a
 * 1e-9 routing weight or a zero-minute no-show timer turns every tick into work.
 */
export const CENTRE_BOUNDS = {
  expectedMinutes: { min: 1, max: 480 },
  waitingStandardMinutes: { min: 1, max: 1440 },
  dailyLimit: { min: 1, max: 100_000, integer: true },
  deskNumber: { min: 1, max: 9_999, integer: true },
  weight: { min: 0.1, max: 100 },
  maxPriorityStreak: { min: 1, max: 100, integer: true },
  noShowAfterMinutes: { min: 1, max: 240 },
  noShowAfterCalls: { min: 1, max: 10, integer: true },
  maxPostponeMinutes: { min: 1, max: 1440 },
  appointmentLeadMinutes: { min: 0, max: 1440 },
  slotMinutes: { min: 5, max: 480, integer: true },
  horizonDays: { min: 1, max: 366, integer: true },
  perPersonPerDay: { min: 1, max: 100, integer: true },
  perServicePerDay: { min: 1, max: 100_000, integer: true },
  minLeadMinutes: { min: 0, max: 30 * 24 * 60 },
  graceMinutes: { min: 0, max: 240 },
  earlyCheckInMinutes: { min: 0, max: 1440 },
} as const satisfies Record<string, Bounds>;

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

  /** Positive (or, with `min` 0, not negative), whole where it must be, and within bounds. */
  within(path: string, value: number, bounds: Bounds): void {
    const positive = bounds.min > 0 ? value > 0 : value >= 0;
    if (!Number.isFinite(value) || !positive) {
      this.add(path, 'notPositive', { value: String(value) });
    } else if (bounds.integer && !Number.isInteger(value)) {
      this.add(path, 'notWhole', { value: String(value) });
    } else if (value < bounds.min || value > bounds.max) {
      this.add(path, 'outOfRange', { value: String(value), min: bounds.min, max: bounds.max });
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
    problems.within(`${at}.expectedMinutes`, service.expectedMinutes, CENTRE_BOUNDS.expectedMinutes);
    problems.within(
      `${at}.waitingStandardMinutes`,
      service.waitingStandardMinutes,
      CENTRE_BOUNDS.waitingStandardMinutes,
    );
    if (service.dailyLimit !== undefined) {
      problems.within(`${at}.dailyLimit`, service.dailyLimit, CENTRE_BOUNDS.dailyLimit);
    }
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
    problems.within(`${at}.number`, desk.number, CENTRE_BOUNDS.deskNumber);
    problems.reference(`${at}.organisationId`, desk.organisationId, organisations, 'organisation');
    problems.unique(
      `${at}.services`,
      desk.services.map((entry) => entry.code),
    );
    desk.services.forEach((entry, position) => {
      problems.reference(`${at}.services.${position}.code`, entry.code, services, 'service');
      problems.within(`${at}.services.${position}.weight`, entry.weight, CENTRE_BOUNDS.weight);
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
  for (const field of [
    'maxPriorityStreak',
    'noShowAfterMinutes',
    'noShowAfterCalls',
    'maxPostponeMinutes',
    'appointmentLeadMinutes',
  ] as const) {
    problems.within(`policy.${field}`, policy[field], CENTRE_BOUNDS[field]);
  }
  const { booking } = centre;
  if (booking) {
    booking.services?.forEach((code, position) =>
      problems.reference(`booking.services.${position}`, code, services, 'service'),
    );
    const numbers = [
      'slotMinutes',
      'horizonDays',
      'perPersonPerDay',
      'perServicePerDay',
      'minLeadMinutes',
      'graceMinutes',
      'earlyCheckInMinutes',
    ] as const;
    for (const field of numbers) {
      const value = booking[field];
      if (value !== undefined) problems.within(`booking.${field}`, value, CENTRE_BOUNDS[field]);
    }
    const share = booking.walkInShare;
    if (share !== undefined && !(share >= 0 && share < 1)) {
      problems.add('booking.walkInShare', 'notShare', { value: String(share) });
    }
  }
  if (centre.appeals) {
    const terms = appealPolicyOf(centre.appeals);
    // The total term bounds the answer term, which bounds the hand-over.
    if (terms.totalDays < terms.answerDays) {
      problems.add('appeals.totalDays', 'outOfRange', {
        value: String(terms.totalDays),
        min: terms.answerDays,
        max: 180,
      });
    }
    if (terms.classifyDays > terms.answerDays) {
      problems.add('appeals.classifyDays', 'outOfRange', {
        value: String(terms.classifyDays),
        min: 0,
        max: terms.answerDays,
      });
    }
  }
  centre.organisations.forEach((entry, index) => {
    if (entry.higherBody) problems.name(`organisations.${index}.higherBody.name`, entry.higherBody.name);
  });
  return problems.list;
};
