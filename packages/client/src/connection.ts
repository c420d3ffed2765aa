/**
 * A typed socket.io connection that keeps a `SyncState` current. On every (re)connect it
 * asks for the events it missed (or a snapshot), buffering live events until that answer
 * arrives, so a screen never misses or replays a call.
 */
import type {
  Ack,
  CallView,
  ClientToServerEvents,
  PublicSummary,
  SequencedEvent,
  ServerToClientEvents,
  Snapshot,
  SyncAnswer,
} from '@queue/protocol';
import { type ManagerOptions, type Socket, type SocketOptions, io } from 'socket.io-client';
import {
  type SyncState,
  applyAlert,
  applyCentre,
  applyEvents,
  applySnapshot,
  applyChangeToSummary,
  applySummary,
  initialSyncState,
} from './sync-state';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorised';

export type QueueSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectionOptions {
  /** Server origin; the page's own when omitted. */
  readonly url?: string;
  readonly token: string;
  readonly onState: (state: SyncState) => void;
  readonly onStatus: (status: ConnectionStatus) => void;
  /** Calls that are new to this client: announce them. Never called for old calls. */
  readonly onNewCalls?: (calls: readonly CallView[]) => void;
  /** Time to wait for an answer before treating the connection as broken. */
  readonly timeoutMs?: number;
}

export interface QueueConnection {
  readonly socket: QueueSocket;
  /** Send a command and wait for its answer; a network failure answers `ok: false`. */
  request<E extends keyof ClientToServerEvents>(
    event: E,
    payload: Parameters<ClientToServerEvents[E]>[0],
  ): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]>;
  close(): void;
}

/**
 * Straight to a WebSocket: no HTTP long-polling first and no upgrade afterwards, which saves
 * round trips and a polling request on the kiosks' cheap touch PCs. Where a WebSocket cannot
 * open (a proxy that does not pass it), the same attempt falls back to long-polling; every
 * reconnection tries the WebSocket first again. The server checks Origin and Host on both.
 */
export const SOCKET_TRANSPORTS = {
  transports: ['websocket', 'polling'],
  tryAllTransports: true,
} as const satisfies Partial<ManagerOptions & SocketOptions>;

export const connectQueue = (options: ConnectionOptions): QueueConnection => {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const socketOptions = {
    ...SOCKET_TRANSPORTS,
    transports: [...SOCKET_TRANSPORTS.transports],
    auth: { token: options.token },
    reconnectionDelayMax: 5_000,
  };
  const socket: QueueSocket = options.url ? io(options.url, socketOptions) : io(socketOptions);
  let state: SyncState = initialSyncState;
  let syncing = true;
  let buffered: SequencedEvent[] = [];

  const publish = (next: SyncState): void => {
    state = next;
    options.onState(state);
  };

  const applyLive = (events: readonly SequencedEvent[]): void => {
    const { state: next, newCalls } = applyEvents(state, events);
    publish(next);
    if (newCalls.length > 0) options.onNewCalls?.(newCalls);
  };

  const resync = async (): Promise<void> => {
    syncing = true;
    buffered = [];
    try {
      const answer = state.epoch
        ? ((await socket
            .timeout(timeoutMs)
            .emitWithAck('sync:since', { epoch: state.epoch, seq: state.seq })) as Ack<SyncAnswer>)
        : ((await socket.timeout(timeoutMs).emitWithAck('sync:snapshot', {})) as Ack<Snapshot>);
      if (!answer.ok) throw new Error(answer.error.message);
      const data = answer.data;
      if ('kind' in data && data.kind === 'events') {
        // The summary the server's next changes apply to, whatever the client held before.
        publish({ ...state, summary: data.summary });
        applyLive(data.events);
      } else {
        const snapshot = 'kind' in data ? data.snapshot : data;
        // A snapshot is the state as it is; calls in it are not announced again.
        publish(applySnapshot(snapshot, Date.now()));
      }
      syncing = false;
      applyLive(buffered.filter((event) => event.seq > state.seq));
      buffered = [];
      options.onStatus('online');
    } catch {
      // The answer did not come: drop the link so the reconnect logic tries again.
      socket.disconnect().connect();
    }
  };

  socket.on('connect', () => {
    void resync();
  });
  socket.on('disconnect', (reason) => {
    syncing = true;
    options.onStatus('offline');
    // The server dropped us on purpose (a logout, a revoked device, an expired session). It does
    // not reconnect by itself: try once, so that a refusal shows as 'unauthorised'.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error) => {
    options.onStatus(error.message === 'UNAUTHENTICATED' ? 'unauthorised' : 'offline');
  });
  socket.on('queue:event', (event) => {
    if (syncing) buffered.push(event);
    else applyLive([event]);
  });
  socket.on('queue:summary', (summary: PublicSummary) => publish(applySummary(state, summary)));
  socket.on('queue:summary-change', (change) => publish(applyChangeToSummary(state, change)));
  socket.on('centre:updated', (centre) => publish(applyCentre(state, centre)));
  socket.on('device:alert', (change) => publish(applyAlert(state, change)));
  options.onStatus('connecting');

  return {
    socket,
    request: async (event, payload) => {
      if (!socket.connected) {
        return { ok: false, error: { code: 'INTERNAL', message: 'offline' } } as never;
      }
      try {
        const emitter = socket.timeout(timeoutMs) as unknown as {
          emitWithAck(name: string, body: unknown): Promise<unknown>;
        };
        return (await emitter.emitWithAck(event, payload)) as never;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'timeout' } } as never;
      }
    },
    close: () => {
      socket.removeAllListeners();
      socket.close();
    },
  };
};
