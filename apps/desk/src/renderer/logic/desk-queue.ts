/**
 * The queue as one desk sees it: for each service it serves, how many wait and the longest
 * wait; the tickets it may call now, in about the order the rules will call them; and the
 * visitors who stepped away and will come back to it. Computed from the synced queue each
 * second, so waits grow on screen without waiting for the server.
 */
import type {
  Centre,
  Desk,
  DeskState,
  Instant,
  LocalizedText,
  QueueState,
  ServiceCode,
  Ticket,
} from '@queue/core';
import {
  DEFAULT_WAITING_STANDARD_MINUTES,
  MS_PER_MINUTE,
  candidatesFor,
  findService,
  isCallable,
  urgencyOf,
  ticketsOf,
} from '@queue/core';

export interface ServiceRow {
  readonly code: ServiceCode;
  readonly name: LocalizedText;
  readonly waiting: number;
  readonly longestWaitMs: number;
  /** Someone has waited longer than the service's waiting standard. */
  readonly overStandard: boolean;
}

export type EntryKind = 'priority' | 'appointment' | 'walk-in';

export interface QueueEntry {
  readonly ticket: Ticket;
  readonly kind: EntryKind;
  readonly waitedMs: number;
  readonly overStandard: boolean;
}

export interface PostponedEntry {
  readonly ticket: Ticket;
  readonly remainingMs: number;
}

export interface DeskQueue {
  readonly rows: readonly ServiceRow[];
  readonly waiting: readonly QueueEntry[];
  readonly postponed: readonly PostponedEntry[];
}

const standardOf = (centre: Centre, code: ServiceCode): number =>
  findService(centre, code)?.waitingStandardMinutes ?? DEFAULT_WAITING_STANDARD_MINUTES;

const isOver = (centre: Centre, ticket: Ticket, waitedMs: number): boolean =>
  waitedMs > standardOf(centre, ticket.serviceCode) * MS_PER_MINUTE;

export const serviceRowsOf = (centre: Centre, queue: QueueState, desk: Desk, now: number): ServiceRow[] => {
  const tickets = ticketsOf(queue).filter((ticket) => isCallable(ticket, now as Instant));
  return desk.services.flatMap(({ code }): ServiceRow[] => {
    const service = findService(centre, code);
    if (!service) return [];
    const mine = tickets.filter((ticket) => ticket.serviceCode === code);
    const longestWaitMs = mine.reduce((max, ticket) => Math.max(max, now - ticket.queuedAt), 0);
    return [
      {
        code,
        name: service.name,
        waiting: mine.length,
        longestWaitMs,
        overStandard: longestWaitMs > service.waitingStandardMinutes * MS_PER_MINUTE,
      },
    ];
  });
};

export const waitingFor = (
  centre: Centre,
  queue: QueueState,
  desk: Desk,
  deskState: DeskState,
  now: number,
): QueueEntry[] => {
  const at = now as Instant;
  const { priority, appointments, walkIns } = candidatesFor(centre, queue, desk, deskState, at);
  const entry = (ticket: Ticket, kind: EntryKind): QueueEntry => {
    const waitedMs = Math.max(0, now - ticket.queuedAt);
    return { ticket, kind, waitedMs, overStandard: isOver(centre, ticket, waitedMs) };
  };
  const byUrgency = [...walkIns].sort(
    (a, b) => urgencyOf(centre, desk, b, at) - urgencyOf(centre, desk, a, at) || a.queuedAt - b.queuedAt,
  );
  return [
    ...priority.map((ticket) => entry(ticket, 'priority')),
    ...appointments.map((ticket) => entry(ticket, 'appointment')),
    ...byUrgency.map((ticket) => entry(ticket, 'walk-in')),
  ];
};

/** Visitors who stepped away from this desk and have not come back yet, soonest first. */
export const postponedFor = (queue: QueueState, desk: Desk, now: number): PostponedEntry[] =>
  ticketsOf(queue)
    .filter((ticket) => ticket.status === 'postponed' && ticket.targetDeskId === desk.id)
    .filter((ticket) => !isCallable(ticket, now as Instant))
    .map((ticket) => ({ ticket, remainingMs: Math.max(0, (ticket.postponedUntil ?? now) - now) }))
    .sort((a, b) => a.remainingMs - b.remainingMs);

export const deskQueueOf = (
  centre: Centre,
  queue: QueueState,
  desk: Desk,
  deskState: DeskState,
  now: number,
): DeskQueue => ({
  rows: serviceRowsOf(centre, queue, desk, now),
  waiting: waitingFor(centre, queue, desk, deskState, now),
  postponed: postponedFor(queue, desk, now),
});
