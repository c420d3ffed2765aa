/**
 * Sends commands one at a time. The in-flight flag is a ref, checked before React
 * re-renders, so a double click or a held key never sends a command twice. When an answer
 * does not come (the link dropped), the same request id is kept for a retry of the same
 * command, so the server carries it out at most once even if the first one got through.
 */
import { type QueueConnection, newRequestId } from '@queue/client';
import type { Ack, ClientToServerEvents } from '@queue/protocol';
import { useCallback, useRef, useState } from 'react';
import { isTransportFailure, requestIdFor, retryKey } from '../logic/retry';

type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type Answer<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Commands that change something and so carry a request id. */
export type MutationEvent = {
  [E in keyof ClientToServerEvents]: Payload<E> extends { requestId: string } ? E : never;
}[keyof ClientToServerEvents];

export type CommandPayload<E extends MutationEvent> = Omit<Payload<E>, 'requestId'>;

/** Refusal codes of the server, plus OFFLINE when no answer came. */
export const OFFLINE = 'OFFLINE';

export interface Commands {
  /** The command in flight, if any. */
  readonly pending?: MutationEvent;
  /** The code of the last refusal, until the next command. */
  readonly refusal?: string;
  /** Connected, synced and nothing in flight. */
  readonly ready: boolean;
  send<E extends MutationEvent>(event: E, payload: CommandPayload<E>): Promise<Answer<E> | undefined>;
  clearRefusal(): void;
}

export const useCommands = (connection: QueueConnection | undefined, online: boolean): Commands => {
  const inFlight = useRef(false);
  const retryIds = useRef(new Map<string, string>());
  const [pending, setPending] = useState<MutationEvent>();
  const [refusal, setRefusal] = useState<string>();

  const send = useCallback(
    async <E extends MutationEvent>(event: E, payload: CommandPayload<E>): Promise<Answer<E> | undefined> => {
      if (inFlight.current || !connection || !online) return undefined;
      inFlight.current = true;
      setPending(event);
      setRefusal(undefined);
      const key = retryKey(event, payload);
      const requestId = requestIdFor(retryIds.current, key, newRequestId);
      retryIds.current.set(key, requestId);
      try {
        const request = connection.request as (name: E, body: unknown) => Promise<Ack<unknown>>;
        const answer = await request(event, { ...payload, requestId });
        if (isTransportFailure(answer)) setRefusal(OFFLINE);
        else {
          retryIds.current.delete(key);
          if (!answer.ok) setRefusal(answer.error.code);
        }
        return answer as Answer<E>;
      } finally {
        inFlight.current = false;
        setPending(undefined);
      }
    },
    [connection, online],
  );

  const clearRefusal = useCallback(() => setRefusal(undefined), []);

  return {
    ...(pending ? { pending } : {}),
    ...(refusal ? { refusal } : {}),
    ready: online && connection !== undefined && pending === undefined,
    send,
    clearRefusal,
  };
};
