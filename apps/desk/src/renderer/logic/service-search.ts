/**
 * Services grouped by organisation and filtered by what the operator types: any word of the
 * name (in any language), the code, the category or the organisation. Used by the transfer
 * dialog and by reception.
 */
import type { Centre, Organisation, Service } from '@queue/core';

export interface ServiceGroup {
  readonly organisation: Organisation;
  readonly services: readonly Service[];
}

const fold = (text: string): string =>
  text
    .toLocaleLowerCase('uk')
    .replace(/[’ʼ`']/g, "'")
    .replace(/ё/g, 'е');

const haystackOf = (centre: Centre, service: Service): string => {
  const category = centre.categories.find((entry) => entry.id === service.categoryId);
  const organisation = centre.organisations.find((entry) => entry.id === service.organisationId);
  return fold(
    [
      service.code,
      ...Object.values(service.name),
      ...(category ? Object.values(category.name) : []),
      ...(organisation ? Object.values(organisation.name) : []),
    ].join(' '),
  );
};

export const matchesQuery = (centre: Centre, service: Service, query: string): boolean => {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = haystackOf(centre, service);
  return words.every((word) => haystack.includes(word));
};

/**
 * Groups in the catalogue's order of organisations, services in their catalogue order;
 * groups left empty by the filter are dropped.
 */
export const groupServices = (
  centre: Centre,
  query: string,
  include: (service: Service) => boolean = () => true,
): ServiceGroup[] =>
  centre.organisations
    .map((organisation) => ({
      organisation,
      services: centre.services.filter(
        (service) =>
          service.organisationId === organisation.id &&
          include(service) &&
          matchesQuery(centre, service, query),
      ),
    }))
    .filter((group) => group.services.length > 0);

/** The services of the groups, flattened in display order. */
export const flatten = (groups: readonly ServiceGroup[]): Service[] =>
  groups.flatMap((group) => group.services);
