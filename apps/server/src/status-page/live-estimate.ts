/**
 * The wait shown on a visitor's status page: only for a ticket of today's live queue (one
 * read back from an older day has no place in it), by the same estimate as everywhere else.
 */
import { type Ticket, type WaitEstimate, estimateWait, ticketOf } from '@queue/core';
import type { QueueService } from '../queue-service';

export const liveEstimateOf = (queue: QueueService, ticket: Ticket): WaitEstimate | undefined =>
  ticketOf(queue.state, ticket.id) === ticket
    ? estimateWait(queue.centre, queue.state, ticket.serviceCode, queue.now(), ticket)
    : undefined;
