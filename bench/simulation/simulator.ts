/**
 * A discrete-event simulation of one day at a centre that runs every change through the real
 * queue rules (`decide` then `evolve` from @queue/core), so what it measures is what the
 * server would do. Visitors arrive and take a ticket (the estimate they would be shown is
 * recorded); a free desk calls by its policy; the visitor walks up, is served for their drawn
 * minutes, or never comes and is marked a no-show after the policy's minutes.
 */
import {
  type Centre,
  type DeskId,
  type ExpectedBooking,
  type Instant,
  type QueueCommand,
  type QueueState,
  type ServiceStats,
  type StaffingProposal,
  type TicketId,
  type WaitEstimate,
  deskStateOf,
  deskWeightFor,
  decide,
  emptyState,
  estimateWait,
  evolveAll,
  isFinal,
  keptFreeUntil,
  meanServiceMinutes,
  peopleAhead,
  staffId,
  ticketId,
  ticketOf,
  ticketTableOf,
  ticketsOf,
} from '@queue/core';
import type { Visitor } from './demand';
import { Agenda } from './heap';
import type { CallPolicy } from './policies';

const MS_PER_MINUTE = 60_000;
const COMPACT_EVERY = 25;
const DAY_MS = 24 * 60 * MS_PER_MINUTE;
/** How far ahead the desks are told of bookings whose visitors have not come. */
const EXPECTED_AHEAD_MS = 3 * 60 * MS_PER_MINUTE;

export interface DayOptions {
  readonly centre: Centre;
  readonly visitors: readonly Visitor[];
  readonly policy: CallPolicy;
  /** When the desks open. */
  readonly opensAt: Instant;
  /** From the call to the visitor standing at the desk. */
  readonly walkMinutes: number;
  /** From a visit's end to the desk being ready to call again (notes, the next button). */
  readonly wrapUpMinutes?: number;
  /** Learned visit lengths carried over from the day before. */
  readonly stats?: Readonly<Record<string, ServiceStats>>;
  /** Record the estimate shown at issue (costs time; off for long checks). */
  readonly estimates: boolean;
  /**
   * Drop finished tickets from the state now and then. No rule looks at them, so the calls
   * are the same (a test checks it), but every step then costs O(waiting), not O(day).
   */
  readonly compact?: boolean;
  /** The service day ends here (midnight): whatever has not happened by then does not happen. */
  readonly endsAt?: Instant;
  /** The estimator to record at issue; the system's `estimateWait` unless another is compared. */
  readonly estimator?: typeof estimateWait;
  /** Desks nobody opens at the start of the day (a reserve the advisor may call on). */
  readonly closedAtStart?: readonly DeskId[];
  /** A supervisor who asks the staffing advisor now and then and applies its first proposal. */
  readonly advisor?: {
    readonly everyMinutes: number;
    readonly propose: (centre: Centre, state: QueueState, at: Instant) => StaffingProposal | undefined;
  };
  /**
   * Breaks: at `at` the desk pauses (once its current visit, if any, is over) and resumes
   * `minutes` later.
   */
  readonly breaks?: readonly DeskBreak[];
}

export interface DeskBreak {
  readonly deskId: DeskId;
  readonly at: Instant;
  readonly minutes: number;
  /** The operator says the break's length when pausing (the estimates then count on it). */
  readonly announced?: boolean;
}

export interface VisitRecord {
  readonly visitor: Visitor;
  readonly issuedAt: Instant;
  calledAt?: Instant;
  deskId?: DeskId;
  /** What the ticket showed, and the naive "ahead × mean / desks" beside it. */
  estimate?: WaitEstimate;
  naiveMinutes?: number;
  refused?: string;
}

export interface DayResult {
  readonly records: readonly VisitRecord[];
  readonly finalState: QueueState;
}

type Happening =
  | { readonly kind: 'arrive'; readonly visitor: Visitor }
  | { readonly kind: 'at-desk'; readonly deskId: DeskId; readonly ticketId: TicketId }
  | { readonly kind: 'complete'; readonly deskId: DeskId; readonly ticketId: TicketId }
  | { readonly kind: 'no-show'; readonly deskId: DeskId; readonly ticketId: TicketId }
  | { readonly kind: 'ready'; readonly deskId: DeskId }
  /** A desk kept free for a booking tries again, if it is still free. */
  | { readonly kind: 'retry'; readonly deskId: DeskId }
  | {
      readonly kind: 'break';
      readonly deskId: DeskId;
      readonly minutes: number;
      readonly announced: boolean;
    }
  | { readonly kind: 'resume'; readonly deskId: DeskId }
  | { readonly kind: 'advise' };

export const simulateDay = (options: DayOptions): DayResult => {
  const { policy } = options;
  // The advisor may give a desk another service during the day.
  let centre = options.centre;
  let state: QueueState = { ...emptyState(), stats: options.stats ?? {} };
  const agenda = new Agenda<Happening>();
  const records = new Map<TicketId, VisitRecord>();
  const allRecords: VisitRecord[] = [];
  const idleSince = new Map<DeskId, number>();

  const apply = (command: QueueCommand) => {
    const decision = decide(centre, state, command);
    if (decision.ok) state = evolveAll(state, decision.value);
    return decision;
  };
  let finished = 0;
  const compact = (): void => {
    finished += 1;
    if (options.compact === false || finished % COMPACT_EVERY !== 0) return;
    state = { ...state, ticketTable: ticketTableOf(ticketsOf(state).filter((ticket) => !isFinal(ticket))) };
  };
  const staff = (deskId: DeskId) => ({ kind: 'staff' as const, staffId: staffId(`op-${deskId}`) });

  const closedAtStart = new Set(options.closedAtStart ?? []);
  const openDesk = (deskId: DeskId, at: Instant): void => {
    const opened = apply({
      type: 'open-desk',
      at,
      actor: staff(deskId),
      deskId,
      operatorId: staffId(`op-${deskId}`),
    });
    if (!opened.ok) throw new Error(`cannot open ${deskId}: ${opened.error.message}`);
    idleSince.set(deskId, at);
  };
  for (const desk of centre.desks) {
    if (closedAtStart.has(desk.id)) continue;
    const opened = apply({
      type: 'open-desk',
      at: options.opensAt,
      actor: staff(desk.id),
      deskId: desk.id,
      operatorId: staffId(`op-${desk.id}`),
    });
    if (!opened.ok) throw new Error(`cannot open ${desk.id}: ${opened.error.message}`);
    idleSince.set(desk.id, options.opensAt);
  }
  for (const visitor of options.visitors) agenda.push(visitor.arrival, { kind: 'arrive', visitor });
  for (const entry of options.breaks ?? []) {
    agenda.push(entry.at, {
      kind: 'break',
      deskId: entry.deskId,
      minutes: entry.minutes,
      announced: entry.announced ?? false,
    });
  }
  /** Breaks due at a desk that was busy: taken when its visit is over. */
  const breakDue = new Map<DeskId, { readonly minutes: number; readonly announced: boolean }>();
  const takeBreak = (deskId: DeskId, minutes: number, announced: boolean, at: Instant): void => {
    idleSince.delete(deskId);
    const paused = apply({
      type: 'pause-desk',
      at,
      actor: staff(deskId),
      deskId,
      reason: 'break',
      ...(announced ? { minutes } : {}),
    });
    if (!paused.ok) throw new Error(`cannot pause ${deskId}: ${paused.error.message}`);
    agenda.push(at + minutes * MS_PER_MINUTE, { kind: 'resume', deskId });
  };
  /** The desk is free to call again, unless its break is due. */
  const deskFree = (deskId: DeskId, at: Instant): void => {
    const due = breakDue.get(deskId);
    if (due !== undefined) {
      breakDue.delete(deskId);
      takeBreak(deskId, due.minutes, due.announced, at);
      return;
    }
    idleSince.set(deskId, at);
    dispatch(at, (id) => id === deskId);
  };
  if (options.advisor) {
    agenda.push(options.opensAt + options.advisor.everyMinutes * MS_PER_MINUTE, { kind: 'advise' });
  }
  // The server knows its bookings before the visitors come; the simulator, from its visitors.
  const bookedVisitors = options.visitors
    .filter((visitor) => visitor.appointmentAt !== undefined)
    .sort((a, b) => a.arrival - b.arrival);
  const expectedAt = (at: Instant): ExpectedBooking[] =>
    bookedVisitors
      .filter((visitor) => visitor.arrival > at && (visitor.appointmentAt ?? 0) < at + EXPECTED_AHEAD_MS)
      .map((visitor) => ({ serviceCode: visitor.serviceCode, slotAt: visitor.appointmentAt as Instant }));
  const lastArrival = Math.max(options.opensAt, ...options.visitors.map((visitor) => visitor.arrival));

  /** Free desks (longest idle first) that may serve `code` try to call someone. */
  const dispatch = (at: Instant, only?: (deskId: DeskId) => boolean): void => {
    const free = [...idleSince.entries()].sort((a, b) => a[1] - b[1]);
    // Calls do not change who has arrived, so the bookings awaited hold for the whole round.
    const expected = free.length > 0 ? expectedAt(at) : [];
    for (const [deskId] of free) {
      if (only && !only(deskId)) continue;
      const desk = centre.desks.find((entry) => entry.id === deskId);
      if (!desk) continue;
      const command = policy.call(centre, state, desk, deskStateOf(state, deskId), at, expected);
      if (!command) continue;
      const decision = apply(command);
      if (!decision.ok) {
        // Kept free for a booking: look again once the visitor is late enough to be let go.
        const until =
          decision.error.code === 'KEPT_FOR_BOOKING'
            ? keptFreeUntil(centre, state, desk, expected, at)
            : undefined;
        if (until !== undefined) agenda.push(until, { kind: 'retry', deskId });
        continue;
      }
      const called = decision.value.find((event) => event.type === 'ticket:called');
      if (called?.type !== 'ticket:called') continue;
      idleSince.delete(deskId);
      const record = records.get(called.ticketId);
      if (record) {
        record.calledAt = at;
        record.deskId = deskId;
      }
      const noShow = record?.visitor.noShow ?? false;
      agenda.push(
        noShow
          ? at + centre.policy.noShowAfterMinutes * MS_PER_MINUTE
          : at + options.walkMinutes * MS_PER_MINUTE,
        { kind: noShow ? 'no-show' : 'at-desk', deskId, ticketId: called.ticketId },
      );
    }
  };

  const deskAction = (
    type: 'start-serving' | 'complete' | 'mark-no-show',
    at: Instant,
    deskId: DeskId,
    id: TicketId,
  ) => {
    const decision = apply({ type, at, actor: staff(deskId), deskId, ticketId: id } as QueueCommand);
    if (!decision.ok) throw new Error(`${type} refused: ${decision.error.message}`);
  };

  for (let next = agenda.pop(); next; next = agenda.pop()) {
    const at = next.at as Instant;
    if (options.endsAt !== undefined && at >= options.endsAt) break;
    const happening = next.value;
    if (happening.kind === 'arrive') {
      const { visitor } = happening;
      const id = ticketId(`t${visitor.index}`);
      const record: VisitRecord = { visitor, issuedAt: at };
      allRecords.push(record);
      const issued = apply({
        type: 'issue-ticket',
        at,
        actor: { kind: 'device', deviceId: 'kiosk-1' },
        ticketId: id,
        serviceCode: visitor.serviceCode,
        source:
          visitor.appointmentAt !== undefined
            ? 'booking'
            : visitor.serviceCode === 'priority-any'
              ? 'reception'
              : 'kiosk',
        ...(visitor.priority ? { priority: { category: 'disability', confirmed: true } } : {}),
        ...(visitor.appointmentAt !== undefined ? { appointmentAt: visitor.appointmentAt } : {}),
      });
      if (!issued.ok) {
        record.refused = issued.error.code;
        continue;
      }
      records.set(id, record);
      if (options.estimates) {
        const ticket = ticketOf(state, id);
        record.estimate = (options.estimator ?? estimateWait)(centre, state, visitor.serviceCode, at, ticket);
        const desks = centre.desks.filter(
          (desk) =>
            deskWeightFor(desk, visitor.serviceCode) > 0 && deskStateOf(state, desk.id).status === 'open',
        ).length;
        record.naiveMinutes =
          (peopleAhead(state, visitor.serviceCode, at, ticket) *
            meanServiceMinutes(centre, state, visitor.serviceCode)) /
          Math.max(1, desks);
      }
      dispatch(at, (deskId) => {
        const desk = centre.desks.find((entry) => entry.id === deskId);
        return desk !== undefined && deskWeightFor(desk, visitor.serviceCode) > 0;
      });
    } else if (happening.kind === 'at-desk') {
      deskAction('start-serving', at, happening.deskId, happening.ticketId);
      const record = records.get(happening.ticketId);
      agenda.push(at + (record?.visitor.serviceMinutes ?? 0) * MS_PER_MINUTE, {
        kind: 'complete',
        deskId: happening.deskId,
        ticketId: happening.ticketId,
      });
    } else if (happening.kind === 'advise') {
      const advisor = options.advisor;
      if (!advisor) continue;
      const proposal = advisor.propose(centre, state, at);
      if (proposal?.kind === 'open-desk') openDesk(proposal.deskId, at);
      else if (proposal?.kind === 'end-break')
        apply({ type: 'resume-desk', at, actor: staff(proposal.deskId), deskId: proposal.deskId });
      else if (proposal?.kind === 'add-service') {
        centre = {
          ...centre,
          desks: centre.desks.map((desk) =>
            desk.id === proposal.deskId ? { ...desk, services: [...proposal.services] } : desk,
          ),
        };
      }
      if (proposal) dispatch(at);
      // Keep asking while visitors may still come or wait.
      const waiting = ticketsOf(state).some((ticket) => !isFinal(ticket));
      if ((at < lastArrival || waiting) && at < options.opensAt + DAY_MS) {
        agenda.push(at + advisor.everyMinutes * MS_PER_MINUTE, { kind: 'advise' });
      }
    } else if (happening.kind === 'ready') {
      deskFree(happening.deskId, at);
    } else if (happening.kind === 'retry') {
      if (idleSince.has(happening.deskId)) dispatch(at, (id) => id === happening.deskId);
    } else if (happening.kind === 'break') {
      const { deskId, minutes, announced } = happening;
      if (idleSince.has(deskId)) takeBreak(deskId, minutes, announced, at);
      else breakDue.set(deskId, { minutes, announced });
    } else if (happening.kind === 'resume') {
      apply({ type: 'resume-desk', at, actor: staff(happening.deskId), deskId: happening.deskId });
      deskFree(happening.deskId, at);
    } else {
      deskAction(
        happening.kind === 'complete' ? 'complete' : 'mark-no-show',
        at,
        happening.deskId,
        happening.ticketId,
      );
      compact();
      const wrapUp = options.wrapUpMinutes ?? 0;
      if (wrapUp > 0) {
        agenda.push(at + wrapUp * MS_PER_MINUTE, { kind: 'ready', deskId: happening.deskId });
        continue;
      }
      deskFree(happening.deskId, at);
    }
  }
  return { records: allRecords, finalState: state };
};
