/**
 * Whether the kiosk offers a service as open: the same conditions under which `decide` would
 * issue its ticket as far as the clock and the desks go, so a visitor is never offered a
 * service (with a wait range) that is then refused.
 */
import { isOpenAt } from './calendar';
import type { Centre, Service } from './centre';
import type { Instant } from './ids';
import { isServedByAnyDesk } from './unserved-services';

export type ServiceAvailability =
  /** Tickets are issued now. */
  | 'open'
  /** Closed now by the centre's or the service's hours; it opens again later. */
  | 'closed'
  /** No desk serves it: closed with no time it will open. */
  | 'unserved';

export const serviceAvailability = (centre: Centre, service: Service, at: Instant): ServiceAvailability => {
  if (!isServedByAnyDesk(centre, service)) return 'unserved';
  return isOpenAt(centre.site, service.hours, at) ? 'open' : 'closed';
};
