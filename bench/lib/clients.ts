/**
 * Socket.io clients as the real front ends make them (websocket transport, no automatic
 * reconnection in a benchmark), staff login over HTTP, and an acknowledged emit as a promise.
 */
import type { Ack, ClientToServerEvents, LoginAnswer, ServerToClientEvents } from '@queue/protocol';
import { type Socket, io } from 'socket.io-client';

export type QueueClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export const KIOSK_TOKEN = 'demo-kiosk-1-token-change-me';
export const DISPLAY_TOKEN = 'demo-display-1-token-change-me';

export const connect = (url: string, token?: string): Promise<QueueClient> =>
  new Promise((resolve, reject) => {
    const socket: QueueClient = io(url, {
      auth: token ? { token } : {},
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });

/** Log in as the demo administrator bound to a desk; returns the session token. */
export const loginAt = async (url: string, deskId: string): Promise<string> => {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', secret: 'admin', deskId }),
  });
  const body = (await response.json()) as Ack<LoginAnswer>;
  if (!body.ok) throw new Error(`login at ${deskId} refused: ${body.error.code}`);
  return body.data.token;
};

/** Emit an event and resolve with its acknowledgement (any event, any payload). */
export const request = <T>(
  socket: { emit(...args: unknown[]): unknown },
  event: string,
  payload: unknown,
): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${event}: no answer in 30 s`)), 30_000);
    socket.emit(event, payload, (answer: T) => {
      clearTimeout(timer);
      resolve(answer);
    });
  });

let counter = 0;
/** A request id within the protocol's 8-64 characters of [A-Za-z0-9_-]. */
export const requestId = (tag: string): string => {
  counter += 1;
  return `${tag}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
};

/** Exponential gap with the given mean, for Poisson arrivals of calls and tickets. */
export const exponentialGap = (meanMs: number): number => -meanMs * Math.log(1 - Math.random());
