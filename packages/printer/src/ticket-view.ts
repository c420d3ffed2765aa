/**
 * What a ticket printout shows, resolved to plain values in one language: the encoders take
 * this and nothing else, so they stay pure and are tested without a centre or a queue.
 * `buildTicketView` fills it from the queue's own types at the moment of issue.
 */
import type {
  Centre,
  Instant,
  Language,
  PriorityCategory,
  Ticket,
  WaitEstimate,
  WeeklyHours,
} from '@queue/core';
import { findService } from '@queue/core';

export interface TicketView {
  readonly language: Language;
  readonly centreName: string;
  /** The printed number, e.g. `П-005`. */
  readonly number: string;
  readonly serviceName: string;
  readonly organisationName?: string;
  readonly issuedAt: Instant;
  /** IANA zone of the site; dates and times are printed in it. */
  readonly timeZone: string;
  readonly ahead: number;
  readonly lowMinutes: number;
  readonly highMinutes: number;
  /** No desk serving the service is open: the wait line must not promise a call soon. */
  readonly noDeskOpen?: true;
  /** A priority claim; unconfirmed claims print a note that the desk must confirm them. */
  readonly priority?: { readonly category: PriorityCategory; readonly confirmed: boolean };
  readonly appointmentAt?: Instant;
  /** Absolute URL of the ticket's status page, printed as a QR code. */
  readonly statusUrl?: string;
  readonly openingHours: WeeklyHours;
}

export interface TicketViewInput {
  readonly centre: Centre;
  readonly ticket: Ticket;
  /** `capacity` 0 says no desk serving the service is open (the printout then says so). */
  readonly estimate: Pick<WaitEstimate, 'ahead' | 'lowMinutes' | 'highMinutes'> &
    Partial<Pick<WaitEstimate, 'capacity'>>;
  readonly language: Language;
  /** e.g. `new URL(issued.statusPath, 'https://queue.example.ua').href` */
  readonly statusUrl?: string;
}

/** Resolves names in the visitor's language from the centre's configuration. */
export const buildTicketView = ({
  centre,
  ticket,
  estimate,
  language,
  statusUrl,
}: TicketViewInput): TicketView => {
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
    ...(estimate.capacity === 0 ? { noDeskOpen: true as const } : {}),
    ...(ticket.priority
      ? { priority: { category: ticket.priority.category, confirmed: ticket.priority.confirmed } }
      : {}),
    ...(ticket.appointmentAt !== undefined ? { appointmentAt: ticket.appointmentAt } : {}),
    ...(statusUrl ? { statusUrl } : {}),
    openingHours: centre.site.hours,
  };
};
