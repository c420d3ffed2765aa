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
import { deskTickets, servingDesks } from './desk-tickets';
import type { Logger } from './logger';

export interface Clock {
  now(): Instant;
}

export type Listener = (events: readonly StoredEvent[]) => void;

interface Pending {
  readonly command: QueueCommand;
  readonly answerOf: (state: QueueState, events: readonly QueueEvent[]) => unknown;
  readonly idempotency?: { principal: string; requestId: string };
  readonly resolve: (answer: Ack<unknown>) => void;
}

export class QueueService {
  private current: QueueState;
  private readonly listeners = new Set<Listener>();
  /** Commands waiting for the next group commit (see `executeGrouped`). */
  private group: Pending[] = [];

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
    let answer: Ack<unknown> = { ok: false, error: internalError };
    this.runTogether([
      {
        command,
        answerOf,
        ...(idempotency ? { idempotency } : {}),
        resolve: (given) => {
          answer = given;
        },
      },
    ]);
    return answer as Ack<T>;
  }

  /**
   * Carry out a command together with the others that arrive before the event loop's next
   * turn, in one transaction: the kiosks at a busy hour then share one durable write instead
   * of each waiting for its own. Each is decided on the state its predecessors in the group
   * left; every answer goes out only after the group's commit, and if it fails none of them
   * has happened.
   */
  executeGrouped<T>(
    command: QueueCommand,
    answerOf: (state: QueueState, events: readonly QueueEvent[]) => T,
    idempotency?: { principal: string; requestId: string },
  ): Promise<Ack<T>> {
    return new Promise((resolve) => {
      this.group.push({
        command,
        answerOf,
        ...(idempotency ? { idempotency } : {}),
        resolve: resolve as (answer: Ack<unknown>) => void,
      });
      if (this.group.length === 1) setImmediate(() => this.commitGroup());
    });
  }

  private commitGroup(): void {
    const group = this.group;
    this.group = [];
    this.runTogether(group);
  }

  /**
   * Decide each command on the state its predecessors left, commit all that were accepted in
   * one transaction, then answer each; a retry (by request id, stored or earlier in the same
   * run) gets the first answer. The one path for a single command and for a group.
   */
  private runTogether(group: readonly Pending[]): void {
    let state = this.current;
    const accepted: { pending: Pending; events: readonly QueueEvent[]; answer: Ack<unknown> }[] = [];
    const answered = new Map<string, Ack<unknown>>();
    for (const pending of group) {
      const key = pending.idempotency && `${pending.idempotency.principal} ${pending.idempotency.requestId}`;
      const previous =
        (key !== undefined ? answered.get(key) : undefined) ??
        (pending.idempotency
          ? (this.store.answerFor(pending.idempotency.principal, pending.idempotency.requestId) as
              Ack<unknown> | undefined)
          : undefined);
      if (previous !== undefined) {
        pending.resolve(previous);
        continue;
      }
      const decision = decide(this.centreConfig, state, pending.command);
      if (!decision.ok) {
        pending.resolve({ ok: false, error: decision.error });
        continue;
      }
      state = evolveAll(state, decision.value);
      const answer: Ack<unknown> = { ok: true, data: pending.answerOf(state, decision.value) };
      if (key !== undefined) answered.set(key, answer);
      accepted.push({ pending, events: decision.value, answer });
    }
    if (accepted.length === 0) return;
    let stored: StoredEvent[][];
    try {
      stored = this.store.commitBatch(
        accepted.map(({ pending, events, answer }) => ({
          events,
          ...(pending.idempotency ? { answer: { ...pending.idempotency, answer } } : {}),
        })),
        state,
      );
    } catch (error) {
      this.logger.error('commit failed', {
        commands: accepted.map(({ pending }) => pending.command.type),
        error,
      });
      for (const { pending } of accepted) pending.resolve({ ok: false, error: internalError });
      return;
    }
    this.current = state;
    const all = stored.flat();
    if (all.length > 0) {
      this.logger.info('events', {
        types: all.map((entry) => entry.event.type),
        seq: all.at(-1)?.seq,
        commands: accepted.length,
      });
      for (const listener of this.listeners) listener(all);
    }
    for (const { pending, answer } of accepted) pending.resolve(answer);
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
      deskTickets: deskTickets(this.current),
      servingDesks: servingDesks(this.current),
      seq: this.store.lastSeq(),
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
