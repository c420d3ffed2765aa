/**
 * The devices tab's data: requests waiting to be paired and the paired devices, fetched from
 * the server while the tab is open and again whenever the server says they changed (a new
 * code, another administrator's answer, a device coming or going) or the link comes back;
 * and the administrator's answers, each followed by a fresh fetch.
 */
import type { QueueConnection } from '@queue/client';
import type { Ack, DeviceView, PairingRequestView } from '@queue/protocol';
import { useCallback, useEffect, useState } from 'react';

// Only for what changes with time alone: a request expiring, "last seen".
const REFRESH_MS = 30_000;

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
    const onChange = (): void => void refresh();
    onChange();
    const timer = window.setInterval(onChange, REFRESH_MS);
    connection?.socket.on('devices:changed', onChange);
    connection?.socket.on('connect', onChange);
    return () => {
      window.clearInterval(timer);
      connection?.socket.off('devices:changed', onChange);
      connection?.socket.off('connect', onChange);
    };
  }, [active, refresh, connection]);

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
