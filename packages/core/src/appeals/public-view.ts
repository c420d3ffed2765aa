/**
 * What the applicant sees at `/a/<code>` and what partners read through Open311: the
 * appeal's status and dates, and its answer once given, without anyone's personal data and
 * without the staff's names.
 */
import type { LocalizedText } from '../centre';
import { serviceDayOf } from '../calendar';
import type { Instant, ServiceDay } from '../ids';
import type { Appeal, AppealFavour, AppealStatus, DismissalGround, HigherBody } from './appeal';

export interface PublicAppeal {
  readonly number: string;
  readonly status: AppealStatus;
  readonly receivedAt: number;
  readonly receivedDay: ServiceDay;
  readonly answerDueDay: ServiceDay;
  readonly extended: boolean;
  readonly forwardedTo?: string;
  readonly closedAt?: number;
  /** The site's calendar day it was closed on (the applicant's phone may be in another zone). */
  readonly closedDay?: ServiceDay;
  readonly updatedAt: number;
  readonly organisation: LocalizedText | undefined;
  readonly answer?: {
    readonly result: string;
    readonly favour: AppealFavour;
    readonly higherBody?: HigherBody;
  };
  readonly dismissedOn?: DismissalGround;
}

export const publicAppeal = (
  appeal: Appeal,
  organisationName: (id: string) => LocalizedText | undefined,
  timeZone?: string,
): PublicAppeal => {
  const resolution = appeal.resolution;
  return {
    number: appeal.number,
    status: appeal.status,
    receivedAt: appeal.receivedAt,
    receivedDay: appeal.receivedDay,
    answerDueDay: appeal.answerDueDay,
    extended: appeal.extension !== undefined,
    ...(appeal.forwarded ? { forwardedTo: appeal.forwarded.body } : {}),
    ...(appeal.closedAt !== undefined ? { closedAt: appeal.closedAt } : {}),
    ...(appeal.closedAt !== undefined && timeZone !== undefined
      ? { closedDay: serviceDayOf(appeal.closedAt as Instant, timeZone) }
      : {}),
    updatedAt: appeal.updatedAt,
    organisation: organisationName(appeal.assignee?.organisationId ?? appeal.topic.organisationId),
    ...(resolution?.kind === 'answered'
      ? {
          answer: {
            result: resolution.result,
            favour: resolution.favour,
            ...(resolution.higherBody ? { higherBody: resolution.higherBody } : {}),
          },
        }
      : {}),
    ...(resolution?.kind === 'dismissed' ? { dismissedOn: resolution.ground } : {}),
  };
};
