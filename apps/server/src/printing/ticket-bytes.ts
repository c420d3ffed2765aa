/**
 * A ticket as the bytes for one printer: the view in the visitor's language, the centre's
 * template (checked with the printer package's schema; a broken one falls back to the
 * default so tickets keep printing) and the printer profile.
 */
import type { Centre, Language, Ticket, WaitEstimate } from '@queue/core';
import {
  type PrinterProfile,
  type TicketTemplate,
  buildTicketView,
  ticketTemplateSchema,
  ticketToEscPos,
} from '@queue/printer';
import type { Logger } from '../logger';

export interface TicketToPrint {
  readonly ticket: Ticket;
  /** With `capacity` when known: 0 prints that no desk for the service is open. */
  readonly estimate: Pick<WaitEstimate, 'ahead' | 'lowMinutes' | 'highMinutes'> &
    Partial<Pick<WaitEstimate, 'capacity'>>;
  readonly language: Language;
  /** Where the status page lives when the kiosk has no public base URL: the request's origin. */
  readonly origin?: string;
}

export const statusUrlOf = (ticketId: string, base: string | undefined): string | undefined => {
  if (!base) return undefined;
  try {
    return new URL(`/t/${ticketId}`, base).href;
  } catch {
    return undefined;
  }
};

export const centreTemplate = (centre: Centre, logger: Logger): Partial<TicketTemplate> | undefined => {
  if (centre.ticketTemplate === undefined) return undefined;
  const parsed = ticketTemplateSchema.safeParse(centre.ticketTemplate);
  if (parsed.success) return parsed.data;
  logger.warn('ticket template is invalid; printing with the default', {
    issues: parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  });
  return undefined;
};

export const ticketBytes = (
  centre: Centre,
  job: TicketToPrint,
  profile: PrinterProfile,
  publicBaseUrl: string | undefined,
  logger: Logger,
): Uint8Array => {
  const statusUrl = statusUrlOf(job.ticket.id, publicBaseUrl ?? job.origin);
  const view = buildTicketView({
    centre,
    ticket: job.ticket,
    estimate: job.estimate,
    language: job.language,
    ...(statusUrl ? { statusUrl } : {}),
  });
  return ticketToEscPos(view, profile, centreTemplate(centre, logger));
};
