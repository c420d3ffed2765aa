/**
 * The centre's configuration: the site and its hours, the organisations it hosts, the
 * services on offer and the desks that serve them. Plain data, edited by administrators
 * and read by every rule.
 */
import type { HigherBody } from './appeals/appeal';
import type { AppealPolicy } from './appeals/policy';
import type { BookingPolicy } from './booking/policy';
import type { CategoryId, DeskId, OrganisationId, ServiceCode } from './ids';

/** The languages every visitor-facing text exists in; Ukrainian is the default. */
export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'uk';

/** A text in each of the supported languages. */
export type LocalizedText = Readonly<Record<Language, string>>;

/** A span of local time, `HH:MM` to `HH:MM`, end exclusive. */
export interface TimeRange {
  readonly from: string;
  readonly to: string;
}

/** Opening hours by ISO weekday: 1 is Monday, 7 is Sunday. A missing day is closed. */
export type WeeklyHours = Readonly<Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly TimeRange[]>>>;

/** A day that differs from the week: a holiday (no ranges) or a shortened day. */
export interface SpecialDay {
  readonly date: string;
  readonly hours: readonly TimeRange[];
  readonly note?: string;
}

export interface Site {
  readonly name: LocalizedText;
  /** IANA time zone; the service day and opening hours follow it, not UTC. */
  readonly timeZone: string;
  readonly hours: WeeklyHours;
  readonly specialDays: readonly SpecialDay[];
}

export interface Organisation {
  readonly id: OrganisationId;
  readonly name: LocalizedText;
  /** Where an applicant refused on an appeal may turn: named in every refusal. */
  readonly higherBody?: HigherBody;
}

export interface Category {
  readonly id: CategoryId;
  readonly name: LocalizedText;
}

/** A result a desk can record when a visit at this service ends. */
export interface Outcome {
  readonly code: string;
  readonly name: LocalizedText;
}

export interface Service {
  readonly code: ServiceCode;
  readonly categoryId: CategoryId;
  readonly organisationId: OrganisationId;
  readonly name: LocalizedText;
  /** Letter printed before the number; services sharing a prefix share one sequence a day. */
  readonly prefix: string;
  /** Typical length of one visit; the first guess for wait estimates. */
  readonly expectedMinutes: number;
  /** The longest a visitor should wait; 15 minutes unless set. */
  readonly waitingStandardMinutes: number;
  /** Most tickets a service day; none when absent. */
  readonly dailyLimit?: number;
  /** The service's own hours, within the site's; the site's when absent. */
  readonly hours?: WeeklyHours;
  readonly onKiosk: boolean;
  readonly outcomes: readonly Outcome[];
  readonly outcomeRequired: boolean;
}

/** A service a desk serves, and how strongly it prefers it over its other services. */
export interface DeskService {
  readonly code: ServiceCode;
  /** Relative preference, > 0. A desk with weights 3 and 1 leans three to one. */
  readonly weight: number;
  /**
   * The hours in which the desk counts toward this service's booking capacity (e.g. booked
   * visits only in the morning); all its hours when absent. Routing does not read it.
   */
  readonly hours?: WeeklyHours;
}

export interface Desk {
  readonly id: DeskId;
  /** What visitors see and hear: "Вікно 5". */
  readonly name: LocalizedText;
  /** The number announced in the hall ("вікно номер п'ять"). */
  readonly number: number;
  readonly organisationId: OrganisationId;
  readonly services: readonly DeskService[];
  readonly zone?: string;
}

/** Rules a centre tunes without touching code. */
export interface QueuePolicy {
  /** At most this many priority or booked calls in a row at a desk while walk-ins wait. */
  readonly maxPriorityStreak: number;
  /** A desk may mark no-show this long after the last call… */
  readonly noShowAfterMinutes: number;
  /** …or once the visitor has been called this many times. */
  readonly noShowAfterCalls: number;
  /** A booked visit counts as due this many minutes before its slot. */
  readonly appointmentLeadMinutes: number;
  /** The longest a visitor may step away. */
  readonly maxPostponeMinutes: number;
}

export const DEFAULT_POLICY: QueuePolicy = {
  maxPriorityStreak: 2,
  noShowAfterMinutes: 2,
  noShowAfterCalls: 3,
  appointmentLeadMinutes: 0,
  maxPostponeMinutes: 120,
};

export const DEFAULT_WAITING_STANDARD_MINUTES = 15;

/** How a board speaks: recorded clips, the browser's speech engine, or only a chime. */
export type BoardVoice = 'clips' | 'speech' | 'chime';

/** A display board in the hall, and what it shows. */
export interface Board {
  readonly id: string;
  readonly name: string;
  /** Only calls to these desks; every desk when empty. */
  readonly deskIds: readonly DeskId[];
  /** Only calls to desks of this zone, when set. */
  readonly zone?: string;
  /** The language the board speaks and shows first. */
  readonly language: Language;
  readonly voice: BoardVoice;
  readonly muted: boolean;
  /** A running line at the bottom of the screen. */
  readonly ticker: LocalizedText;
  /** A panel of notices: opening hours, news. */
  readonly info: LocalizedText;
  readonly showWaiting: boolean;
}

/** Where a kiosk's ticket printer is and how it is reached; `profileId` names a file in `hardware/printers`. */
export type KioskPrinter = { readonly profileId: string } & (
  | { readonly transport: 'tcp'; readonly host: string; readonly port?: number }
  | {
      readonly transport: 'device';
      readonly path: string;
      /** Whose device file it is: the server's (default) or the kiosk computer's own. */
      readonly printedBy?: 'server' | 'kiosk';
    }
  | { readonly transport: 'usb'; readonly vendorId?: number; readonly productId?: number }
);

/** A paired kiosk (by its device id) and its ticket printer; without one, tickets are shown on screen. */
export interface KioskSettings {
  readonly deviceId: string;
  readonly name: string;
  readonly printer?: KioskPrinter;
  /** Base of the ticket status link printed as a QR code, e.g. `https://queue.example.ua`. */
  readonly publicBaseUrl?: string;
}

/**
 * Who sends the bytes: the server (network printers, and device files on the server) or the
 * kiosk's own Electron shell (USB, and device files on the kiosk computer).
 */
export const printedBy = (printer: KioskPrinter): 'server' | 'kiosk' =>
  printer.transport === 'tcp'
    ? 'server'
    : printer.transport === 'usb'
      ? 'kiosk'
      : (printer.printedBy ?? 'server');

export interface Centre {
  readonly site: Site;
  readonly organisations: readonly Organisation[];
  readonly categories: readonly Category[];
  readonly services: readonly Service[];
  readonly desks: readonly Desk[];
  readonly boards: readonly Board[];
  readonly kiosks: readonly KioskSettings[];
  /** The printed ticket's layout; checked by the server against the printer package's schema. */
  readonly ticketTemplate?: unknown;
  readonly policy: QueuePolicy;
  /** Pre-booked visits; the defaults of `DEFAULT_BOOKING_POLICY` (bookings off) when absent. */
  readonly booking?: Partial<BookingPolicy>;
  /** The appeals journal's terms; `DEFAULT_APPEAL_POLICY` where absent. */
  readonly appeals?: Partial<AppealPolicy>;
}

/** Whether a board shows calls to this desk. */
export const boardShowsDesk = (board: Board, desk: Desk): boolean =>
  (board.deskIds.length === 0 || board.deskIds.includes(desk.id)) &&
  (board.zone === undefined || board.zone === desk.zone);

export const findService = (centre: Centre, code: ServiceCode): Service | undefined =>
  centre.services.find((service) => service.code === code);

export const findKiosk = (centre: Centre, deviceId: string): KioskSettings | undefined =>
  centre.kiosks.find((kiosk) => kiosk.deviceId === deviceId);

export const findDesk = (centre: Centre, id: DeskId): Desk | undefined =>
  centre.desks.find((desk) => desk.id === id);

/** The weight with which a desk serves a service, 0 when it does not serve it. */
export const deskWeightFor = (desk: Desk, code: ServiceCode): number =>
  desk.services.find((entry) => entry.code === code)?.weight ?? 0;
