/**
 * Which browser pages may open a socket: a page served by this server (its Origin names the
 * host the request was sent to), or one on the configured allow-list (QUEUE_ALLOWED_ORIGINS).
 * A page on another site cannot connect even if it somehow holds a token. Clients that are not
 * browsers send no Origin header and are let through: they still need a token.
 */
import type { IncomingMessage } from 'node:http';

const MAX_ORIGIN = 200;

/** `https://Host:443/` → `https://host`: the form browsers send, for comparing allow-list entries. */
export const normalizeOrigin = (origin: string): string | undefined => {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
};

export const parseAllowedOrigins = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const origin = normalizeOrigin(entry);
      if (!origin) throw new Error(`QUEUE_ALLOWED_ORIGINS: not an http(s) origin: ${entry}`);
      return origin;
    });

export const originAllowed = (
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean => {
  if (origin === undefined) return true;
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  if (allowed.includes(normalized)) return true;
  return host !== undefined && new URL(normalized).host === host.toLowerCase();
};

export type OriginRefusal = (origin: string, address: string | undefined) => void;

/** socket.io's `allowRequest`: checked on every handshake, polling and WebSocket alike. */
export const allowRequestFor =
  (allowed: readonly string[], onRefused: OriginRefusal) =>
  (
    request: IncomingMessage,
    callback: (error: string | null | undefined, success: boolean) => void,
  ): void => {
    const { origin, host } = request.headers;
    if (originAllowed(origin, host, allowed)) return callback(null, true);
    onRefused(String(origin).slice(0, MAX_ORIGIN), request.socket.remoteAddress);
    callback('origin not allowed', false);
  };
