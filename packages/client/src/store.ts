/**
 * A zustand store factory over a queue connection, shared by the kiosk, the board and the
 * desk: the synced state, the connection status, and `request` for commands.
 */
import type { CallView } from '@queue/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type ConnectionStatus, type QueueConnection, connectQueue } from './connection';
import { type SyncState, initialSyncState } from './sync-state';

export interface QueueStoreState {
  readonly status: ConnectionStatus;
  readonly sync: SyncState;
  readonly connection?: QueueConnection;
}

export interface QueueStoreOptions {
  readonly url?: string;
  readonly token: string;
  readonly onNewCalls?: (calls: readonly CallView[]) => void;
}

export const createQueueStore = (options: QueueStoreOptions): StoreApi<QueueStoreState> => {
  const store = createStore<QueueStoreState>(() => ({ status: 'connecting', sync: initialSyncState }));
  const connection = connectQueue({
    ...(options.url ? { url: options.url } : {}),
    token: options.token,
    onState: (sync) => store.setState({ sync }),
    onStatus: (status) => store.setState({ status }),
    ...(options.onNewCalls ? { onNewCalls: options.onNewCalls } : {}),
  });
  store.setState({ connection });
  return store;
};
