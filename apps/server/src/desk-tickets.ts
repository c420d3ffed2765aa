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
