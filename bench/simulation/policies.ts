/**
 * How a free desk chooses its next visitor in the simulation. `routing` is the system's own
 * rule: the desk presses "call next" and `decide` runs `pickNext`. `fifo` is the baseline,
 * strict first-come-first-served per service: the same legal order for privileged visitors
 * (priority first, then booked visits whose slot has come), then the walk-in who has waited
 * longest among the desk's services, with no weights; the desk calls that ticket by number.
 */
import {
  type Actor,
  type Centre,
  type Desk,
  type DeskState,
  type ExpectedBooking,
  type Instant,
  type QueueCommand,
  type QueueState,
  type Ticket,
  candidatesFor,
} from '@queue/core';

export interface CallPolicy {
  readonly name: string;
  /** The command a free desk gives, or undefined when it has nobody to call. */
  call(
    centre: Centre,
    state: QueueState,
    desk: Desk,
    deskState: DeskState,
    at: Instant,
    /** Booked visitors due soon who have not come yet (the server knows them from its bookings). */
    expected?: readonly ExpectedBooking[],
  ): QueueCommand | undefined;
}

const actorOf = (deskState: DeskState): Actor => ({
  kind: 'staff',
  staffId: deskState.operatorId ?? ('sim' as NonNullable<DeskState['operatorId']>),
});

export const routingPolicy: CallPolicy = {
  name: 'our routing',
  call: (_centre, _state, desk, deskState, at, expected) => ({
    type: 'call-next',
    at,
    actor: actorOf(deskState),
    deskId: desk.id,
    ...(expected?.length ? { expectedBookings: expected } : {}),
  }),
};

const byArrival = (a: Ticket, b: Ticket): number =>
  a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.sequence - b.sequence;

export const fifoPick = (
  centre: Centre,
  state: QueueState,
  desk: Desk,
  deskState: DeskState,
  at: Instant,
): Ticket | undefined => {
  const { priority, appointments, walkIns } = candidatesFor(centre, state, desk, deskState, at);
  return priority[0] ?? appointments[0] ?? [...walkIns].sort(byArrival)[0];
};

export const fifoPolicy: CallPolicy = {
  name: 'per-service FIFO',
  call: (centre, state, desk, deskState, at) => {
    const ticket = fifoPick(centre, state, desk, deskState, at);
    return ticket
      ? {
          type: 'call-ticket',
          at,
          actor: actorOf(deskState),
          deskId: desk.id,
          ticketId: ticket.id,
          reason: 'first come, first served',
        }
      : undefined;
  },
};
