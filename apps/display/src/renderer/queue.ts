/**
 * The board's link to the queue server, made once for the page with the device token from
 * the address (or the one saved earlier). Every new call is announced and highlighted.
 */
import { type QueueStoreState, createQueueStore, initialSyncState } from '@queue/client';
import type { CallView } from '@queue/protocol';
import { takeDeviceToken } from '@queue/ui';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { announce } from './announce';
import { highlight } from './highlight';

const token = takeDeviceToken('queue.display.device');

export const hasDevice = token !== undefined;

const onNewCalls = (calls: readonly CallView[]): void => {
  for (const call of calls) announce(call);
  const newest = calls.at(-1);
  if (newest) highlight(newest.seq);
};

export const queueStore = token
  ? createQueueStore({ token, onNewCalls })
  : createStore<QueueStoreState>(() => ({ status: 'unauthorised', sync: initialSyncState }));

export const useQueue = <T>(selector: (state: QueueStoreState) => T): T => useStore(queueStore, selector);
