/**
 * Keeps a window on its server's page: the configured URL, or the server found on the LAN.
 * While there is none, and whenever the server stops answering, the window shows the
 * bundled offline page and the shell tries again; a discovered server is looked for afresh
 * each time, since it may have come back on another address.
 *
 * Before each load the server must sign a fresh challenge. The first server a shell loads
 * is remembered (its id, key and fingerprint: the one it pairs with); from then on only that
 * server's key is accepted, on the LAN and at a configured URL alike. Another server that
 * answers is refused and the offline page says so; an administrator re-pairs the device.
 */
import type {
  DiscoveredServer,
  FindServerOptions,
  FoundServer,
  PinnedServer,
  ProveServerOptions,
  ServerProof,
} from '@queue/discovery';
import type { BrowserWindowLike } from './electron-api';
import { type OfflineState, offlinePageUrl } from './offline-page';
import { type ShellConfig, screenUrl } from './shell-config';

export type FindServer = (options: FindServerOptions) => Promise<FoundServer | undefined>;
export type ProveServer = (options: ProveServerOptions) => Promise<ServerProof>;

/** Where the shell keeps the identity of the server it is paired with. */
export interface PinnedServerStore {
  read(): PinnedServer | undefined;
  remember(server: PinnedServer): void;
}

export interface ServerConnectionOptions {
  readonly window: BrowserWindowLike;
  readonly config: ShellConfig;
  readonly findServer: FindServer;
  readonly proveServer: ProveServer;
  readonly pinned: PinnedServerStore;
  readonly discoveryTimeoutMs: number;
  readonly retryDelayMs: number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

/** Chromium's code for a load that was replaced by another one: not a failure. */
const ERR_ABORTED = -3;

const isAborted = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  ((error as { errno?: unknown }).errno === ERR_ABORTED ||
    (error as { code?: unknown }).code === 'ERR_ABORTED');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const createServerConnection = (options: ServerConnectionOptions) => {
  const { window, config } = options;
  let serverUrl = config.serverUrl;
  let connecting: Promise<void> | undefined;

  const show = (state: OfflineState): Promise<void> =>
    window.loadURL(offlinePageUrl(state)).catch(() => undefined);

  const locate = async (pinned: PinnedServer | undefined): Promise<string> => {
    if (serverUrl) return serverUrl;
    await show({ kind: 'searching' });
    for (;;) {
      let impostorShown = false;
      // A server announcing our server's id with another key: say so, and keep looking.
      const passedOver = (server: DiscoveredServer): void => {
        if (!pinned || server.serverId !== pinned.serverId || impostorShown) return;
        impostorShown = true;
        options.log('another server announces our server id', { url: server.url, serverId: server.serverId });
        void show({ kind: 'mismatch', pairedWith: pinned.serverId, serverUrl: server.url });
      };
      const found = await options.findServer({
        ...(config.serverId ? { serverId: config.serverId } : {}),
        ...(pinned ? { fingerprint: pinned.fingerprint, onPassedOver: passedOver } : {}),
        timeoutMs: options.discoveryTimeoutMs,
      });
      if (found) {
        options.log('server found', { url: found.url, source: found.source });
        return found.url;
      }
      await sleep(options.retryDelayMs);
    }
  };

  /** Whether the server at `url` may be loaded; remembers the first one that proves who it is. */
  const trust = async (
    url: string,
    pinned: PinnedServer | undefined,
  ): Promise<'yes' | 'unreachable' | 'no'> => {
    const proof = await options.proveServer({ url, ...(pinned ? { pinned } : {}) });
    if (proof.ok) {
      if (!pinned) {
        options.pinned.remember(proof.server);
        options.log('server identity remembered', {
          serverId: proof.server.serverId,
          fingerprint: proof.server.fingerprint,
        });
      }
      return 'yes';
    }
    if (proof.reason === 'unreachable') return 'unreachable';
    if (!pinned) {
      // A server without an identity key (an older one): attach as before, but pin nothing.
      options.log('server proves no identity; nothing remembered', { url });
      return 'yes';
    }
    options.log('a different server answered; refused', {
      url,
      pairedWith: pinned.serverId,
      fingerprint: pinned.fingerprint,
      ...(proof.serverId ? { answeredAs: proof.serverId } : {}),
      reason: proof.reason,
    });
    await show({ kind: 'mismatch', pairedWith: pinned.serverId, serverUrl: url });
    return 'no';
  };

  const attempt = async (): Promise<void> => {
    for (;;) {
      const pinned = options.pinned.read();
      serverUrl = await locate(pinned);
      const trusted = await trust(serverUrl, pinned);
      if (trusted === 'yes') {
        try {
          await window.loadURL(screenUrl(config, serverUrl));
          return;
        } catch (error) {
          // The page itself went elsewhere while loading (a redirect of its own): it loaded.
          if (isAborted(error)) return;
          options.log('server page did not load', { url: serverUrl, error: String(error) });
        }
      }
      if (trusted !== 'no') await show({ kind: 'unreachable', serverUrl });
      if (!config.serverUrl) serverUrl = undefined;
      await sleep(options.retryDelayMs);
    }
  };

  /** Load the server's page, or keep trying; one attempt at a time. */
  const connect = (): Promise<void> => {
    connecting ??= attempt().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  // A later load of the server's page failing (the page reloading while the server is down).
  window.webContents.on('did-fail-load', (_event, errorCode, _description, _url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED || connecting) return;
    void connect();
  });

  return {
    connect,
    /** The server the window shows, once known. */
    serverUrl: (): string | undefined => serverUrl,
  };
};
