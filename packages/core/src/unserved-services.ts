/**
 * Services that no desk serves. A ticket for one could never be called, so the kiosk shows
 * such a service as not available and the Settings save warns about it. Desks' own hours for
 * a service only bound booking capacity (routing ignores them), so a desk listing a service
 * with any weight counts as serving it, as the issue rule in `decide` counts it.
 */
import type { Centre, Desk, Service } from './centre';
import { deskWeightFor } from './centre';

/** Whether some desk of the centre may call this service's tickets. */
export const isServedByAnyDesk = (centre: Centre, service: Service): boolean =>
  centre.desks.some((desk) => deskWeightFor(desk, service.code) > 0);

/** The centre's services that no desk serves, in catalogue order. */
export const unservedServices = (centre: Centre): readonly Service[] =>
  centre.services.filter((service) => !isServedByAnyDesk(centre, service));

/**
 * The centre with each of these services given, with weight 1, to every desk of the service's
 * own organisation: the one step that makes a new service callable. A service whose
 * organisation has no desk stays unserved.
 */
export const withServicesGivenToDesks = (centre: Centre, services: readonly Service[]): Centre => ({
  ...centre,
  desks: centre.desks.map((desk) => {
    const added = services.filter(
      (service) => service.organisationId === desk.organisationId && deskWeightFor(desk, service.code) <= 0,
    );
    if (added.length === 0) return desk;
    const codes = new Set(added.map((service) => service.code));
    return {
      ...desk,
      services: [
        ...desk.services.filter((entry) => !codes.has(entry.code)),
        ...added.map((service) => ({ code: service.code, weight: 1 })),
      ],
    };
  }),
});

/** The desks `withServicesGivenToDesks` would give the service to. */
export const desksOfOrganisation = (centre: Centre, service: Service): readonly Desk[] =>
  centre.desks.filter((desk) => desk.organisationId === service.organisationId);
