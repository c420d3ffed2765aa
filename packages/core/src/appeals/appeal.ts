/**
 * A written appeal (a complaint, a request, a question) and what can happen to it. The
 * appeal is a fold of its events (`evolveAppeal`); the applicant's personal data is kept
 * beside it, never in an event, so that the retention pass can clear it while the
 * journal's row and history stay.
 */
import type { Instant, OrganisationId, ServiceCode, ServiceDay, StaffId, TicketId } from '../ids';
import type { Language, LocalizedText } from '../centre';

export const APPEAL_CHANNELS = ['in-person', 'phone', 'online', 'email', 'partner'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/** A typical question; one that needs analysis (may be extended); one for a higher body. */
export const APPEAL_CLASSES = ['A', 'B', 'C'] as const;
export type AppealClass = (typeof APPEAL_CLASSES)[number];

export const APPEAL_STATUSES = [
  'registered',
  'assigned',
  'in-progress',
  'forwarded',
  'answered',
  'dismissed',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const CLOSED_APPEAL_STATUSES: readonly AppealStatus[] = ['answered', 'dismissed'];
export const isClosedAppeal = (appeal: Pick<Appeal, 'status'>): boolean =>
  CLOSED_APPEAL_STATUSES.includes(appeal.status);

/** In whose favour the question was decided. */
export const APPEAL_FAVOURS = ['applicant', 'partly', 'organisation'] as const;
export type AppealFavour = (typeof APPEAL_FAVOURS)[number];

/** Grounds to register an appeal and close it without an answer on the merits. */
export const DISMISSAL_GROUNDS = ['no-contact', 'abusive', 'unreadable', 'repeat'] as const;
export type DismissalGround = (typeof DISMISSAL_GROUNDS)[number];

/** What an appeal is about: an organisation of the centre, and one of its services if known. */
export interface AppealTopic {
  readonly organisationId: OrganisationId;
  readonly serviceCode?: ServiceCode;
}

/** Personal data: seen only by the assigned organisation, supervisors and administrators. */
export interface Applicant {
  readonly name?: string;
  readonly address?: string;
  readonly phone?: string;
  readonly email?: string;
}

/** The body a refused applicant may turn to, as the organisation's settings named it then. */
export interface HigherBody {
  readonly name: LocalizedText;
  readonly contact: string;
}

export type AppealResolution =
  | {
      readonly kind: 'answered';
      readonly at: Instant;
      readonly by: StaffId;
      readonly result: string;
      readonly favour: AppealFavour;
      /** Told to the applicant whenever the decision is not wholly in their favour. */
      readonly higherBody?: HigherBody;
    }
  | {
      readonly kind: 'dismissed';
      readonly at: Instant;
      readonly by: StaffId;
      readonly ground: DismissalGround;
      readonly note?: string;
    };

export interface Appeal {
  readonly id: string;
  /** The journal's number, `2026/17`: a sequence per calendar year of the site. */
  readonly number: string;
  /** What the applicant follows the appeal with at `/a/<code>`. */
  readonly trackingCode: string;
  readonly channel: AppealChannel;
  readonly language: Language;
  readonly receivedAt: Instant;
  readonly receivedDay: ServiceDay;
  readonly registeredBy: string;
  readonly topic: AppealTopic;
  readonly summary: string;
  readonly text: string;
  /** The visit it was registered from. */
  readonly ticketId?: TicketId;
  /** The partner system's own reference, for appeals filed through Open311. */
  readonly partnerId?: string;
  readonly appealClass?: AppealClass;
  readonly status: AppealStatus;
  /** The organisation (and, once named, the person) responsible for the answer. */
  readonly assignee?: { readonly organisationId: OrganisationId; readonly staffId?: StaffId };
  readonly takenAt?: Instant;
  readonly classifyDueDay: ServiceDay;
  readonly answerDueDay: ServiceDay;
  readonly finalDueDay: ServiceDay;
  readonly extension?: {
    readonly at: Instant;
    readonly by: StaffId;
    readonly reason: string;
    readonly previousDueDay: ServiceDay;
  };
  readonly forwarded?: {
    readonly at: Instant;
    readonly by: StaffId;
    readonly body: string;
    readonly note?: string;
  };
  readonly resolution?: AppealResolution;
  readonly closedAt?: Instant;
  readonly reopened: number;
  readonly updatedAt: Instant;
}

interface EventBase {
  readonly appealId: string;
  readonly at: Instant;
  /** A staff id, `visitor` for the public page, `partner:<id>` for an Open311 client. */
  readonly by: string;
}

export type AppealEvent =
  | (EventBase & {
      readonly type: 'appeal-registered';
      readonly number: string;
      readonly trackingCode: string;
      readonly channel: AppealChannel;
      readonly language: Language;
      readonly receivedDay: ServiceDay;
      readonly topic: AppealTopic;
      readonly summary: string;
      readonly text: string;
      readonly ticketId?: TicketId;
      readonly partnerId?: string;
      readonly classifyDueDay: ServiceDay;
      readonly answerDueDay: ServiceDay;
      readonly finalDueDay: ServiceDay;
    })
  | (EventBase & {
      readonly type: 'appeal-classified';
      readonly appealClass: AppealClass;
      readonly topic: AppealTopic;
    })
  | (EventBase & {
      readonly type: 'appeal-assigned';
      readonly organisationId: OrganisationId;
      readonly staffId?: StaffId;
    })
  | (EventBase & { readonly type: 'appeal-taken'; readonly staffId: StaffId })
  | (EventBase & {
      readonly type: 'appeal-extended';
      readonly reason: string;
      readonly answerDueDay: ServiceDay;
    })
  | (EventBase & { readonly type: 'appeal-forwarded'; readonly body: string; readonly note?: string })
  | (EventBase & {
      readonly type: 'appeal-answered';
      readonly result: string;
      readonly favour: AppealFavour;
      readonly higherBody?: HigherBody;
    })
  | (EventBase & {
      readonly type: 'appeal-dismissed';
      readonly ground: DismissalGround;
      readonly note?: string;
    })
  | (EventBase & { readonly type: 'appeal-reopened'; readonly reason: string });

export type AppealEventType = AppealEvent['type'];
