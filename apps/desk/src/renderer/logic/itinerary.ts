/**
 * The route of a visit as the desk shows it: the service now, a return to the desk that
 * asked for the visitor back (if any), then the services still ahead, in the order the
 * queue rules will take them.
 */
import type { Centre, DeskId, LocalizedText, ServiceCode, Ticket } from '@queue/core';
import { findDesk, findService } from '@queue/core';

export type StepKind = 'current' | 'return' | 'next';

export interface ItineraryStep {
  readonly kind: StepKind;
  readonly code: ServiceCode;
  /** Undefined when the service is no longer in the catalogue: show the code. */
  readonly name?: LocalizedText;
  readonly deskId?: DeskId;
  readonly deskName?: LocalizedText;
}

const step = (
  centre: Centre | undefined,
  kind: StepKind,
  code: ServiceCode,
  deskId?: DeskId,
): ItineraryStep => {
  const service = centre ? findService(centre, code) : undefined;
  const desk = centre && deskId ? findDesk(centre, deskId) : undefined;
  return {
    kind,
    code,
    ...(service ? { name: service.name } : {}),
    ...(deskId ? { deskId } : {}),
    ...(desk ? { deskName: desk.name } : {}),
  };
};

export const itineraryOf = (ticket: Ticket, centre: Centre | undefined): ItineraryStep[] => [
  step(centre, 'current', ticket.serviceCode, ticket.targetDeskId),
  ...(ticket.returnTo ? [step(centre, 'return', ticket.returnTo.serviceCode, ticket.returnTo.deskId)] : []),
  ...ticket.itinerary.map((code) => step(centre, 'next', code)),
];

/** Whether there is anything after the current service. */
export const hasMoreSteps = (ticket: Ticket): boolean =>
  ticket.returnTo !== undefined || ticket.itinerary.length > 0;
