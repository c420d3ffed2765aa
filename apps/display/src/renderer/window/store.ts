/**
 * The window display's link to the queue server: a display device, like the hall board, so
 * one pairing (or the demo token in the address) serves both. It reads the same public view
 * the board gets; a new call to this desk blinks. The client reconnects and resyncs by itself.
 */
import { type QueueStoreState, createQueueStore, initialSyncState } from '@queue/client';
import { type CallView, type DeskWindowView, deskWindow, findWindowDesk } from '@queue/protocol';
import { setLanguage, takeDeviceToken } from '@queue/ui';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { DEVICE_KEY } from '../state/device-key';
import { highlight } from '../state/highlight';
import { takeDeskKey, takeLanguage } from './address';

const token = takeDeviceToken(DEVICE_KEY);

export const hasDevice = token !== undefined;

/** The desk asked for in the address (or saved earlier); undefined when none was. */
export const deskKey = takeDeskKey();

setLanguage(takeLanguage());

const onNewCalls = (calls: readonly CallView[]): void => {
  const desk = findWindowDesk(windowStore.getState().sync.centre, deskKey);
  const newest = calls.filter((call) => call.deskId === desk?.id).at(-1);
  if (newest) highlight(newest.seq);
};

export const windowStore = token
  ? createQueueStore({ token, onNewCalls })
  : createStore<QueueStoreState>(() => ({ status: 'unauthorised', sync: initialSyncState }));

export const useWindowQueue = <T>(selector: (state: QueueStoreState) => T): T =>
  useStore(windowStore, selector);

/** What the display shows now: worked out again only when the centre, the summary or the calls change. */
export const useDeskWindow = (): DeskWindowView => {
  const centre = useWindowQueue((state) => state.sync.centre);
  const summary = useWindowQueue((state) => state.sync.summary);
  const calls = useWindowQueue((state) => state.sync.calls);
  return useMemo(() => deskWindow(centre, summary, calls, deskKey), [centre, summary, calls]);
};
