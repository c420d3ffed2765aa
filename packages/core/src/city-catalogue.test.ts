import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Centre, LocalizedText, Service, SpecialDay } from './centre';
import { validateCentre } from './centre-validation';
import {
  type CityCatalogue,
  catalogueChangeCount,
  catalogueChanges,
  catalogueOfCentre,
  mergeCityCatalogue,
  validateCityCatalogue,
} from './city-catalogue';
import { DEMO_CENTRE } from './demo-centre';
import { categoryId, organisationId, serviceCode } from './ids';

const text = (value: string): LocalizedText => ({ uk: value, ru: value, en: value });

const [FIRST, SECOND, THIRD] = DEMO_CENTRE.services as [Service, Service, Service, ...Service[]];

/** The demo's catalogue as version 1 of a city's. */
const CITY: CityCatalogue = { version: 1, ...catalogueOfCentre(DEMO_CENTRE) };

const LOCAL_SERVICE: Service = {
  ...FIRST,
  code: serviceCode('local-parking'),
  name: text('Parking permits'),
};

/** The demo centre with one service of its own, served by its first desk. */
const CENTRE: Centre = {
  ...DEMO_CENTRE,
  services: [...DEMO_CENTRE.services, LOCAL_SERVICE],
  desks: DEMO_CENTRE.desks.map((desk, index) =>
    index === 0 ? { ...desk, services: [...desk.services, { code: LOCAL_SERVICE.code, weight: 1 }] } : desk,
  ),
};

const NEW_SERVICE: Service = { ...SECOND, code: serviceCode('city-new'), name: text('New city service') };

const codes = (centre: Centre): string[] => centre.services.map((service) => service.code);

describe('mergeCityCatalogue', () => {
  it('replaces same-code services, adds new ones at the end and keeps the local one and the desks', () => {
    const renamed = { ...FIRST, name: text('Renamed by the city') };
    const catalogue: CityCatalogue = {
      ...CITY,
      version: 2,
      services: [renamed, ...CITY.services.slice(1), NEW_SERVICE],
    };
    const merged = mergeCityCatalogue(CENTRE, catalogue);
    expect(merged.services.find((service) => service.code === FIRST.code)?.name).toEqual(renamed.name);
    expect(codes(merged)).toEqual([...codes(CENTRE), NEW_SERVICE.code]);
    expect(merged.desks).toBe(CENTRE.desks);
    expect(merged.kiosks).toBe(CENTRE.kiosks);
    expect(merged.boards).toBe(CENTRE.boards);
    expect(merged.policy).toBe(CENTRE.policy);
    expect(merged.site.hours).toBe(CENTRE.site.hours);
    expect(validateCentre(merged)).toEqual([]);
  });

  it('keeps a service the city removed (the administrator decides)', () => {
    const catalogue: CityCatalogue = {
      ...CITY,
      version: 2,
      services: CITY.services.filter((service) => service.code !== THIRD.code),
    };
    expect(codes(mergeCityCatalogue(CENTRE, catalogue))).toEqual(codes(CENTRE));
  });

  it('lays the holidays over by date and keeps local ones; the template only when the city has one', () => {
    const local: SpecialDay = { date: '2031-03-03', hours: [], note: 'Local day' };
    const centre: Centre = {
      ...CENTRE,
      site: { ...CENTRE.site, specialDays: [{ date: '2031-01-01', hours: [] }, local] },
      ticketTemplate: { own: true },
    };
    const shortened: SpecialDay = { date: '2031-01-01', hours: [{ from: '09:00', to: '13:00' }] };
    const added: SpecialDay = { date: '2031-05-01', hours: [] };
    const merged = mergeCityCatalogue(centre, { ...CITY, specialDays: [shortened, added] });
    expect(merged.site.specialDays).toEqual([shortened, local, added]);
    expect(merged.ticketTemplate).toEqual({ own: true });
    expect(mergeCityCatalogue(centre, { ...CITY, ticketTemplate: { city: true } }).ticketTemplate).toEqual({
      city: true,
    });
  });
});

describe('catalogueChanges', () => {
  it('names what would be added and changed (with the fields), and a new service no desk serves', () => {
    const renamed = { ...FIRST, name: text('Renamed'), prefix: 'Я' };
    const catalogue: CityCatalogue = {
      ...CITY,
      version: 2,
      services: [renamed, ...CITY.services.slice(1), NEW_SERVICE],
      specialDays: [...CITY.specialDays, { date: '2031-08-24', hours: [] }],
    };
    const changes = catalogueChanges(CENTRE, catalogue);
    expect(changes.services.added).toEqual([{ id: NEW_SERVICE.code, name: NEW_SERVICE.name }]);
    expect(changes.services.changed).toEqual([
      { id: FIRST.code, name: renamed.name, fields: ['name', 'prefix'] },
    ]);
    expect(changes.services.removedByCity).toEqual([]);
    expect(changes.specialDays.added).toEqual([{ id: '2031-08-24' }]);
    expect(changes.organisations).toEqual({ added: [], changed: [], removedByCity: [] });
    expect(changes.ticketTemplate).toBe(false);
    expect(changes.unservedServices).toEqual([{ id: NEW_SERVICE.code, name: NEW_SERVICE.name }]);
    expect(catalogueChangeCount(changes)).toBe(3);
  });

  it('tells a service removed by the city from a local one only with the previous catalogue', () => {
    const catalogue: CityCatalogue = {
      ...CITY,
      version: 2,
      services: CITY.services.filter((service) => service.code !== THIRD.code),
    };
    expect(catalogueChanges(CENTRE, catalogue).services.removedByCity).toEqual([]);
    const changes = catalogueChanges(CENTRE, catalogue, CITY);
    expect(changes.services.removedByCity).toEqual([{ id: THIRD.code, name: THIRD.name }]);
    expect(catalogueChangeCount(changes)).toBe(1);
  });

  it('finds nothing to change once applied', () => {
    const catalogue: CityCatalogue = { ...CITY, version: 2, services: [...CITY.services, NEW_SERVICE] };
    const merged = mergeCityCatalogue(CENTRE, catalogue);
    expect(catalogueChangeCount(catalogueChanges(merged, catalogue, catalogue))).toBe(0);
  });
});

describe('validateCityCatalogue', () => {
  it('accepts the reference catalogue and reports problems at the catalogue’s own paths', () => {
    expect(validateCityCatalogue(CITY)).toEqual([]);
    const problems = validateCityCatalogue({
      ...CITY,
      services: [{ ...FIRST, organisationId: organisationId('nowhere') }],
      specialDays: [{ date: '2031-02-30', hours: [] }],
    });
    expect(problems.map((problem) => `${problem.path}:${problem.key}`)).toEqual([
      'specialDays.0.date:badDate',
      'services.0.organisationId:unknownReference',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const demoService = fc.constantFrom(...DEMO_CENTRE.services);

/** A city service: one of the demo's, perhaps renamed or re-timed, or a new one. */
const cityService = fc.oneof(
  demoService,
  fc
    .tuple(
      demoService,
      fc.string({ minLength: 1, maxLength: 8 }).filter((value) => value.trim() !== ''),
    )
    .map(([service, name]) => ({ ...service, name: text(name) })),
  fc.tuple(demoService, fc.integer({ min: 1, max: 120 })).map(([service, minutes]) => ({
    ...service,
    expectedMinutes: minutes,
  })),
  fc.tuple(demoService, fc.integer({ min: 1, max: 50 })).map(([service, index]) => ({
    ...service,
    code: serviceCode(`city-${index}`),
  })),
);

const holiday = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean())
  .map(([month, day, shortened]): SpecialDay => ({
    date: `2031-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    hours: shortened ? [{ from: '09:00', to: '13:00' }] : [],
  }));

const byKey = <T>(entries: readonly T[], keyOf: (entry: T) => string): T[] => [
  ...new Map(entries.map((entry) => [keyOf(entry), entry])).values(),
];

const catalogueArbitrary = fc
  .tuple(
    fc.array(cityService, { maxLength: 30 }),
    fc.array(holiday, { maxLength: 10 }),
    fc.integer({ min: 1, max: 99 }),
  )
  .map(([services, specialDays, version]): CityCatalogue => ({
    version,
    organisations: DEMO_CENTRE.organisations,
    categories: [...DEMO_CENTRE.categories, { id: categoryId('city-extra'), name: text('City extra') }],
    services: byKey(services, (service) => service.code),
    specialDays: byKey(specialDays, (day) => day.date),
  }));

/** The demo centre with some local services (codes no city entry has) and local holidays. */
const centreArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 5 }), fc.array(holiday, { maxLength: 5 }))
  .map(([locals, days]): Centre => ({
    ...DEMO_CENTRE,
    site: { ...DEMO_CENTRE.site, specialDays: byKey(days, (day) => day.date) },
    services: [
      ...DEMO_CENTRE.services,
      ...Array.from({ length: locals }, (_, index) => ({
        ...FIRST,
        code: serviceCode(`local-${index}`),
        name: text(`Local ${index}`),
      })),
    ],
  }));

describe('mergeCityCatalogue properties', () => {
  it('is idempotent, keeps every local entry and desk, and gives a valid centre', () => {
    fc.assert(
      fc.property(centreArbitrary, catalogueArbitrary, (centre, catalogue) => {
        expect(validateCentre(centre)).toEqual([]);
        expect(validateCityCatalogue(catalogue)).toEqual([]);
        const once = mergeCityCatalogue(centre, catalogue);
        expect(mergeCityCatalogue(once, catalogue)).toEqual(once);
        expect(validateCentre(once)).toEqual([]);
        const merged = new Set(codes(once));
        expect(codes(centre).every((code) => merged.has(code))).toBe(true);
        expect(catalogue.services.every((service) => once.services.includes(service))).toBe(true);
        expect(once.desks).toBe(centre.desks);
        const dates = new Set(once.site.specialDays.map((day) => day.date));
        expect(centre.site.specialDays.every((day) => dates.has(day.date))).toBe(true);
        expect(catalogueChangeCount(catalogueChanges(once, catalogue, catalogue))).toBe(0);
      }),
    );
  });
});
