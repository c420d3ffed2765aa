/**
 * The devices tab's data: requests waiting to be paired and the paired devices, fetched from
 * the server while the tab is open (every few seconds, so a new code shows up by itself),
 * and the administrator's answers, each followed by a fresh fetch.
 */
import type { QueueConnection } from '@queue/client';
import type { Ack, DeviceView, PairingRequestView } from '@queue/protocol';
import { useCallback, useEffect, useState } from 'react';

const REFRESH_MS = 3_000;

export interface DevicesData {
  readonly requests: readonly PairingRequestView[];
  readonly devices: readonly DeviceView[];
  /** The refusal code of the last answer, if it was refused. */
  readonly refusal?: string;
  readonly act: (answer: () => Promise<Ack<unknown>>) => Promise<boolean>;
}

export const useDevices = (connection: QueueConnection | undefined, active: boolean): DevicesData => {
  const [requests, setRequests] = useState<readonly PairingRequestView[]>([]);
  const [devices, setDevices] = useState<readonly DeviceView[]>([]);
  const [refusal, setRefusal] = useState<string>();

  const refresh = useCallback(async (): Promise<void> => {
    if (!connection) return;
    const [waiting, paired] = await Promise.all([
      connection.request('device:list-requests', {}),
      connection.request('device:list', {}),
    ]);
    if (waiting.ok) setRequests(waiting.data);
    if (paired.ok) setDevices(paired.data);
  }, [connection]);

  useEffect(() => {
    if (!active) return undefined;
    void refresh();
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [active, refresh]);

  const act = useCallback(
    async (answer: () => Promise<Ack<unknown>>): Promise<boolean> => {
      const settled = await answer();
      setRefusal(settled.ok ? undefined : settled.error.code);
      await refresh();
      return settled.ok;
    },
    [refresh],
  );

  return { requests, devices, ...(refusal ? { refusal } : {}), act };
};
