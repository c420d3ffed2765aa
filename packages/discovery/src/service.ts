/**
 * What the queue server announces on the LAN and how a screen turns an answer into the URL
 * it loads. Pure: no sockets here, so the rules are tested without a network.
 */
import { z } from 'zod';
import { fingerprintSchema } from './identity';

/** DNS-SD service type: `_queue-centre._tcp.local`. */
export const SERVICE_TYPE = 'queue-centre';

/** Bumped when a shell could no longer talk to a server that announces the old version. */
export const PROTOCOL_VERSION = '1';

/**
 * The TXT record: protocol version, whether the server speaks HTTPS, which server it is, and
 * its key's fingerprint (absent from servers older than identity keys).
 */
export const serviceTxtSchema = z.object({
  v: z.string().max(8),
  tls: z.enum(['0', '1']),
  id: z.string().min(1).max(64),
  fp: fingerprintSchema.optional(),
});
export type ServiceTxt = z.infer<typeof serviceTxtSchema>;

/** The parts of an mDNS answer the shells look at. */
export interface ServiceAnswer {
  readonly port: number;
  readonly addresses?: readonly string[];
  readonly referer?: { readonly address: string };
  readonly txt?: unknown;
}

export interface DiscoveredServer {
  readonly url: string;
  readonly serverId: string;
  /** What the server announces; only its signature over a challenge proves it. */
  readonly fingerprint?: string;
}

const isIpv4 = (address: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(address);

/**
 * The URL of an answering server, or undefined when the answer is of another protocol
 * version, malformed, or (when `serverId` is given) from another centre's server. An IPv4
 * address is preferred to the `.local` name: Windows machines often cannot resolve those.
 */
export const serverFromAnswer = (answer: ServiceAnswer, serverId?: string): DiscoveredServer | undefined => {
  const txt = serviceTxtSchema.safeParse(answer.txt);
  if (!txt.success || txt.data.v !== PROTOCOL_VERSION) return undefined;
  if (serverId !== undefined && txt.data.id !== serverId) return undefined;
  if (!Number.isInteger(answer.port) || answer.port <= 0 || answer.port > 65_535) return undefined;
  const address = answer.addresses?.find(isIpv4) ?? answer.referer?.address;
  if (!address) return undefined;
  const host = isIpv4(address) ? address : `[${address}]`;
  const scheme = txt.data.tls === '1' ? 'https' : 'http';
  return {
    url: `${scheme}://${host}:${answer.port}`,
    serverId: txt.data.id,
    ...(txt.data.fp ? { fingerprint: txt.data.fp } : {}),
  };
};
