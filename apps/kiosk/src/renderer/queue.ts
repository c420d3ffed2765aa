/**
 * The kiosk's link to the queue server, made once for the page with the device token from
 * the address (or the one saved earlier, or from pairing). Without a token there is no link, and
 * the kiosk shows its pairing screen.
 */
import { type QueueStoreState, createQueueStore, initialSyncState } from '@queue/client';
import { takeDeviceToken } from '@queue/ui';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export const DEVICE_KEY = 'queue.kiosk.device';

const token = takeDeviceToken(DEVICE_KEY);

export const hasDevice = token !== undefined;

export const queueStore = token
  ? createQueueStore({ token })
  : createStore<QueueStoreState>(() => ({ status: 'unauthorised', sync: initialSyncState }));

export const useQueue = <T>(selector: (state: QueueStoreState) => T): T => useStore(queueStore, selector);
