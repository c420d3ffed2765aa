/**
 * Keeps a window on its server's page: the configured URL, or the server found on the LAN.
 * While there is none, and whenever the server stops answering, the window shows the
 * bundled offline page and the shell tries again; a discovered server is looked for afresh
 * each time, since it may have come back on another address.
 */
import type { FindServerOptions, FoundServer } from '@queue/discovery';
import type { BrowserWindowLike } from './electron-api';
import { offlinePageUrl } from './offline-page';
import { type ShellConfig, screenUrl } from './shell-config';

export type FindServer = (options: FindServerOptions) => Promise<FoundServer | undefined>;

export interface ServerConnectionOptions {
  readonly window: BrowserWindowLike;
  readonly config: ShellConfig;
  readonly findServer: FindServer;
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

  const locate = async (): Promise<string> => {
    if (serverUrl) return serverUrl;
    await window.loadURL(offlinePageUrl({ kind: 'searching' })).catch(() => undefined);
    for (;;) {
      const found = await options.findServer({
        ...(config.serverId ? { serverId: config.serverId } : {}),
        timeoutMs: options.discoveryTimeoutMs,
      });
      if (found) {
        options.log('server found', { url: found.url, source: found.source });
        return found.url;
      }
      await sleep(options.retryDelayMs);
    }
  };

  const attempt = async (): Promise<void> => {
    for (;;) {
      serverUrl = await locate();
      try {
        await window.loadURL(screenUrl(config, serverUrl));
        return;
      } catch (error) {
        // The page itself went elsewhere while loading (a redirect of its own): it loaded.
        if (isAborted(error)) return;
        options.log('server page did not load', { url: serverUrl, error: String(error) });
        await window.loadURL(offlinePageUrl({ kind: 'unreachable', serverUrl })).catch(() => undefined);
        if (!config.serverUrl) serverUrl = undefined;
        await sleep(options.retryDelayMs);
      }
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
