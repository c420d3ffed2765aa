/**
 * The reports' projection as a fold: events in, visit segments out, by exactly the rules of
 * the centre's SQLite projection (packages/db/src/visit-segments.ts; a property test holds the
 * two together). The city hub folds each centre's synced log with it, so its reports are made
 * of the same rows as the centre's own.
 *
 * The ledger holds the segments of the visits it has seen; a caller that keeps segments
 * elsewhere (the hub, in PostgreSQL) loads the visits a batch of events touches, applies the
 * batch, and writes back what `touched` lists.
 */
import type { QueueEvent } from '../events';
import type { VisitSegment } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Segment = Mutable<VisitSegment>;

export class SegmentLedger {
  private readonly visits = new Map<string, Segment[]>();
  private readonly changed = new Set<string>();

  /** Put a visit's stored segments in the ledger (before applying events that touch it). */
  load(segments: Iterable<VisitSegment>): void {
    for (const segment of segments) {
      const list = this.visits.get(segment.ticketId) ?? [];
      list.push({ ...segment });
      list.sort((a, b) => a.segment - b.segment);
      this.visits.set(segment.ticketId, list);
    }
  }

  /** Whether the ledger holds any segment of this visit. */
  has(ticketId: string): boolean {
    return this.visits.has(ticketId);
  }

  /** The visit's segments, first to last. */
  segmentsOf(ticketId: string): readonly VisitSegment[] {
    return this.visits.get(ticketId) ?? [];
  }

  /** Every segment held. */
  all(): VisitSegment[] {
    return [...this.visits.values()].flat();
  }

  /** The segments of visits changed since the ledger was made (or `clearTouched`). */
  touched(): VisitSegment[] {
    return [...this.changed].flatMap((id) => this.visits.get(id) ?? []);
  }

  clearTouched(): void {
    this.changed.clear();
  }

  apply(event: QueueEvent): void {
    switch (event.type) {
      case 'ticket:issued': {
        const { ticket } = event;
        this.insert({
          ticketId: ticket.id,
          segment: 0,
          serviceDay: ticket.serviceDay,
          serviceCode: ticket.serviceCode,
          source: ticket.source,
          enteredAt: ticket.issuedAt,
          firstCalledAt: null,
          servingStartedAt: null,
          endedAt: null,
          outcome: null,
          deskId: null,
          operatorId: null,
          priorityCategory: ticket.priority?.category ?? null,
          priorityConfirmed: ticket.priority?.confirmed ? 1 : 0,
          appointmentAt: ticket.appointmentAt ?? null,
        });
        return;
      }
      case 'ticket:called':
        this.updateOpen(event.ticketId, (segment) => {
          segment.firstCalledAt ??= event.at;
          segment.deskId = event.deskId;
          segment.operatorId = event.operatorId ?? segment.operatorId;
        });
        return;
      case 'ticket:serving-started':
        this.updateOpen(event.ticketId, (segment) => {
          segment.servingStartedAt = event.at;
          segment.deskId = event.deskId;
        });
        return;
      case 'ticket:completed':
        this.end(event.ticketId, event.at, 'completed', event.deskId);
        if (event.next) this.continueWith(event.ticketId, event.next.serviceCode, event.at);
        return;
      case 'ticket:transferred':
        this.end(event.ticketId, event.at, 'transferred', event.deskId);
        this.continueWith(event.ticketId, event.to.serviceCode, event.at);
        return;
      case 'ticket:no-show':
        this.end(event.ticketId, event.at, 'no-show', event.deskId);
        return;
      case 'ticket:cancelled':
        this.end(event.ticketId, event.at, 'cancelled', event.deskId ?? null);
        return;
      case 'ticket:service-changed':
        this.updateOpen(event.ticketId, (segment) => {
          segment.serviceCode = event.serviceCode;
        });
        return;
      case 'ticket:priority-reviewed':
        this.update(event.ticketId, (segment) => {
          if (segment.priorityCategory !== null) segment.priorityConfirmed = event.confirmed ? 1 : 0;
        });
        return;
      case 'day:started':
        // Visits still open when the day ends are closed by the rollover: cancelled.
        for (const id of event.expiredTicketIds) this.end(id, event.at, 'cancelled', null);
        return;
      case 'ticket:recalled':
      case 'ticket:postponed':
      case 'ticket:resumed':
      case 'desk:opened':
      case 'desk:paused':
      case 'desk:resumed':
      case 'desk:closed':
        return;
      default: {
        const exhaustive: never = event;
        return exhaustive;
      }
    }
  }

  /** Like `INSERT OR IGNORE`: a segment already there stays as it is. */
  private insert(segment: Segment): void {
    const list = this.visits.get(segment.ticketId) ?? [];
    if (list.some((existing) => existing.segment === segment.segment)) return;
    list.push(segment);
    list.sort((a, b) => a.segment - b.segment);
    this.visits.set(segment.ticketId, list);
    this.changed.add(segment.ticketId);
  }

  private update(ticketId: string, change: (segment: Segment) => void, onlyOpen = false): void {
    const list = this.visits.get(ticketId);
    if (!list) return;
    let any = false;
    for (const segment of list) {
      if (onlyOpen && segment.endedAt !== null) continue;
      change(segment);
      any = true;
    }
    if (any) this.changed.add(ticketId);
  }

  private updateOpen(ticketId: string, change: (segment: Segment) => void): void {
    this.update(ticketId, change, true);
  }

  private end(ticketId: string, at: number, outcome: Segment['outcome'], deskId: string | null): void {
    this.updateOpen(ticketId, (segment) => {
      segment.endedAt = at;
      segment.outcome = outcome;
      segment.deskId = deskId ?? segment.deskId;
    });
  }

  /** The next part of the visit, with the fixed facts of its latest segment. */
  private continueWith(ticketId: string, serviceCode: string, at: number): void {
    const latest = this.visits.get(ticketId)?.at(-1);
    if (!latest) return;
    this.insert({
      ticketId,
      segment: latest.segment + 1,
      serviceDay: latest.serviceDay,
      serviceCode,
      source: latest.source,
      enteredAt: at,
      firstCalledAt: null,
      servingStartedAt: null,
      endedAt: null,
      outcome: null,
      deskId: null,
      operatorId: null,
      priorityCategory: latest.priorityCategory,
      priorityConfirmed: latest.priorityConfirmed,
      appointmentAt: latest.appointmentAt,
    });
  }
}
