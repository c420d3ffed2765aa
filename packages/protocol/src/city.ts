/**
 * What the city hub serves to its pages (docs/city.md): the live view for the city's staff
 * (`GET /api/hub/live`, pushed whole on `GET /api/hub/live/stream` as server-sent events named
 * `live`), the public city page (`GET /api/hub/public/centres`), and the profile each centre
 * sends (`PUT /api/hub/profile`). Figures follow docs/reports.md.
 */
import type { Language, LocalizedText, WeeklyHours } from '@queue/core';

/** A device alert a centre reports (a printer out of paper, a kiosk offline). */
export interface CityDeviceAlert {
  readonly device: string;
  readonly kind: string;
  readonly since: number;
}

/** One organisation's queue at a centre right now. */
export interface CityOrganisationLive {
  readonly organisationId: string;
  readonly name: LocalizedText;
  readonly waiting: number;
  /** Minutes the longest-waiting visitor has waited; null when nobody waits. */
  readonly longestWaitMinutes: number | null;
}

/** A centre on the city's live view. */
export interface CityCentreLive {
  readonly centreId: string;
  /** The centre's own name (its catalogue's site name), or the name it enrolled with. */
  readonly name: LocalizedText;
  /** Whether the centre has sent its profile yet; without it figures are from events only. */
  readonly profiled: boolean;
  /** Open now by its hours (and special days) in its own time zone. */
  readonly open: boolean;
  /** The service day the figures are of, `YYYY-MM-DD`; undefined before the first event. */
  readonly serviceDay?: string;
  readonly waiting: number;
  readonly longestWaitMinutes: number | null;
  readonly organisations: readonly CityOrganisationLive[];
  readonly desksOpen: number;
  readonly desksTotal: number;
  readonly today: {
    readonly issued: number;
    readonly served: number;
    /** Walk-in visits called today within their service's waiting standard. */
    readonly withinStandard: { readonly met: number; readonly total: number; readonly share: number | null };
    readonly ratings: { readonly count: number; readonly mean: number | null };
  };
  /** Someone waits longer than their service's standard right now: the centre stands out. */
  readonly pastStandard: boolean;
  readonly alerts: readonly CityDeviceAlert[];
  /** The last call made there today. */
  readonly lastCall?: { readonly number: string; readonly deskName: LocalizedText; readonly at: number };
  readonly sync: {
    /** Events the centre has that the hub has not yet received (as the centre last reported). */
    readonly behind: number;
    readonly lastSeenAt: number | null;
    /** Open sync problems (gaps, divergence, restores) recorded for it. */
    readonly problems: number;
  };
  readonly revoked: boolean;
  /** Its open appeals: how many, and how many past their term or on its last day. */
  readonly appeals: { readonly open: number; readonly overdue: number; readonly dueSoon: number };
}

export interface CityLiveView {
  /** When the view was made, ms since 1970. */
  readonly at: number;
  readonly centres: readonly CityCentreLive[];
}

/** A service's queue at a centre, for residents. */
export interface CityPublicService {
  readonly code: string;
  readonly name: LocalizedText;
  readonly categoryId: string;
  readonly waiting: number;
  /** The estimated wait for someone taking a ticket now, in minutes; null when not served now. */
  readonly waitMinutes: number | null;
}

/** A centre on the public city page. */
export interface CityPublicCentre {
  readonly centreId: string;
  readonly name: LocalizedText;
  readonly timeZone: string;
  readonly hours: WeeklyHours;
  readonly openNow: boolean;
  readonly services: readonly CityPublicService[];
  /** Where a resident books a visit at this centre (`<publicBaseUrl>/book`), when it takes bookings. */
  readonly bookUrl?: string;
}

export interface CityPublicView {
  readonly at: number;
  readonly centres: readonly CityPublicCentre[];
}

export const CITY_LANGUAGES: readonly Language[] = ['uk', 'ru', 'en'];

/**
 * An appeal as a centre ships it to the hub (`POST /api/hub/appeals`): its number, terms and
 * state, without the applicant, the text, the summary or the staff's names, which stay home.
 */
export interface CityAppeal {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly channel: string;
  readonly appealClass?: string;
  /** The organisation responsible now (the assignee's, else the topic's). */
  readonly organisationId: string;
  readonly receivedAt: number;
  readonly receivedDay: string;
  readonly classifyDueDay: string;
  readonly answerDueDay: string;
  readonly finalDueDay: string;
  readonly extended: boolean;
  readonly forwarded: boolean;
  readonly closedAt?: number;
  readonly reopened: number;
  readonly updatedAt: number;
}

/** The 115 view: every centre's appeals, overdue first. */
export interface CityAppealsView {
  readonly at: number;
  readonly appeals: readonly (CityAppeal & {
    readonly centreId: string;
    readonly centreName: LocalizedText;
    readonly organisationName: LocalizedText;
    readonly urgency: 'closed' | 'overdue' | 'due-soon' | 'on-time';
  })[];
  /** Open appeals by centre and organisation. */
  readonly totals: readonly {
    readonly centreId: string;
    readonly organisationId: string;
    readonly open: number;
    readonly overdue: number;
    readonly dueSoon: number;
  }[];
}
