/**
 * `on` for handlers that wait on something outside the process (a printer): the same
 * validation and `{ ok: false, error }` answers, with the handler's promise awaited. And
 * `InFlight`, which runs one request id once at a time: a retry that arrives while the
 * first attempt is still talking to the printer gets that attempt's answer.
 */
import type { Ack, ClientEventName, Principal } from '@queue/protocol';
import type { z } from 'zod';
import { internalError } from '../queue-service';
import { type HandlerContext, type QueueSocket, auditForbidden, refuse } from './handler';

export const onAsync = <S extends z.ZodType, T>(
  socket: QueueSocket,
  context: HandlerContext,
  name: ClientEventName,
  schema: S,
  run: (payload: z.infer<S>, principal: Principal) => Promise<Ack<T>>,
): void => {
  (socket as unknown as { on(name: string, listener: (...args: unknown[]) => void): void }).on(
    name,
    (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (answer: Ack<T>) => void) : undefined;
      const answer = (async (): Promise<Ack<T>> => {
        const parsed = schema.safeParse(args.length > 1 || !ack ? args[0] : undefined);
        if (!parsed.success) {
          const issues = parsed.error.issues.slice(0, 5).map((issue) => issue.message);
          return refuse('BAD_REQUEST', `Invalid ${name}: ${issues.join('; ')}`);
        }
        return run(parsed.data, socket.data.principal);
      })().catch((error: unknown): Ack<T> => {
        context.logger.error('handler failed', { event: name, error });
        return { ok: false, error: internalError };
      });
      void answer.then((settled) => {
        if (!settled.ok && settled.error.code !== 'BAD_REQUEST') {
          context.logger.debug('refused', { event: name, code: settled.error.code });
        }
        auditForbidden(socket, context, name, settled);
        ack?.(settled);
      });
    },
  );
};

export class InFlight {
  private readonly running = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current) return current as Promise<T>;
    const started = work().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
