/**
 * Passes the shell's idle-poll findings about the kiosk's own printer on to the server, as
 * `kiosk:printer-status` (the same event as the check before each ticket), so staff alerts
 * are raised and cleared without a ticket being issued. The shell reports changes only, and
 * one made before this page loaded went nowhere, so the page asks once itself when it starts;
 * the latest status is sent again each time the link comes back online, since the server may
 * have missed it.
 */
import type { QueueStoreState } from '@queue/client';
import type { LocalPrinterStatus, ShellBridge } from '@queue/shell/bridge';
import type { StoreApi } from 'zustand/vanilla';

export const startPrinterStatusRelay = (
  bridge: Pick<ShellBridge, 'onPrinterStatus' | 'printerStatus'> | undefined,
  store: StoreApi<QueueStoreState>,
): (() => void) => {
  if (typeof bridge?.onPrinterStatus !== 'function') return () => undefined;
  let latest: Exclude<LocalPrinterStatus, 'none'> | undefined;
  const send = (): void => {
    const { connection, status } = store.getState();
    if (latest === undefined || status !== 'online') return;
    void connection?.request('kiosk:printer-status', { status: latest }).catch(() => undefined);
  };
  let pushed = false;
  const stopListening = bridge.onPrinterStatus((status) => {
    pushed = true;
    if (status === 'none') return;
    latest = status;
    send();
  });
  void bridge
    .printerStatus()
    .then((status) => {
      // A change the poll pushed meanwhile is newer than this answer.
      if (pushed || status === 'none') return;
      latest = status;
      send();
    })
    .catch(() => undefined);
  const stopWatching = store.subscribe((state, previous) => {
    if (state.status === 'online' && previous.status !== 'online') send();
  });
  return () => {
    stopListening();
    stopWatching();
  };
};
