/**
 * The queue server announces itself on the LAN (mDNS / DNS-SD) so kiosks, boards and desks
 * find it without anyone typing an address. Announcing is best effort: a network without
 * multicast only means the screens need the URL in their settings.
 */
import { Bonjour } from 'bonjour-service';
import { PROTOCOL_VERSION, SERVICE_TYPE, type ServiceTxt } from './service';

export interface AdvertiseOptions {
  readonly port: number;
  readonly tls: boolean;
  /** Stable per server (e.g. from its database); lets a screen stick to one centre. */
  readonly serverId: string;
  /** The fingerprint of the server's identity key, so a paired screen skips other servers. */
  readonly fingerprint?: string;
  /** Human-readable instance name, unique on the LAN; defaults to one built from the id. */
  readonly name?: string;
  /** Told about network errors (a busy port 5353, no multicast) instead of crashing the server. */
  readonly onError?: (error: Error) => void;
}

const STOP_TIMEOUT_MS = 1_000;

export interface Advertisement {
  stop(): Promise<void>;
}

export const advertiseServer = (options: AdvertiseOptions): Advertisement => {
  const bonjour = new Bonjour({}, (error: Error) => options.onError?.(error));
  const txt: ServiceTxt = {
    v: PROTOCOL_VERSION,
    tls: options.tls ? '1' : '0',
    id: options.serverId,
    ...(options.fingerprint ? { fp: options.fingerprint } : {}),
  };
  const service = bonjour.publish({
    // The fingerprint in the name: a server claiming this id first cannot take the name from it.
    name:
      options.name ??
      `Queue centre ${options.serverId}${options.fingerprint ? ` ${options.fingerprint.slice(0, 8)}` : ''}`,
    type: SERVICE_TYPE,
    port: options.port,
    txt,
  });
  service.on('error', (error: Error) => options.onError?.(error));
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        let finished = false;
        const finish = (): void => {
          if (finished) return;
          finished = true;
          clearTimeout(giveUp);
          bonjour.destroy(() => resolve());
        };
        // Without a network the goodbye may never be sent: never hold a shutdown for it.
        const giveUp = setTimeout(finish, STOP_TIMEOUT_MS);
        // Sends the goodbye packets so screens forget this server at once.
        bonjour.unpublishAll(finish);
      })),
  };
};
