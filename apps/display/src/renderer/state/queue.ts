/**
 * The board's link to the queue server, made once for the page with the device token from
 * the address (or the one saved earlier). The client reconnects by itself and resyncs; only
 * calls new to this page reach `onNewCalls`, so nothing old is announced after a reconnect,
 * a server restart or a reload.
 */
import { type QueueStoreState, createQueueStore, initialSyncState } from '@queue/client';
import type { CallView } from '@queue/protocol';
import { takeDeviceToken } from '@queue/ui';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { takeBoardId } from './board-id';
import { followBoard, showNewCalls } from './controller';
import { DEVICE_KEY } from './device-key';

export { DEVICE_KEY };

const token = takeDeviceToken(DEVICE_KEY);

export const hasDevice = token !== undefined;

/** The board asked for in the address or saved earlier; the centre's first board otherwise. */
export const boardId = takeBoardId();

const onNewCalls = (calls: readonly CallView[]): void =>
  showNewCalls(calls, queueStore.getState().sync, boardId);

export const queueStore = token
  ? createQueueStore({ token, onNewCalls })
  : createStore<QueueStoreState>(() => ({ status: 'unauthorised', sync: initialSyncState }));

followBoard(queueStore, boardId);

export const useQueue = <T>(selector: (state: QueueStoreState) => T): T => useStore(queueStore, selector);
