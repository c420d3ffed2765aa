/**
 * The ticket as plain values for the kiosk's own printer (the printer package's ticket view,
 * built here because the renderer, not the Electron main process, has the configuration),
 * and the status link its QR code carries.
 */
import { type Centre, type KioskSettings, type Language, findService } from '@queue/core';
import type { IssuedTicket } from '@queue/protocol';
import type { TicketPrintView } from '@queue/shell/bridge';

/** The ticket's status page: the kiosk's public address when set, else this page's server. */
export const statusUrlOf = (issued: IssuedTicket, kiosk: KioskSettings | undefined): string => {
  const base = kiosk?.publicBaseUrl ?? window.location.origin;
  try {
    return new URL(issued.statusPath, base).href;
  } catch {
    return new URL(issued.statusPath, window.location.origin).href;
  }
};

export const ticketPrintView = (
  centre: Centre,
  issued: IssuedTicket,
  language: Language,
  statusUrl: string,
): TicketPrintView => {
  const { ticket, estimate } = issued;
  const service = findService(centre, ticket.serviceCode);
  const organisation = service
    ? centre.organisations.find((entry) => entry.id === service.organisationId)
    : undefined;
  return {
    language,
    centreName: centre.site.name[language],
    number: ticket.number,
    serviceName: service ? service.name[language] : ticket.serviceCode,
    ...(organisation ? { organisationName: organisation.name[language] } : {}),
    issuedAt: ticket.issuedAt,
    timeZone: centre.site.timeZone,
    ahead: estimate.ahead,
    lowMinutes: estimate.lowMinutes,
    highMinutes: estimate.highMinutes,
    // As the server-printed ticket (buildTicketView): no desk open, no promise of a call soon.
    ...(estimate.capacity === 0 ? { noDeskOpen: true as const } : {}),
    ...(ticket.priority
      ? { priority: { category: ticket.priority.category, confirmed: ticket.priority.confirmed } }
      : {}),
    ...(ticket.appointmentAt !== undefined ? { appointmentAt: ticket.appointmentAt } : {}),
    statusUrl,
    openingHours: centre.site.hours,
  };
};
