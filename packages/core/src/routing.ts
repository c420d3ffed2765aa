/**
 * Who a desk calls next. The rule, in order:
 *  1. Only tickets this desk may take: for a service it serves, or sent to it by name.
 *  2. Priority visitors (in order of arrival), then booked visits whose slot has come
 *     (in slot order) — but after `maxPriorityStreak` such calls in a row, a waiting
 *     walk-in goes first, so ordinary visitors are never starved; and after that many
 *     priority calls in a row a due booking goes first, so a flood of priority visitors
 *     cannot keep a booked visitor waiting past their slot either. A booked visitor already
 *     here goes before a walk-in whose typical visit would run past their slot (the two change
 *     places), counted in the same streak.
 *  3. Among walk-ins, anyone who has waited more than two thirds of their service's waiting
 *     standard goes first, the one who has used the largest share of it first (with equal
 *     standards: first come, first served). Before that point the desk leans toward its main
 *     services (weights) and toward quick visits; ties go to the earlier arrival.
 * See docs/routing.md for the reasoning, and docs/performance.md for the simulation behind it.
 */
import type { Centre, Desk } from './centre';
import { DEFAULT_WAITING_STANDARD_MINUTES, findService } from './centre';
import { type Instant, MS_PER_MINUTE, type TicketId } from './ids';
import { type DeskState, type QueueState, type TicketTable, deskStateOf } from './state';
import { type Ticket, isCallable } from './ticket';
import { type ExpectedBooking, HELD_BACK_UP_TO_STANDARDS, endsBy, keptFreeUntil } from './booking-hold';

const serviceCache = new WeakMap<Centre, Map<string, { standard: number; minutes: number }>>();
const weightCache = new WeakMap<Desk, { weights: Map<string, number>; strongest: number }>();

/** The service's waiting standard and typical minutes, looked up once per configuration. */
const serviceFacts = (centre: Centre, code: Ticket['serviceCode']): { standard: number; minutes: number } => {
  let byCode = serviceCache.get(centre);
  if (!byCode) serviceCache.set(centre, (byCode = new Map()));
  let facts = byCode.get(code);
  if (!facts) {
    const service = findService(centre, code);
    facts = {
      standard: Math.max(1, service?.waitingStandardMinutes ?? DEFAULT_WAITING_STANDARD_MINUTES),
      minutes: Math.max(1, service?.expectedMinutes ?? 10),
    };
    byCode.set(code, facts);
  }
  return facts;
};

const weightsOf = (desk: Desk): { weights: Map<string, number>; strongest: number } => {
  let known = weightCache.get(desk);
  if (!known) {
    known = {
      weights: new Map(desk.services.map((entry) => [entry.code, entry.weight])),
      strongest: Math.max(1, ...desk.services.map((entry) => entry.weight)),
    };
    weightCache.set(desk, known);
  }
  return known;
};

const pendingCache = new WeakMap<TicketTable, readonly Ticket[]>();
const pendingInBucket = new WeakMap<object, readonly Ticket[]>();

/**
 * The tickets still waiting or postponed: the only ones a desk may ever call. Worked out once
 * per ticket table (a state's table never changes; `evolve` makes new ones), and within it
 * once per bucket, so after an event only the one bucket it touched is looked at again.
 */
export const pendingTickets = (state: QueueState): readonly Ticket[] => {
  let pending = pendingCache.get(state.ticketTable);
  if (!pending) {
    const found: Ticket[] = [];
    for (const bucket of Object.values(state.ticketTable)) {
      let inBucket = pendingInBucket.get(bucket);
      if (!inBucket) {
        const own: Ticket[] = [];
        // for…in: about twice as fast as Object.values on a bucket of tickets.
        const tickets = bucket as Readonly<Record<string, Ticket>>;
        for (const id in tickets) {
          const ticket = tickets[id];
          if (ticket && (ticket.status === 'waiting' || ticket.status === 'postponed')) own.push(ticket);
        }
        inBucket = own;
        pendingInBucket.set(bucket, inBucket);
      }
      for (const ticket of inBucket) found.push(ticket);
    }
    pending = found;
    pendingCache.set(state.ticketTable, pending);
  }
  return pending;
};

/**
 * Whether this desk, with its operator, may call the ticket at all. A ticket addressed to a
 * desk or an operator waits for them only while they are on duty: when the named desk is
 * closed, or the named operator is at no desk, any desk serving the service may take it, so
 * nobody is left waiting for someone who has gone home.
 */
export const mayDeskTake = (
  desk: Desk,
  deskState: DeskState,
  ticket: Ticket,
  state?: QueueState,
): boolean => {
  const serves = (weightsOf(desk).weights.get(ticket.serviceCode) ?? 0) > 0;
  const operator = ticket.targetOperatorId;
  if (operator !== undefined && operator !== deskState.operatorId) {
    const onDuty =
      state === undefined ||
      Object.values(state.desks).some((other) => other.status !== 'closed' && other.operatorId === operator);
    if (onDuty || !serves) return false;
  }
  if (ticket.targetDeskId !== undefined && ticket.targetDeskId !== desk.id) {
    const targetOpen = state === undefined || deskStateOf(state, ticket.targetDeskId).status !== 'closed';
    return !targetOpen && serves;
  }
  return ticket.targetDeskId === desk.id || serves;
};

/** A priority claim counts until staff reject it (kiosk claims are confirmed at the desk). */
export const isPriority = (ticket: Ticket): boolean =>
  ticket.priority !== undefined && ticket.priority.rejected !== true;

/** A booked visit whose slot has come (or is within the lead time). */
export const isDueAppointment = (ticket: Ticket, at: Instant, leadMinutes: number): boolean =>
  ticket.appointmentAt !== undefined && ticket.appointmentAt - leadMinutes * MS_PER_MINUTE <= at;

const byArrival = (a: Ticket, b: Ticket): number =>
  a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.sequence - b.sequence || (a.id < b.id ? -1 : 1);

/** A walk-in who has waited more than this share of the standard is at risk of breaking it. */
export const AT_RISK_SHARE = 2 / 3;

/**
 * How urgent a walk-in is for this desk; the highest goes first. A visitor past two thirds
 * of the standard scores 1 + the share of the standard used: these are called strictly by
 * how close they are to breaking it, whatever the desk's weights. Before that the score, in
 * (0, 1), is weight × (minutes waited + 1) / (standard × typical visit minutes): the desk
 * leans toward its main services and takes a 3-minute visit before a 15-minute one, which
 * shortens the average wait; the visitor passed over still becomes urgent in time.
 */
export const urgencyOf = (centre: Centre, desk: Desk, ticket: Ticket, at: Instant): number => {
  const { standard, minutes } = serviceFacts(centre, ticket.serviceCode);
  const waited = Math.max(0, at - ticket.queuedAt) / MS_PER_MINUTE;
  if (waited > AT_RISK_SHARE * standard) return 1 + waited / standard;
  const { weights, strongest } = weightsOf(desk);
  // A ticket addressed to this desk by name counts with the desk's strongest weight.
  const weight = ticket.targetDeskId === desk.id ? strongest : (weights.get(ticket.serviceCode) ?? 0);
  // +1 so that a just-arrived ticket still ranks by weight rather than all tying at zero.
  const lean = (weight * (waited + 1)) / (standard * minutes);
  return lean / (1 + lean);
};

export interface Candidates {
  readonly priority: readonly Ticket[];
  readonly appointments: readonly Ticket[];
  readonly walkIns: readonly Ticket[];
}

/** The tickets a desk may call now, split into the three classes of the rule. */
export const candidatesFor = (
  centre: Centre,
  state: QueueState,
  desk: Desk,
  deskState: DeskState,
  at: Instant,
  pool?: TicketPool,
): Candidates => {
  const priority: Ticket[] = [];
  const appointments: Ticket[] = [];
  const walkIns: Ticket[] = [];
  for (const ticket of pool?.tickets ?? pendingTickets(state)) {
    if (pool?.gone.has(ticket.id) || !isCallable(ticket, at)) continue;
    if (!pool && !mayDeskTake(desk, deskState, ticket, state)) continue;
    if (isPriority(ticket)) priority.push(ticket);
    else if (isDueAppointment(ticket, at, centre.policy.appointmentLeadMinutes)) appointments.push(ticket);
    else walkIns.push(ticket);
  }
  priority.sort(byArrival);
  appointments.sort((a, b) => (a.appointmentAt ?? 0) - (b.appointmentAt ?? 0) || byArrival(a, b));
  return { priority, appointments, walkIns };
};

/**
 * The pending tickets one desk may take, worked out once for a forecast that calls from them
 * many times (`mayDeskTake` already applied), less those the forecast has called (`gone`).
 */
export interface TicketPool {
  readonly tickets: readonly Ticket[];
  readonly gone: ReadonlySet<TicketId>;
}

const mostUrgent = (
  centre: Centre,
  desk: Desk,
  tickets: readonly Ticket[],
  at: Instant,
): Ticket | undefined => {
  let best: Ticket | undefined;
  let bestScore = -Infinity;
  for (const ticket of tickets) {
    const score = urgencyOf(centre, desk, ticket, at);
    if (score > bestScore || (score === bestScore && best && byArrival(ticket, best) < 0)) {
      best = ticket;
      bestScore = score;
    }
  }
  return best;
};

export interface Pick {
  readonly ticket: Ticket;
  /** Priority or booked: counts toward the desk's streak. */
  readonly privileged: boolean;
}

/** A visit's typical length: learned today, else the service's expected minutes. */
const typicalMinutes = (centre: Centre, state: QueueState, ticket: Ticket): number =>
  state.stats[ticket.serviceCode]?.meanServiceMinutes ?? serviceFacts(centre, ticket.serviceCode).minutes;

/**
 * The ticket the desk should call next, or undefined when nobody is waiting for it (or, with
 * `expected` bookings, when the desk is kept free for one and no walk-in's visit fits before
 * it: see booking-hold.ts).
 */
export const pickNext = (
  centre: Centre,
  state: QueueState,
  desk: Desk,
  deskState: DeskState,
  at: Instant,
  /** Call from these instead of the state's pending tickets (a forecast's play). */
  pool?: TicketPool,
  /** Bookings due soon whose visitors have not checked in. */
  expected?: readonly ExpectedBooking[],
): Pick | undefined => {
  const { priority, appointments, walkIns } = candidatesFor(centre, state, desk, deskState, at, pool);
  const walkIn = mostUrgent(centre, desk, walkIns, at);
  const streakSpent = deskState.privilegedStreak >= centre.policy.maxPriorityStreak;
  if (walkIn && streakSpent) {
    const kept = keepingFree(centre, state, desk, walkIn, walkIns, at, expected);
    // Kept free and no walk-in fits: a privileged visitor who is here rather than nobody.
    const here = appointments[0] ?? priority[0];
    return kept ?? (here ? { ticket: here, privileged: true } : undefined);
  }
  const bookingsPassedOver = (deskState.priorityStreak ?? 0) >= centre.policy.maxPriorityStreak;
  const privileged = bookingsPassedOver ? (appointments[0] ?? priority[0]) : (priority[0] ?? appointments[0]);
  if (privileged) return { ticket: privileged, privileged: true };
  if (!walkIn) return undefined;
  const early = bookingOverrunBy(state, centre, walkIn, walkIns, at);
  return early
    ? { ticket: early, privileged: true }
    : keepingFree(centre, state, desk, walkIn, walkIns, at, expected);
};

/**
 * The walk-in `walkIn`, unless the desk is kept free for a booking its visit would run past
 * and they have not already waited long: then the most urgent walk-in whose typical visit
 * ends in time, or nobody.
 */
const keepingFree = (
  centre: Centre,
  state: QueueState,
  desk: Desk,
  walkIn: Ticket,
  walkIns: readonly Ticket[],
  at: Instant,
  expected: readonly ExpectedBooking[] | undefined,
): Pick | undefined => {
  if (!expected?.length) return { ticket: walkIn, privileged: false };
  const waited = (at - walkIn.issuedAt) / MS_PER_MINUTE;
  if (waited > HELD_BACK_UP_TO_STANDARDS * serviceFacts(centre, walkIn.serviceCode).standard) {
    return { ticket: walkIn, privileged: false };
  }
  const until = keptFreeUntil(centre, state, desk, expected, at);
  if (endsBy(at, typicalMinutes(centre, state, walkIn), until)) return { ticket: walkIn, privileged: false };
  const fitting = walkIns.filter((ticket) => endsBy(at, typicalMinutes(centre, state, ticket), until));
  const shorter = mostUrgent(centre, desk, fitting, at);
  return shorter ? { ticket: shorter, privileged: false } : undefined;
};

/**
 * The booked visitor, already here, whose slot the walk-in `walkIn` would run past: its
 * visit's typical length (learned today, or the service's expected minutes) ends after the
 * slot. Calling the walk-in first would leave the booked visitor waiting for the whole rest
 * of that visit past their slot, and they would still be called before the next walk-in; so
 * the two change places, and the walk-in waits one booked visit longer instead. A booking whose
 * slot is further ahead than that still waits behind walk-ins. The call counts toward the
 * desk's streak like any booked call, so the bound on walk-ins holds.
 */
const bookingOverrunBy = (
  state: QueueState,
  centre: Centre,
  walkIn: Ticket,
  walkIns: readonly Ticket[],
  at: Instant,
): Ticket | undefined => {
  if (walkIn.appointmentAt !== undefined) return undefined;
  const ends = at + typicalMinutes(centre, state, walkIn) * MS_PER_MINUTE;
  let first: Ticket | undefined;
  for (const ticket of walkIns) {
    const slot = ticket.appointmentAt;
    if (slot === undefined || slot >= ends || isPriority(ticket)) continue;
    if (
      !first ||
      slot < (first.appointmentAt ?? 0) ||
      (slot === first.appointmentAt && byArrival(ticket, first) < 0)
    )
      first = ticket;
  }
  return first;
};

/**
 * Whether the desk, having picked `pick` (or nobody), would have called `candidate` instead
 * had it been waiting too: the same rule as `pickNext`, for a plain walk-in `candidate` (no
 * priority, no booking). Undefined for other candidates. Used to place a new ticket in a
 * forecast of the queue without playing it again.
 */
export const wouldPrefer = (
  centre: Centre,
  desk: Desk,
  deskState: DeskState,
  candidate: Ticket,
  pick: Pick | undefined,
  at: Instant,
): boolean | undefined => {
  if (isPriority(candidate) || candidate.appointmentAt !== undefined) return undefined;
  if (!mayDeskTake(desk, deskState, candidate)) return false;
  if (!pick) return true;
  // A privileged pick with the streak spent means no walk-in was waiting: the candidate would be.
  // (The other such pick, a desk kept free for a booking, needs expected bookings: no forecast has them.)
  if (pick.privileged) return deskState.privilegedStreak >= centre.policy.maxPriorityStreak;
  const mine = urgencyOf(centre, desk, candidate, at);
  const theirs = urgencyOf(centre, desk, pick.ticket, at);
  return mine > theirs || (mine === theirs && byArrival(candidate, pick.ticket) < 0);
};
