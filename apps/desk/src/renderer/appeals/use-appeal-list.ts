/**
 * One page of the journal, fetched while it is shown and again (debounced: a burst of
 * changes makes one fetch) when the server says an appeal changed or the link comes back.
 */
import type { QueueConnection } from '@queue/client';
import type { AppealListAnswer, AppealListPayload } from '@queue/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 300;

export interface AppealList {
  readonly answer?: AppealListAnswer;
  /** The refusal code of the last fetch, if it failed. */
  readonly error?: string;
  readonly loading: boolean;
  readonly reload: () => void;
}

export const useAppealList = (
  connection: QueueConnection | undefined,
  active: boolean,
  payload: AppealListPayload,
): AppealList => {
  const [answer, setAnswer] = useState<AppealListAnswer>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const query = JSON.stringify(payload);
  const latest = useRef(0);

  const load = useCallback(async (): Promise<void> => {
    if (!connection) return;
    const ticket = ++latest.current;
    setLoading(true);
    const result = await connection.request('appeal:list', JSON.parse(query) as AppealListPayload);
    // An older answer that arrives after a newer query is dropped.
    if (ticket !== latest.current) return;
    setLoading(false);
    if (result.ok) {
      setAnswer(result.data);
      setError(undefined);
    } else setError(result.error.code);
  }, [connection, query]);

  useEffect(() => {
    if (!active || !connection) return undefined;
    let timer: number | undefined;
    const soon = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void load(), DEBOUNCE_MS);
    };
    const now = (): void => void load();
    now();
    connection.socket.on('appeals:changed', soon);
    connection.socket.on('connect', now);
    return () => {
      window.clearTimeout(timer);
      connection.socket.off('appeals:changed', soon);
      connection.socket.off('connect', now);
    };
  }, [active, connection, load]);

  return { ...(answer ? { answer } : {}), ...(error ? { error } : {}), loading, reload: () => void load() };
};
