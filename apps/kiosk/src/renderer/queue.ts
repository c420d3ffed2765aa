/**
 * The kiosk's link to the queue server, made once for the page with the device token from
 * the address (or the one saved earlier). Without a token there is no link, and the screen
 * says the kiosk is not paired.
 */
import { type QueueStoreState, createQueueStore, initialSyncState } from '@queue/client';
import { takeDeviceToken } from '@queue/ui';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

const token = takeDeviceToken('queue.kiosk.device');

export const hasDevice = token !== undefined;

export const queueStore = token
  ? createQueueStore({ token })
  : createStore<QueueStoreState>(() => ({ status: 'unauthorised', sync: initialSyncState }));

export const useQueue = <T>(selector: (state: QueueStoreState) => T): T => useStore(queueStore, selector);
