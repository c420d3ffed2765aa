/**
 * The applicant's receipt and tracking link: what is printed on the kiosk's printer and
 * shown on the desk's screen once an appeal is registered.
 */
import type { Appeal, Centre, Language } from '@queue/core';
import { localTime } from '@queue/core';
import type { AppealReceiptView } from '@queue/printer';

const two = (value: number) => String(value).padStart(2, '0');

/** `2026-12-14` as `14.12.2026`, the way dates are written in the centres' languages. */
export const localDate = (day: string): string => {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
};

export const localDateTime = (at: number, timeZone: string): string => {
  const local = localTime(at as never, timeZone);
  return `${localDate(local.day)} ${two(Math.floor(local.minuteOfDay / 60))}:${two(local.minuteOfDay % 60)}`;
};

/** The public base for links on paper: the kiosk's, else any kiosk's, else where the request came from. */
export const publicBaseOf = (
  centre: Centre,
  kioskId: string | undefined,
  origin: string | undefined,
): string | undefined =>
  centre.kiosks.find((kiosk) => kiosk.deviceId === kioskId)?.publicBaseUrl ??
  centre.kiosks.find((kiosk) => kiosk.publicBaseUrl)?.publicBaseUrl ??
  origin;

export const trackingUrlOf = (code: string, base: string | undefined): string | undefined => {
  if (!base) return undefined;
  try {
    return new URL(`/a/${code}`, base).href;
  } catch {
    return undefined;
  }
};

export const receiptView = (
  centre: Centre,
  appeal: Appeal,
  language: Language,
  trackingUrl: string | undefined,
): AppealReceiptView => {
  const organisationId = appeal.assignee?.organisationId ?? appeal.topic.organisationId;
  const organisation = centre.organisations.find((entry) => entry.id === organisationId);
  return {
    language,
    centreName: centre.site.name[language],
    number: appeal.number,
    trackingCode: appeal.trackingCode,
    ...(trackingUrl ? { trackingUrl } : {}),
    receivedAt: localDateTime(appeal.receivedAt, centre.site.timeZone),
    answerDueDay: localDate(appeal.answerDueDay),
    organisation: organisation?.name[language] ?? organisationId,
    summary: appeal.summary,
  };
};
