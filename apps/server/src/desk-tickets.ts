/**
 * The number at each desk, for the public summary: the ticket called to or being served at
 * the desk, as the hall already saw it called. Window displays above the desks show it, and
 * learn from its going that the desk let the visitor go (completed, no-show, sent on).
 */
import { type DeskId, type QueueState, ticketOf } from '@queue/core';

export const deskTickets = (state: QueueState): Record<DeskId, string> => {
  const numbers: Record<string, string> = {};
  for (const desk of Object.values(state.desks)) {
    if (!desk.currentTicketId) continue;
    const ticket = ticketOf(state, desk.currentTicketId);
    if (ticket && (ticket.status === 'called' || ticket.status === 'serving'))
      numbers[desk.id] = ticket.number;
  }
  return numbers;
};

/** The desks whose visitor has come (sorted, so that an unchanged set compares equal). */
export const servingDesks = (state: QueueState): DeskId[] =>
  Object.values(state.desks)
    .filter((desk) => desk.currentTicketId && ticketOf(state, desk.currentTicketId)?.status === 'serving')
    .map((desk) => desk.id)
    .sort();
