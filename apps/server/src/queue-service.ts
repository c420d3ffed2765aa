/**
 * The command pipeline: decide with the pure rules, commit events and read tables in one
 * transaction, then tell the clients. All commands pass through `execute` one at a time
 * (better-sqlite3 is synchronous), so two desks can never take the same visitor.
 */
import type {
  Centre,
  Instant,
  QueueCommand,
  QueueEvent,
  QueueState,
  ServiceCode,
  WaitEstimate,
} from '@queue/core';
import { decide, estimateWait, evolveAll, pendingTickets } from '@queue/core';
import type { QueueStore, StoredEvent } from '@queue/db';
import type { Ack, PublicSummary, ServiceLoad, WireError } from '@queue/protocol';
import type { Logger } from './logger';

export interface Clock {
  now(): Instant;
}

export type Listener = (events: readonly StoredEvent[]) => void;

export class QueueService {
  private current: QueueState;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly store: QueueStore,
    private centreConfig: Centre,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.current = store.loadState();
  }

  get state(): QueueState {
    return this.current;
  }

  get centre(): Centre {
    return this.centreConfig;
  }

  get epoch(): string {
    return this.store.epoch;
  }

  now(): Instant {
    return this.clock.now();
  }

  onEvents(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Carry out a command once. With a request id, a retry from the same principal gets the
   * first answer back instead of acting twice.
   */
  execute<T>(
    command: QueueCommand,
    answerOf: (state: QueueState, events: readonly QueueEvent[]) => T,
    idempotency?: { principal: string; requestId: string },
  ): Ack<T> {
    if (idempotency) {
      const previous = this.store.answerFor(idempotency.principal, idempotency.requestId);
      if (previous !== undefined) return previous as Ack<T>;
    }
    const decision = decide(this.centreConfig, this.current, command);
    if (!decision.ok) return { ok: false, error: decision.error };
    const events = decision.value;
    const after = evolveAll(this.current, events);
    const answer: Ack<T> = { ok: true, data: answerOf(after, events) };
    let stored: StoredEvent[];
    try {
      stored = this.store.commit(events, after, idempotency ? { ...idempotency, answer } : undefined);
    } catch (error) {
      this.logger.error('commit failed', { command: command.type, error });
      return { ok: false, error: internalError };
    }
    this.current = after;
    if (stored.length > 0) {
      this.logger.info('events', { types: stored.map((entry) => entry.event.type), seq: stored.at(-1)?.seq });
      for (const listener of this.listeners) listener(stored);
    }
    return answer;
  }

  /** Waiting counts, longest waits and estimates for every service, as the hall sees them. */
  summary(at: Instant = this.clock.now()): PublicSummary {
    const services: Record<string, ServiceLoad> = {};
    // Waiting or postponed: the day's pending tickets, found once per state by the rules.
    const pending = pendingTickets(this.current);
    for (const service of this.centreConfig.services) {
      const waiting = pending.filter((ticket) => ticket.serviceCode === service.code);
      const longest = waiting.reduce((max, ticket) => Math.max(max, at - ticket.queuedAt), 0);
      const code = service.code as ServiceCode;
      const estimate = estimateWait(this.centreConfig, this.current, code, at);
      // Only kiosk services are taken with a claim at the kiosk; the range is sent only if it differs.
      const forPriority = service.onKiosk
        ? estimateWait(this.centreConfig, this.current, code, at, undefined, 'priority')
        : estimate;
      services[service.code] = {
        waiting: waiting.length,
        longestWaitMinutes: Math.floor(longest / 60_000),
        estimate,
        ...(sameRange(forPriority, estimate) ? {} : { priorityEstimate: forPriority }),
      };
    }
    return {
      at,
      services,
      desks: Object.values(this.current.desks).map((desk) => ({ id: desk.id, status: desk.status })),
    };
  }

  /** Replace the configuration (already validated) without a restart. */
  reconfigure(centre: Centre): void {
    this.centreConfig = centre;
  }
}

const sameRange = (a: WaitEstimate, b: WaitEstimate): boolean =>
  a.lowMinutes === b.lowMinutes && a.highMinutes === b.highMinutes && a.closesBefore === b.closesBefore;

export const internalError: WireError = {
  code: 'INTERNAL',
  message: 'The server could not complete the request; nothing was changed.',
};
