/**
 * One catalogue for a city (docs/city.md, "One catalogue"): the services, categories,
 * organisations, holidays and ticket template a city hub publishes as numbered versions, and
 * what applying one does to a centre's own configuration.
 *
 * The merge is by identity: a city entry replaces the centre's entry with the same id (or
 * service code, or holiday date) and a new one is added at the end; everything else the
 * centre has stays: its local services, categories and organisations, and all that is the
 * centre's alone (desks with their service lists, kiosks, boards, hours, policy, booking).
 *
 * A service (or category, organisation, holiday) the city REMOVED from its catalogue is kept
 * at the centre and only reported (`removedByCity`), so that the centre's administrator
 * decides: a centre expects a city update never to take a service from under a desk or from
 * visitors holding tickets for it (the replace would refuse that anyway, see `strandedBy`),
 * and a removal may be a city's mistake. The administrator removes it in Settings when ready.
 * Telling a city entry from a local one needs the catalogue applied before (`previous`):
 * an entry the previous version had and this one lacks was removed by the city.
 */
import {
  type Category,
  type Centre,
  DEFAULT_POLICY,
  type LocalizedText,
  type Organisation,
  type Service,
  type SpecialDay,
} from './centre';
import { type CentreProblem, validateCentre } from './centre-validation';
import { isServedByAnyDesk } from './unserved-services';

export interface CityCatalogue {
  /** 1, 2, …: each publication at the hub is a new version. */
  readonly version: number;
  readonly organisations: readonly Organisation[];
  readonly categories: readonly Category[];
  readonly services: readonly Service[];
  /** The city's holidays and shortened days (the centre's `site.specialDays`). */
  readonly specialDays: readonly SpecialDay[];
  /** The printed ticket's layout; the centre's own stays when absent. */
  readonly ticketTemplate?: unknown;
}

/** One entry a catalogue would add, change or (at the city) remove. */
export interface CatalogueEntryChange {
  /** The id, service code or holiday date. */
  readonly id: string;
  /** What the entry is called (the city's name; the centre's for a removed one); holidays have none. */
  readonly name?: LocalizedText;
  /** With a change: the fields that differ (`name`, `prefix`, `hours`…). */
  readonly fields?: readonly string[];
}

export interface CatalogueSectionChanges {
  readonly added: readonly CatalogueEntryChange[];
  readonly changed: readonly CatalogueEntryChange[];
  /** In the previously applied catalogue, not in this one, still at the centre: kept, for the administrator to decide. */
  readonly removedByCity: readonly CatalogueEntryChange[];
}

export interface CatalogueChanges {
  readonly organisations: CatalogueSectionChanges;
  readonly categories: CatalogueSectionChanges;
  readonly services: CatalogueSectionChanges;
  readonly specialDays: CatalogueSectionChanges;
  readonly ticketTemplate: boolean;
  /** City services that no desk of the centre would serve after applying: their tickets could not be called. */
  readonly unservedServices: readonly CatalogueEntryChange[];
}

/** JSON with object keys sorted, so that key order never counts as a change. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : entry,
  );

const same = (left: unknown, right: unknown): boolean => canonical(left) === canonical(right);

/** The centre's entries with the city's laid over them by key, then the city's new ones in its order. */
const overlay = <T>(local: readonly T[], city: readonly T[], keyOf: (entry: T) => string): T[] => {
  const fromCity = new Map(city.map((entry) => [keyOf(entry), entry]));
  const localKeys = new Set(local.map(keyOf));
  return [
    ...local.map((entry) => fromCity.get(keyOf(entry)) ?? entry),
    ...city.filter((entry) => !localKeys.has(keyOf(entry))),
  ];
};

const organisationKey = (entry: Organisation): string => entry.id;
const categoryKey = (entry: Category): string => entry.id;
const serviceKey = (entry: Service): string => entry.code;
const dayKey = (entry: SpecialDay): string => entry.date;

/** The centre as it would be with the catalogue applied (see the module's comment for the rules). */
export const mergeCityCatalogue = (centre: Centre, catalogue: CityCatalogue): Centre => {
  const merged: Centre = {
    ...centre,
    site: { ...centre.site, specialDays: overlay(centre.site.specialDays, catalogue.specialDays, dayKey) },
    organisations: overlay(centre.organisations, catalogue.organisations, organisationKey),
    categories: overlay(centre.categories, catalogue.categories, categoryKey),
    services: overlay(centre.services, catalogue.services, serviceKey),
  };
  return catalogue.ticketTemplate === undefined
    ? merged
    : { ...merged, ticketTemplate: catalogue.ticketTemplate };
};

const differingFields = (before: object, after: object): string[] => {
  const left = before as Record<string, unknown>;
  const right = after as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((field) => !same(left[field], right[field]))
    .sort();
};

const compare = <T extends object>(
  local: readonly T[],
  city: readonly T[],
  previous: readonly T[] | undefined,
  keyOf: (entry: T) => string,
  nameOf: (entry: T) => LocalizedText | undefined,
): CatalogueSectionChanges => {
  const atCentre = new Map(local.map((entry) => [keyOf(entry), entry]));
  const inCity = new Set(city.map(keyOf));
  const described = (entry: T, fields?: readonly string[]): CatalogueEntryChange => {
    const name = nameOf(entry);
    return { id: keyOf(entry), ...(name ? { name } : {}), ...(fields ? { fields } : {}) };
  };
  const added: CatalogueEntryChange[] = [];
  const changed: CatalogueEntryChange[] = [];
  for (const entry of city) {
    const own = atCentre.get(keyOf(entry));
    if (!own) added.push(described(entry));
    else {
      const fields = differingFields(own, entry);
      if (fields.length > 0) changed.push(described(entry, fields));
    }
  }
  const removedByCity = (previous ?? []).flatMap((entry) => {
    const own = atCentre.get(keyOf(entry));
    return own && !inCity.has(keyOf(entry)) ? [described(own)] : [];
  });
  return { added, changed, removedByCity };
};

/**
 * What applying the catalogue to the centre would change, for its administrator to read
 * before applying. `previous` is the catalogue the centre applied last, if any: only with it
 * can an entry be told "removed by the city" rather than "the centre's own".
 */
export const catalogueChanges = (
  centre: Centre,
  catalogue: CityCatalogue,
  previous?: CityCatalogue,
): CatalogueChanges => {
  const merged = mergeCityCatalogue(centre, catalogue);
  return {
    organisations: compare(
      centre.organisations,
      catalogue.organisations,
      previous?.organisations,
      organisationKey,
      (entry) => entry.name,
    ),
    categories: compare(
      centre.categories,
      catalogue.categories,
      previous?.categories,
      categoryKey,
      (entry) => entry.name,
    ),
    services: compare(
      centre.services,
      catalogue.services,
      previous?.services,
      serviceKey,
      (entry) => entry.name,
    ),
    specialDays: compare(
      centre.site.specialDays,
      catalogue.specialDays,
      previous?.specialDays,
      dayKey,
      () => undefined,
    ),
    ticketTemplate:
      catalogue.ticketTemplate !== undefined && !same(centre.ticketTemplate, catalogue.ticketTemplate),
    unservedServices: catalogue.services
      .filter((service) => !isServedByAnyDesk(merged, service))
      .map((service) => ({ id: service.code, name: service.name })),
  };
};

/** How many entries the changes name (added, changed, removed by the city, and the template). */
export const catalogueChangeCount = (changes: CatalogueChanges): number =>
  [changes.organisations, changes.categories, changes.services, changes.specialDays].reduce(
    (sum, section) => sum + section.added.length + section.changed.length + section.removedByCity.length,
    changes.ticketTemplate ? 1 : 0,
  );

const PLACEHOLDER: LocalizedText = { uk: '-', ru: '-', en: '-' };

/**
 * The meaning of a catalogue on its own, by core's centre validation (`validateCentre`): ids
 * unique, names in every language, prefixes and minutes sane, holidays' dates and hours well
 * formed, and every service's category and organisation IN the catalogue, so that it can be
 * applied to any centre. Paths are the catalogue's own (`services.3.prefix`, `specialDays.0.date`).
 */
export const validateCityCatalogue = (catalogue: Omit<CityCatalogue, 'version'>): CentreProblem[] => {
  const asCentre: Centre = {
    site: { name: PLACEHOLDER, timeZone: 'UTC', hours: {}, specialDays: catalogue.specialDays },
    organisations: catalogue.organisations,
    categories: catalogue.categories,
    services: catalogue.services,
    desks: [],
    boards: [],
    kiosks: [],
    policy: DEFAULT_POLICY,
  };
  return validateCentre(asCentre).map((problem) =>
    problem.path.startsWith('site.specialDays')
      ? { ...problem, path: problem.path.slice('site.'.length) }
      : problem,
  );
};

/** The catalogue part of a centre: a starting document for a city (its reference catalogue). */
export const catalogueOfCentre = (centre: Centre): Omit<CityCatalogue, 'version'> => ({
  organisations: centre.organisations,
  categories: centre.categories,
  services: centre.services,
  specialDays: centre.site.specialDays,
  ...(centre.ticketTemplate !== undefined ? { ticketTemplate: centre.ticketTemplate } : {}),
});
