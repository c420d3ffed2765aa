/**
 * How a shell finds its queue server: a URL in its settings always wins; otherwise it asks
 * the LAN (mDNS) and takes the first server of the right protocol version (and, for a paired
 * screen, of its server's key fingerprint) that answers.
 */
import { Bonjour } from 'bonjour-service';
import { type DiscoveredServer, SERVICE_TYPE, serverFromAnswer } from './service';

export interface FindServerOptions {
  /** From the machine's settings; when present no one is asked. */
  readonly configuredUrl?: string;
  /** Only accept the server with this id (two centres on one LAN). */
  readonly serverId?: string;
  /** A paired screen's server: answers announcing another key are passed over. */
  readonly fingerprint?: string;
  /** Told about each answer passed over for its fingerprint (another server, or an impostor). */
  readonly onPassedOver?: (server: DiscoveredServer) => void;
  readonly timeoutMs: number;
}

export type FoundServer =
  { readonly source: 'configured'; readonly url: string } | ({ readonly source: 'mdns' } & DiscoveredServer);

/** Resolves to undefined when nothing answered in time; never rejects. */
export const findServer = async (options: FindServerOptions): Promise<FoundServer | undefined> => {
  if (options.configuredUrl) return { source: 'configured', url: options.configuredUrl.replace(/\/+$/, '') };
  return new Promise((resolve) => {
    // A network error (no multicast route) is the same as no answer: the caller retries.
    const bonjour = new Bonjour({}, () => undefined);
    let settled = false;
    const finish = (found: FoundServer | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      browser.stop();
      bonjour.destroy();
      resolve(found);
    };
    const timer = setTimeout(() => finish(undefined), options.timeoutMs);
    const browser = bonjour.find({ type: SERVICE_TYPE }, (service) => {
      const server = serverFromAnswer(service, options.serverId);
      if (!server) return;
      if (options.fingerprint !== undefined && server.fingerprint !== options.fingerprint) {
        options.onPassedOver?.(server);
        return;
      }
      finish({ source: 'mdns', ...server });
    });
  });
};
