/**
 * `on`: the one way a socket event is registered. The event's rule comes from the contract
 * table (`CLIENT_EVENTS` in @queue/protocol): clients whose roles may not send it are
 * refused (and audited), payloads that fail its schema are refused with what was wrong, and
 * the handler, plain or async, runs with the typed payload. Whatever it throws becomes an
 * INTERNAL answer; nothing a client sends can crash the server. A client that sends no
 * callback gets no answer, but its command is still checked and carried out or refused.
 */
import {
  type Ack,
  type AckCallback,
  CLIENT_EVENTS,
  type ClientToServerEvents,
  type Principal,
  maySend,
} from '@queue/protocol';
import type { z } from 'zod';
import { internalError } from '../queue-service';
import { describeIssues } from '@queue/http';
import { type HandlerContext, type QueueSocket, auditForbidden, refuse } from './handler';

export type ContractEvent = keyof typeof CLIENT_EVENTS;
export type PayloadOf<K extends ContractEvent> = z.infer<(typeof CLIENT_EVENTS)[K]['payload']>;
export type AnswerOf<K extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[K]>[1] extends AckCallback<infer T> ? T : never;

export type Handler<K extends ContractEvent> = (
  payload: PayloadOf<K>,
  principal: Principal,
) => Ack<AnswerOf<K>> | Promise<Ack<AnswerOf<K>>>;

const rolesOf = (principal: Principal) => (principal.kind === 'device' ? [principal.role] : principal.roles);

export const on = <K extends ContractEvent>(
  socket: QueueSocket,
  context: HandlerContext,
  name: K,
  run: Handler<K>,
): void => {
  const { payload: schema, senders } = CLIENT_EVENTS[name];
  const answer = async (args: readonly unknown[], hasAck: boolean): Promise<Ack<AnswerOf<K>>> => {
    // With a callback the payload comes first; a bare `emit(name, cb)` has none.
    const parsed = schema.safeParse(args.length > 1 || !hasAck ? args[0] : undefined);
    if (!parsed.success)
      return refuse('BAD_REQUEST', `Invalid ${name}: ${describeIssues(parsed.error, 'payload')}`);
    const principal = socket.data.principal;
    if (!maySend(senders, rolesOf(principal))) {
      return refuse('FORBIDDEN', `Your role may not send ${name}.`);
    }
    return run(parsed.data as PayloadOf<K>, principal);
  };
  // socket.io's typed `on` cannot see that the table and the interface agree; the table rules.
  (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(
    name,
    (...args: unknown[]) => {
      const last = args.at(-1);
      const ack = typeof last === 'function' ? (last as (answer: Ack<AnswerOf<K>>) => void) : undefined;
      void answer(args, ack !== undefined)
        .catch((error: unknown): Ack<AnswerOf<K>> => {
          context.logger.error('handler failed', { event: name, error });
          return { ok: false, error: internalError };
        })
        .then((settled) => {
          if (!settled.ok && settled.error.code !== 'BAD_REQUEST') {
            context.logger.debug('refused', { event: name, code: settled.error.code });
          }
          auditForbidden(socket, context, name, settled);
          ack?.(settled);
        });
    },
  );
};

/** The events whose answer is exactly `A`. */
export type EventsAnswering<A> = {
  [E in ContractEvent]: [AnswerOf<E>] extends [A] ? ([A] extends [AnswerOf<E>] ? E : never) : never;
}[ContractEvent];

/**
 * `on` for one of a family of events answered alike (the commands at a desk, staff changes
 * to bookings), registered by one generic function: `K` is checked to answer `A` where the
 * function is called, which the compiler cannot see inside it.
 */
export const onAnswering = <A, K extends EventsAnswering<A>>(
  socket: QueueSocket,
  context: HandlerContext,
  name: K,
  run: (payload: PayloadOf<K>, principal: Principal) => Ack<A> | Promise<Ack<A>>,
): void => on(socket, context, name, run as unknown as Handler<K>);
