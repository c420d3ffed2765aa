/**
 * The pairing loop of a device without a token: ask for a code (or keep the one asked for
 * before a reload), poll until an administrator answers, and keep the secret as the device
 * token once approved. Expired or rejected codes are replaced by new ones; a lost server is
 * retried.
 */
import { useEffect, useState } from 'react';
import { forgetDeviceToken, saveDeviceToken } from '../device-token';
import { type PairingKind, type PendingPairing, pairingStatus, requestPairing } from './pairing-api';

export type PairingView =
  | { readonly kind: 'requesting' }
  | { readonly kind: 'waiting'; readonly pending: PendingPairing }
  | { readonly kind: 'paired'; readonly autoApproved: boolean }
  | { readonly kind: 'rejected' | 'offline' | 'limited' };

const POLL_MS = 2_000;
const RETRY_MS = 5_000;
const REJECTED_PAUSE_MS = 8_000;
const LIMITED_PAUSE_MS = 60_000;
const DEMO_NOTICE_MS = 4_000;

const pendingKey = (storageKey: string): string => `${storageKey}.pairing`;

const loadPending = (storageKey: string): PendingPairing | undefined => {
  try {
    const saved = JSON.parse(
      window.localStorage.getItem(pendingKey(storageKey)) ?? 'null',
    ) as PendingPairing | null;
    return saved && typeof saved.secret === 'string' && saved.expiresAt > Date.now() ? saved : undefined;
  } catch {
    return undefined;
  }
};

const savePending = (storageKey: string, pending: PendingPairing | undefined): void => {
  try {
    if (pending) window.localStorage.setItem(pendingKey(storageKey), JSON.stringify(pending));
    else window.localStorage.removeItem(pendingKey(storageKey));
  } catch {
    // Without storage a reload asks for a new code.
  }
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, ms));

export const usePairing = (
  kind: PairingKind,
  storageKey: string,
  onPaired: (token: string) => void,
): PairingView => {
  const [view, setView] = useState<PairingView>({ kind: 'requesting' });

  useEffect(() => {
    let stopped = false;
    const show = (next: PairingView): void => {
      if (!stopped) setView(next);
    };
    // A token that brought the device here is no longer good: forget it.
    forgetDeviceToken(storageKey);

    const waitForAnswer = async (pending: PendingPairing): Promise<'again' | 'paired'> => {
      for (;;) {
        if (stopped) return 'again';
        const status = await pairingStatus(pending.secret);
        if (status === 'approved') {
          savePending(storageKey, undefined);
          saveDeviceToken(storageKey, pending.secret);
          show({ kind: 'paired', autoApproved: pending.autoApproved });
          // Demo mode says that nobody approved this device before the device starts.
          if (pending.autoApproved) await sleep(DEMO_NOTICE_MS);
          if (!stopped) onPaired(pending.secret);
          return 'paired';
        }
        if (status === 'rejected' || status === 'expired' || status === 'unknown') {
          savePending(storageKey, undefined);
          if (status === 'rejected') {
            show({ kind: 'rejected' });
            await sleep(REJECTED_PAUSE_MS);
          }
          return 'again';
        }
        show(status === 'pending' ? { kind: 'waiting', pending } : { kind: status });
        await sleep(status === 'pending' ? POLL_MS : RETRY_MS);
      }
    };

    const run = async (): Promise<void> => {
      while (!stopped) {
        const pending = loadPending(storageKey) ?? (await requestPairing(kind, navigator.userAgent));
        if (stopped) return;
        if (typeof pending === 'string') {
          show({ kind: pending });
          await sleep(pending === 'limited' ? LIMITED_PAUSE_MS : RETRY_MS);
          continue;
        }
        savePending(storageKey, pending);
        show({ kind: 'waiting', pending });
        if ((await waitForAnswer(pending)) === 'paired') return;
      }
    };
    void run();
    return () => {
      stopped = true;
    };
  }, [kind, storageKey, onPaired]);

  return view;
};
