/** One queue connection per login session, closed when the operator logs out. */
import { type QueueStoreState, createQueueStore } from '@queue/client';
import { useEffect, useState } from 'react';
import type { StoreApi } from 'zustand';

export const useQueueConnection = (token: string): StoreApi<QueueStoreState> | undefined => {
  const [store, setStore] = useState<StoreApi<QueueStoreState>>();
  useEffect(() => {
    const created = createQueueStore({ token });
    setStore(created);
    return () => created.getState().connection?.close();
  }, [token]);
  return store;
};
