/**
 * The centre's sync with its city hub, read-only: where the hub stands, how far behind the
 * centre is and the last failure (`hub:status`). Read when opened and on Refresh.
 */
import type { QueueConnection } from '@queue/client';
import type { HubSyncState } from '@queue/protocol';
import { formatDate, formatTime, useLanguage, useT } from '@queue/ui';
import { useCallback, useEffect, useState } from 'react';
import { RefusalLine } from '../common/RefusalLine';
import { CityCatalogueSection } from './CityCatalogueSection';
import { OFFLINE } from '../common/use-commands';
import { isTransportFailure } from '../logic/retry';

interface Props {
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly timeZone: string;
}

export const HubSection = ({ connection, online, timeZone }: Props) => {
  const t = useT();
  const language = useLanguage();
  const [state, setState] = useState<HubSyncState>();
  const [refusal, setRefusal] = useState<string>();
  const when = (at: number): string =>
    `${formatDate(at, language, timeZone)} ${formatTime(at, language, timeZone)}`;

  const load = useCallback(async (): Promise<void> => {
    if (!connection || !online) return;
    const answer = await connection.request('hub:status', {});
    if (answer.ok) {
      setState(answer.data);
      setRefusal(undefined);
    } else setRefusal(isTransportFailure(answer) ? OFFLINE : answer.error.code);
  }, [connection, online]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="form" data-testid="hub-status">
      <p className="dialog__hint form__field--wide">{t('admin.hub.hint')}</p>
      {state && !state.configured && (
        <p className="dialog__hint form__field--wide" data-testid="hub-not-configured">
          {t('admin.hub.notConfigured')}
        </p>
      )}
      {state?.configured && (
        <dl className="form__field--wide">
          <dt>{t('admin.hub.url')}</dt>
          <dd>{state.hubUrl}</dd>
          <dt>{t('admin.hub.lastSent')}</dt>
          <dd>{state.lastSentAt === undefined ? t('admin.hub.never') : when(state.lastSentAt)}</dd>
          <dt>{t('admin.hub.acknowledged')}</dt>
          <dd>
            {state.lastAcknowledgedSeq} / {state.headSeq}
          </dd>
          <dt>{t('admin.hub.behind')}</dt>
          <dd data-testid="hub-behind">{state.behind}</dd>
        </dl>
      )}
      {state?.lastError !== undefined && (
        <p className="notice notice--warning" role="status" data-testid="hub-error">
          {t('admin.hub.error', {
            time: state.lastErrorAt === undefined ? '' : when(state.lastErrorAt),
            message: state.lastError,
          })}
        </p>
      )}
      <div className="form__buttons">
        <button type="button" className="button" disabled={!online} onClick={() => void load()}>
          {t('admin.hub.refresh')}
        </button>
      </div>
      <RefusalLine code={refusal} />
      {state?.configured && (
        <CityCatalogueSection connection={connection} online={online} timeZone={timeZone} />
      )}
    </div>
  );
};
