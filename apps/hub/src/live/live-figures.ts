/**
 * One centre's card on the city's live view and its entry on the public city page, worked
 * out from its live queue (core's state, folded from today's events), today's visit segments,
 * today's ratings and its profile. Pure: the same inputs give the same view.
 */
import {
  type Centre,
  DEFAULT_WAITING_STANDARD_MINUTES,
  type LocalizedText,
  type QueueState,
  type ServiceCode,
  type Ticket,
  type VisitSegment,
  buildReport,
  estimateWait,
  findService,
  instant,
  isOpenAt,
  isSiteOpen,
  serviceAvailability,
  ticketsOf,
} from '@queue/core';
import type { CityCentreLive, CityOrganisationLive, CityPublicCentre } from '@queue/protocol';
import type { CentreProfile } from '../centre-data/profiles';

const MINUTE = 60_000;

export interface CentreSnapshot {
  readonly centreId: string;
  /** The name it enrolled with, for a centre that has not sent its profile yet. */
  readonly enrolledName: string;
  readonly revoked: boolean;
  readonly profile?: CentreProfile;
  readonly state: QueueState;
  /** Today's visits' segments. */
  readonly segments: readonly VisitSegment[];
  readonly ratings: { readonly count: number; readonly sum: number };
  readonly lastCall?: { readonly ticketId: string; readonly deskId: string; readonly at: number };
  readonly sync: CityCentreLive['sync'];
  readonly appeals: CityCentreLive['appeals'];
}

const plain = (text: string): LocalizedText => ({ uk: text, ru: text, en: text });

const isWaiting = (ticket: Ticket): boolean => ticket.status === 'waiting' || ticket.status === 'postponed';

const minutesSince = (from: number, now: number): number => Math.max(0, Math.floor((now - from) / MINUTE));

export const centreLive = (snapshot: CentreSnapshot, now: number): CityCentreLive => {
  const centre = snapshot.profile?.catalogue;
  const tickets = ticketsOf(snapshot.state);
  const waiting = tickets.filter(isWaiting);
  const standardOf = (code: string): number =>
    (centre && findService(centre, code as ServiceCode)?.waitingStandardMinutes) ??
    DEFAULT_WAITING_STANDARD_MINUTES;
  const organisationOf = (code: string): string =>
    (centre && findService(centre, code as ServiceCode)?.organisationId) ?? '';

  const byOrganisation = new Map<string, Ticket[]>();
  for (const ticket of waiting) {
    const organisation = organisationOf(ticket.serviceCode);
    byOrganisation.set(organisation, [...(byOrganisation.get(organisation) ?? []), ticket]);
  }
  const longest = (list: readonly Ticket[]): number | null =>
    list.length === 0 ? null : Math.max(...list.map((ticket) => minutesSince(ticket.queuedAt, now)));
  const organisations: CityOrganisationLive[] = [...byOrganisation.entries()]
    .map(([organisationId, list]) => ({
      organisationId,
      name:
        centre?.organisations.find((organisation) => organisation.id === organisationId)?.name ??
        plain(organisationId || '—'),
      waiting: list.length,
      longestWaitMinutes: longest(list),
    }))
    .sort((a, b) => b.waiting - a.waiting || a.organisationId.localeCompare(b.organisationId));

  const day = snapshot.state.serviceDay;
  const today = snapshot.segments.filter((segment) => segment.serviceDay === day);
  const figures = day
    ? buildReport({ from: day, to: day, groupBy: 'total' }, today, [], {
        timeZone: centre?.site.timeZone ?? 'UTC',
        organisationOf,
        waitingStandardMinutes: standardOf,
      }).total
    : undefined;
  const desks = Object.values(snapshot.state.desks);
  const deskName = (id: string): LocalizedText =>
    centre?.desks.find((desk) => desk.id === id)?.name ?? plain(id);
  const called = snapshot.lastCall
    ? tickets.find((ticket) => ticket.id === snapshot.lastCall?.ticketId)
    : undefined;

  return {
    centreId: snapshot.centreId,
    name: centre?.site.name ?? plain(snapshot.enrolledName),
    profiled: centre !== undefined,
    open: centre ? isSiteOpen(centre.site, instant(now)) : false,
    ...(day ? { serviceDay: day } : {}),
    waiting: waiting.length,
    longestWaitMinutes: longest(waiting),
    organisations,
    desksOpen: desks.filter((desk) => desk.status === 'open').length,
    desksTotal: centre?.desks.length ?? desks.length,
    today: {
      issued: figures?.issued ?? 0,
      served: figures?.served ?? 0,
      withinStandard: figures?.withinStandard ?? { met: 0, total: 0, share: null },
      ratings: {
        count: snapshot.ratings.count,
        mean: snapshot.ratings.count === 0 ? null : snapshot.ratings.sum / snapshot.ratings.count,
      },
    },
    pastStandard: waiting.some(
      (ticket) => minutesSince(ticket.queuedAt, now) > standardOf(ticket.serviceCode),
    ),
    alerts: snapshot.profile?.alerts ?? [],
    ...(snapshot.lastCall && called
      ? {
          lastCall: {
            number: called.number,
            deskName: deskName(snapshot.lastCall.deskId),
            at: snapshot.lastCall.at,
          },
        }
      : {}),
    sync: snapshot.sync,
    revoked: snapshot.revoked,
    appeals: snapshot.appeals,
  };
};

/** The centre as residents see it; undefined for one without a profile (nothing to show). */
export const publicCentre = (snapshot: CentreSnapshot, now: number): CityPublicCentre | undefined => {
  const centre: Centre | undefined = snapshot.profile?.catalogue;
  if (!centre || snapshot.revoked) return undefined;
  const waiting = ticketsOf(snapshot.state).filter(isWaiting);
  return {
    centreId: snapshot.centreId,
    name: centre.site.name,
    timeZone: centre.site.timeZone,
    hours: centre.site.hours,
    openNow: isSiteOpen(centre.site, instant(now)),
    services: centre.services
      .filter((service) => serviceAvailability(centre, service, instant(now)) !== 'unserved')
      .map((service) => {
        const open = isOpenAt(centre.site, service.hours, instant(now));
        return {
          code: service.code,
          name: service.name,
          categoryId: service.categoryId,
          waiting: waiting.filter((ticket) => ticket.serviceCode === service.code).length,
          waitMinutes: open
            ? estimateWait(centre, snapshot.state, service.code, instant(now)).expectedMinutes
            : null,
        };
      }),
    ...(snapshot.profile?.bookUrl ? { bookUrl: snapshot.profile.bookUrl } : {}),
  };
};
