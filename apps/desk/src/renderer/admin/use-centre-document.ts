/**
 * The configuration as the administrator edits it: the document and its version, read again
 * whenever the live configuration changes (someone else saved, a desk was moved), and a save
 * that replaces the whole document based on that version. Refusals keep their problems so
 * that the screen can show each one.
 */
import type { QueueConnection } from '@queue/client';
import type { Centre, CentreProblem } from '@queue/core';
import type { CentreDocument, CentreReplaceAnswer } from '@queue/protocol';
import { useCallback, useEffect, useState } from 'react';
import type { Commands } from '../common/use-commands';

export interface CentreEditing {
  readonly document?: CentreDocument;
  readonly problems: readonly CentreProblem[];
  /** The document the problems were found in. */
  readonly refused?: unknown;
  /** Replace the configuration; resolves to the answer when it was accepted. */
  save(next: unknown): Promise<CentreReplaceAnswer | undefined>;
  clearProblems(): void;
}

export const useCentreDocument = (
  connection: QueueConnection | undefined,
  online: boolean,
  live: Centre | undefined,
  commands: Commands,
): CentreEditing => {
  const [document, setDocument] = useState<CentreDocument>();
  const [problems, setProblems] = useState<readonly CentreProblem[]>([]);
  const [refused, setRefused] = useState<unknown>();

  const reload = useCallback(async (): Promise<void> => {
    if (!connection || !online) return;
    const answer = await connection.request('centre:get', {});
    if (answer.ok) setDocument(answer.data);
  }, [connection, online]);

  useEffect(() => {
    void reload();
  }, [reload, live]);

  const save = useCallback(
    async (next: unknown): Promise<CentreReplaceAnswer | undefined> => {
      if (!document) return undefined;
      setProblems([]);
      const answer = await commands.send('centre:replace', { baseVersion: document.version, centre: next });
      if (!answer) return undefined;
      if (!answer.ok) {
        setProblems(answer.error.problems ?? []);
        setRefused(next);
        if (answer.error.code === 'CONFIG_CONFLICT') void reload();
        return undefined;
      }
      setDocument({ version: answer.data.version, centre: next as Centre });
      return answer.data;
    },
    [commands, document, reload],
  );

  const clearProblems = useCallback(() => setProblems([]), []);
  return { ...(document ? { document } : {}), problems, refused, save, clearProblems };
};
