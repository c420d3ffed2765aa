/**
 * What a new configuration changes compared with the one in force: a summary for the audit
 * log, and the changes that would strand visitors in the hall today (a service removed while
 * tickets for it are still live, a desk removed while it is open), which are refused.
 */
import type { Centre } from './centre';
import type { CentreProblem } from './centre-validation';
import { type QueueState, ticketsOf } from './state';
import { isFinal } from './ticket';

export type CentreSection = 'organisations' | 'categories' | 'services' | 'desks' | 'boards' | 'kiosks';

export interface SectionChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

export interface CentreChangeSummary {
  readonly sections: Readonly<Partial<Record<CentreSection, SectionChange>>>;
  /** Site, hours, holidays, policy or ticket template changed. */
  readonly site: boolean;
  readonly policy: boolean;
  readonly ticketTemplate: boolean;
}

const SECTIONS: readonly [CentreSection, (entry: never) => string][] = [
  ['organisations', (entry: { id: string }) => entry.id],
  ['categories', (entry: { id: string }) => entry.id],
  ['services', (entry: { code: string }) => entry.code],
  ['desks', (entry: { id: string }) => entry.id],
  ['boards', (entry: { id: string }) => entry.id],
  ['kiosks', (entry: { deviceId: string }) => entry.deviceId],
];

/** JSON with object keys sorted: two documents differing only in key order are the same. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : entry,
  );

const same = (left: unknown, right: unknown): boolean => canonical(left) === canonical(right);

const compareSection = (
  before: readonly unknown[],
  after: readonly unknown[],
  idOf: (entry: unknown) => string,
): SectionChange => {
  const old = new Map(before.map((entry) => [idOf(entry), entry]));
  const fresh = new Map(after.map((entry) => [idOf(entry), entry]));
  return {
    added: [...fresh.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !fresh.has(id)),
    changed: [...fresh.entries()]
      .filter(([id, entry]) => old.has(id) && !same(old.get(id), entry))
      .map(([id]) => id),
  };
};

export const summariseCentreChange = (before: Centre, after: Centre): CentreChangeSummary => {
  const sections: Partial<Record<CentreSection, SectionChange>> = {};
  for (const [section, idOf] of SECTIONS) {
    const change = compareSection(before[section], after[section], idOf as (entry: unknown) => string);
    if (change.added.length + change.removed.length + change.changed.length > 0) sections[section] = change;
  }
  return {
    sections,
    site: !same(before.site, after.site),
    policy: !same(before.policy, after.policy),
    ticketTemplate: !same(before.ticketTemplate, after.ticketTemplate),
  };
};

export const isEmptyChange = (summary: CentreChangeSummary): boolean =>
  Object.keys(summary.sections).length === 0 && !summary.site && !summary.policy && !summary.ticketTemplate;

/** Problems of replacing `before` with `after` while the queue is as `state` says. */
export const strandedBy = (before: Centre, after: Centre, state: QueueState): CentreProblem[] => {
  const problems: CentreProblem[] = [];
  const services = new Set<string>(after.services.map((service) => service.code));
  const live = new Map<string, number>();
  for (const ticket of ticketsOf(state)) {
    if (isFinal(ticket)) continue;
    for (const code of [ticket.serviceCode, ...ticket.itinerary]) live.set(code, (live.get(code) ?? 0) + 1);
  }
  before.services.forEach((service, index) => {
    const count = live.get(service.code) ?? 0;
    if (!services.has(service.code) && count > 0) {
      problems.push({ path: `services.${index}`, key: 'liveTickets', params: { id: service.code, count } });
    }
  });
  const desks = new Set<string>(after.desks.map((desk) => desk.id));
  before.desks.forEach((desk, index) => {
    const status = state.desks[desk.id]?.status ?? 'closed';
    if (!desks.has(desk.id) && status !== 'closed') {
      problems.push({ path: `desks.${index}`, key: 'deskOpen', params: { id: desk.id } });
    }
  });
  return problems;
};
