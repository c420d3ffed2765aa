/**
 * The live view pushed as server-sent events: `event: live` with the whole view as JSON, once
 * on connecting, then after changes at most every `throttleMs`, and every `refreshMs` anyway
 * (waits grow and centres open and close without events). EventSource reconnects by itself;
 * a comment line every 15 s keeps proxies from closing an idle stream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CityLive } from './city-live';

export interface LiveStreamOptions {
  readonly throttleMs?: number;
  readonly refreshMs?: number;
}

export const serveLiveStream = (
  live: CityLive,
  request: IncomingMessage,
  response: ServerResponse,
  { throttleMs = 500, refreshMs = 30_000 }: LiveStreamOptions = {},
): void => {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let pending: ReturnType<typeof setTimeout> | undefined;
  let lastSent = 0;
  const send = (): void => {
    pending = undefined;
    lastSent = Date.now();
    response.write(`event: live\ndata: ${JSON.stringify(live.view())}\n\n`);
  };
  const soon = (): void => {
    if (pending) return;
    pending = setTimeout(send, Math.max(0, lastSent + throttleMs - Date.now()));
  };
  response.write('retry: 3000\n\n');
  send();
  const unsubscribe = live.onChange(soon);
  const refresh = setInterval(send, refreshMs);
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
  const stopListening = live.onStop(() => response.end());
  const close = (): void => {
    stopListening();
    unsubscribe();
    clearInterval(refresh);
    clearInterval(keepAlive);
    if (pending) clearTimeout(pending);
  };
  request.once('close', close);
  response.once('close', close);
};
