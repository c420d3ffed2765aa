/**
 * Services that no desk serves. A ticket for one could never be called, so the kiosk shows
 * such a service as not available and the Settings save warns about it. Desks' own hours for
 * a service only bound booking capacity (routing ignores them), so a desk listing a service
 * with any weight counts as serving it, as the issue rule in `decide` counts it.
 */
import type { Centre, Service } from './centre';
import { deskWeightFor } from './centre';

/** Whether some desk of the centre may call this service's tickets. */
export const isServedByAnyDesk = (centre: Centre, service: Service): boolean =>
  centre.desks.some((desk) => deskWeightFor(desk, service.code) > 0);

/** The centre's services that no desk serves, in catalogue order. */
export const unservedServices = (centre: Centre): readonly Service[] =>
  centre.services.filter((service) => !isServedByAnyDesk(centre, service));
