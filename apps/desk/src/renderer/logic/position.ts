/**
 * Where a ticket stands, for reception: people ahead and a wait range, computed on the
 * synced queue with the same rules the kiosk's estimate uses.
 */
import type { Centre, Instant, QueueState, Ticket } from '@queue/core';
import { estimateWait } from '@queue/core';

export interface Position {
  readonly ahead: number;
  readonly lowMinutes: number;
  readonly highMinutes: number;
}

/** Only a ticket still waiting (or stepped away) has a place in a queue. */
export const positionOf = (
  centre: Centre,
  queue: QueueState,
  ticket: Ticket,
  now: number,
): Position | undefined => {
  if (ticket.status !== 'waiting' && ticket.status !== 'postponed') return undefined;
  const estimate = estimateWait(centre, queue, ticket.serviceCode, now as Instant, ticket);
  return { ahead: estimate.ahead, lowMinutes: estimate.lowMinutes, highMinutes: estimate.highMinutes };
};
