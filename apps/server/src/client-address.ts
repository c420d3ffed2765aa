/**
 * Whose request it is, for rate limits, booking limits and the audit log. Directly, the
 * socket's peer. Behind a reverse proxy that publishes `/book` and `/t/` (QUEUE_TRUSTED_PROXIES),
 * every request would come from the proxy, so one visitor would use up everyone's limits: a
 * request from a trusted proxy is taken to come from the last address in `X-Forwarded-For`
 * that is not itself a trusted proxy. Headers from anyone else are ignored, since a client
 * can write whatever it likes there.
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

export type AddressReader = (request: IncomingMessage) => string;

/** `::ffff:10.0.0.1` → `10.0.0.1`, so one machine has one address whichever way it came. */
const plain = (address: string): string =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

/** Addresses and CIDR ranges (`10.0.0.5`, `10.0.0.0/24`, `fd00::/8`) as a list to look up in. */
export const trustedList = (entries: readonly string[]): BlockList => {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
};

/** Whether each entry is an address or a CIDR range `trustedList` can take. */
export const isAddressOrRange = (entry: string): boolean => {
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  const size = Number(bits);
  return /^\d{1,3}$/.test(bits) && size <= (family === 4 ? 32 : 128);
};

export const clientAddressReader = (trustedProxies: readonly string[]): AddressReader => {
  const trusted = trustedList(trustedProxies);
  const isTrusted = (address: string): boolean => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
  return (request) => {
    const peer = plain(request.socket.remoteAddress ?? 'unknown');
    if (trustedProxies.length === 0 || !isTrusted(peer)) return peer;
    const header = request.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((hop) => plain(hop.trim()))
      .filter((hop) => isIP(hop) !== 0);
    // From the nearest hop back: the first that is not a proxy of ours is the client.
    for (let index = hops.length - 1; index >= 0; index -= 1) {
      const hop = hops[index] ?? '';
      if (!isTrusted(hop)) return hop;
    }
    return hops[0] ?? peer;
  };
};
