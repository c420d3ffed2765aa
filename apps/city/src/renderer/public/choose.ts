/**
 * The public page's choices, pure: which services there are across the city (by code, one
 * entry however many centres provide it), which match a search, and the centres in the order a
 * resident wants them: for a chosen service, the shortest wait first.
 */
import { type Language, type LocalizedText, localTime, instant, type TimeRange } from '@queue/core';
import type { CityPublicCentre, CityPublicService } from '@queue/protocol';

export interface ServiceOption {
  readonly code: string;
  readonly name: LocalizedText;
}

const nameIn = (text: LocalizedText, language: Language): string => text[language] || text.uk;

/** Every service some centre provides, once, sorted by its name in the language. */
export const serviceOptions = (
  centres: readonly CityPublicCentre[],
  language: Language,
): readonly ServiceOption[] => {
  const byCode = new Map<string, ServiceOption>();
  for (const centre of centres) {
    for (const service of centre.services) {
      if (!byCode.has(service.code)) byCode.set(service.code, { code: service.code, name: service.name });
    }
  }
  return [...byCode.values()].sort((a, b) =>
    nameIn(a.name, language).localeCompare(nameIn(b.name, language), language),
  );
};

const folded = (text: string): string => text.toLocaleLowerCase().replace(/[’'ʼ`]/g, '');

/** The options whose name (in any language) holds every word of the search. */
export const matchingServices = (
  options: readonly ServiceOption[],
  search: string,
): readonly ServiceOption[] => {
  const words = folded(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  return options.filter((option) => {
    const names = folded(`${option.name.uk} ${option.name.ru} ${option.name.en}`);
    return words.every((word) => names.includes(word));
  });
};

export const serviceAt = (centre: CityPublicCentre, code: string): CityPublicService | undefined =>
  centre.services.find((service) => service.code === code);

/** Minutes to wait for the service; a centre not serving it now comes after every wait. */
const waitRank = (service: CityPublicService | undefined): number => service?.waitMinutes ?? Infinity;

export interface CentreOrder {
  /** The centres to show, best first. */
  readonly shown: readonly CityPublicCentre[];
  /** How many centres do not provide the chosen service at all (not shown). */
  readonly without: number;
}

/** With a service: the centres providing it, shortest wait first; without: open first, by name. */
export const orderCentres = (
  centres: readonly CityPublicCentre[],
  serviceCode: string | undefined,
  language: Language,
): CentreOrder => {
  const byName = (a: CityPublicCentre, b: CityPublicCentre): number =>
    nameIn(a.name, language).localeCompare(nameIn(b.name, language), language);
  const openFirst = (a: CityPublicCentre, b: CityPublicCentre): number =>
    Number(b.openNow) - Number(a.openNow);
  if (!serviceCode)
    return { shown: [...centres].sort((a, b) => openFirst(a, b) || byName(a, b)), without: 0 };
  const providing = centres.filter((centre) => serviceAt(centre, serviceCode));
  const shown = providing.sort(
    (a, b) =>
      waitRank(serviceAt(a, serviceCode)) - waitRank(serviceAt(b, serviceCode)) ||
      openFirst(a, b) ||
      byName(a, b),
  );
  return { shown, without: centres.length - providing.length };
};

/** The centre's weekday now (ISO, 1 = Monday) and that day's hours, in its own zone. */
export const todayAt = (
  centre: CityPublicCentre,
  at: number,
): { readonly weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7; readonly hours: readonly TimeRange[] } => {
  const { weekday } = localTime(instant(at), centre.timeZone);
  return { weekday, hours: centre.hours[weekday] ?? [] };
};

export const rangesText = (ranges: readonly TimeRange[]): string =>
  ranges.map((range) => `${range.from}–${range.to}`).join(', ');
