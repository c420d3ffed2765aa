/**
 * Which browser pages may open a socket: a page served by this server (its Origin names the
 * host the request was sent to), or one on the configured allow-list (QUEUE_ALLOWED_ORIGINS).
 * A page on another site cannot connect even if it somehow holds a token. Clients that are not
 * browsers send no Origin header and are let through: they still need a token.
 *
 * Against DNS rebinding (a foreign name made to resolve to this server, so that Origin and
 * Host agree), every request's Host must also be one of the server's own: an IP address,
 * `localhost`, the machine's name (and its `.local` mDNS name), an allow-listed origin's host,
 * or a name in QUEUE_ALLOWED_HOSTS (a reverse proxy's public name, say).
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

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

/** The host name of a Host header, lower-cased, without its port or IPv6 brackets. */
const hostNameOf = (host: string): string => {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith('[')) {
    const end = trimmed.indexOf(']');
    return end > 0 ? trimmed.slice(1, end) : trimmed;
  }
  // One colon is a port; several are a bare IPv6 address.
  const colon = trimmed.lastIndexOf(':');
  return colon >= 0 && trimmed.indexOf(':') === colon ? trimmed.slice(0, colon) : trimmed;
};

/** The names a request may be addressed to; IP addresses and localhost are always fine. */
export const ownHostNames = (
  machineName: string,
  extra: readonly string[],
  allowedOrigins: readonly string[],
): string[] => {
  const machine = machineName.toLowerCase();
  const names = [machine, `${machine}.local`, ...extra.map((name) => name.trim().toLowerCase())];
  for (const origin of allowedOrigins) names.push(new URL(origin).hostname.toLowerCase());
  return [...new Set(names.filter((name) => name.length > 0).map((name) => name.replace(/\.$/, '')))];
};

/**
 * Whether a request's Host names this server. No Host (HTTP/1.0, tools) passes: the check
 * is against browsers tricked by DNS, which always send one.
 */
export const hostAllowed = (host: string | undefined, ownNames: readonly string[]): boolean => {
  if (host === undefined) return true;
  const name = hostNameOf(host).replace(/\.$/, '');
  if (isIP(name) !== 0) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return ownNames.includes(name);
};

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

export type OriginRefusal = (reason: 'origin' | 'host', value: string, address: string | undefined) => void;

/** socket.io's `allowRequest`: checked on every handshake, polling and WebSocket alike. */
export const allowRequestFor =
  (allowed: readonly string[], ownNames: readonly string[], onRefused: OriginRefusal) =>
  (
    request: IncomingMessage,
    callback: (error: string | null | undefined, success: boolean) => void,
  ): void => {
    const { origin, host } = request.headers;
    if (!hostAllowed(host, ownNames)) {
      onRefused('host', String(host).slice(0, MAX_ORIGIN), request.socket.remoteAddress);
      return callback('host not allowed', false);
    }
    if (originAllowed(origin, host, allowed)) return callback(null, true);
    onRefused('origin', String(origin).slice(0, MAX_ORIGIN), request.socket.remoteAddress);
    callback('origin not allowed', false);
  };
