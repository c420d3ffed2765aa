/**
 * Runs one operator command at a time. The in-flight flag is a ref, checked before React
 * re-renders, so a double click or a held key never sends a command twice.
 */
import type { QueueConnection } from '@queue/client';
import { useT } from '@queue/ui';
import { useCallback, useRef, useState } from 'react';
import { type ActionId, isAvailable, perform } from './actions';
import type { DeskView } from './desk-view';

export interface DeskActions {
  readonly pending?: ActionId;
  /** The code of the last refusal, until the next command. */
  readonly refusal?: string;
  readonly enabled: (id: ActionId) => boolean;
  readonly run: (id: ActionId) => void;
}

export const useDeskActions = (
  connection: QueueConnection | undefined,
  view: DeskView,
  online: boolean,
): DeskActions => {
  const t = useT();
  const inFlight = useRef(false);
  const [pending, setPending] = useState<ActionId>();
  const [refusal, setRefusal] = useState<string>();

  const enabled = useCallback(
    (id: ActionId) => online && connection !== undefined && pending === undefined && isAvailable(id, view),
    [online, connection, pending, view],
  );

  const run = useCallback(
    (id: ActionId) => {
      if (inFlight.current || !connection || !online || !isAvailable(id, view)) return;
      inFlight.current = true;
      setPending(id);
      setRefusal(undefined);
      perform(connection, id, view, t('desk.pauseReason'))
        .then((answer) => {
          if (!answer.ok) setRefusal(answer.error.code);
        })
        .finally(() => {
          inFlight.current = false;
          setPending(undefined);
        });
    },
    [connection, online, view, t],
  );

  return { ...(pending ? { pending } : {}), ...(refusal ? { refusal } : {}), enabled, run };
};
