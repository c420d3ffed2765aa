/**
 * A backup on demand: the server copies its database into its backup folder while the queue
 * keeps running (the same as `npm run backup` on the server machine). Worth a click before a
 * large configuration change or an upgrade; restoring is done on the server with it stopped.
 */
import type { QueueConnection } from '@queue/client';
import type { BackupAnswer } from '@queue/protocol';
import { formatTime, useLanguage, useT } from '@queue/ui';
import { useRef, useState } from 'react';
import { RefusalLine } from '../common/RefusalLine';
import { OFFLINE } from '../common/use-commands';
import { isTransportFailure } from '../logic/retry';

interface Props {
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly timeZone: string;
}

export const BackupSection = ({ connection, online, timeZone }: Props) => {
  const t = useT();
  const language = useLanguage();
  // A ref, not state: a double click starts one backup, not two.
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState<BackupAnswer>();
  const [refusal, setRefusal] = useState<string>();

  const backUp = async (): Promise<void> => {
    if (running.current || !connection || !online) return;
    running.current = true;
    setBusy(true);
    setTaken(undefined);
    setRefusal(undefined);
    try {
      const answer = await connection.request('backup:now', {});
      if (answer.ok) setTaken(answer.data);
      else setRefusal(isTransportFailure(answer) ? OFFLINE : answer.error.code);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <div className="form" data-testid="backup">
      <p className="dialog__hint form__field--wide">{t('admin.backup.hint')}</p>
      <div className="form__buttons">
        <button
          type="button"
          className="button"
          data-testid="backup-now"
          disabled={busy || !online}
          onClick={() => void backUp()}
        >
          {busy ? t('admin.backup.running') : t('admin.backup.now')}
        </button>
      </div>
      {taken && (
        <p className="notice" role="status" data-testid="backup-message">
          {t('admin.backup.done', { file: taken.file, time: formatTime(taken.at, language, timeZone) })}
        </p>
      )}
      <RefusalLine code={refusal} />
    </div>
  );
};
