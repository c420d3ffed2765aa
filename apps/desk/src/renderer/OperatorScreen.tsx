/** The operator's working screen: the visitor, the commands and the queue of this desk. */
import type { QueueStoreState } from '@queue/client';
import type { LoginAnswer } from '@queue/protocol';
import { ConnectionBanner, refusalKey, useLocalize, useT } from '@queue/ui';
import { useEffect, useMemo } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { ActionBar } from './ActionBar';
import { CurrentVisitor } from './CurrentVisitor';
import { DeskHeader } from './DeskHeader';
import { deskViewOf } from './desk-view';
import { QueuePanel } from './QueuePanel';
import { endSession } from './session-store';
import { useDeskActions } from './use-desk-actions';
import { useNow } from './use-now';
import { useQueueConnection } from './use-queue-connection';

interface Props {
  readonly session: LoginAnswer;
}

export const OperatorScreen = ({ session }: Props) => {
  const t = useT();
  const store = useQueueConnection(session.token);
  if (!store) return <p className="desk__loading">{t('desk.loading')}</p>;
  return <OperatorView store={store} session={session} />;
};

const OperatorView = ({ store, session }: Props & { readonly store: StoreApi<QueueStoreState> }) => {
  const t = useT();
  const localize = useLocalize();
  const status = useStore(store, (state) => state.status);
  const sync = useStore(store, (state) => state.sync);
  const connection = useStore(store, (state) => state.connection);
  const view = useMemo(() => deskViewOf(sync, session.principal), [sync, session.principal]);
  const online = status === 'online' && sync.queue !== undefined;
  const actions = useDeskActions(connection, view, online);
  const now = useNow(sync.clockOffsetMs);

  useEffect(() => {
    if (status === 'unauthorised') endSession('desk.login.sessionEnded');
  }, [status]);

  const operatorName = sync.principal?.name ?? session.principal.name;
  return (
    <div className="desk">
      <DeskHeader
        operatorName={operatorName}
        deskName={view.desk ? localize(view.desk.name) : view.deskId}
        status={view.status}
        canLogOut={actions.pending === undefined}
        onLogOut={() => endSession()}
      />
      <ConnectionBanner state={status} />
      {!view.deskId ? (
        <p className="desk__notice" role="alert">
          {t('desk.noDesk')}
        </p>
      ) : (
        <main className="desk__main">
          <div className="desk__work">
            <CurrentVisitor ticket={view.current} centre={sync.centre} now={now} />
            <p className="desk__refusal" role="alert" data-code={actions.refusal}>
              {actions.refusal ? t(refusalKey(actions.refusal, 'error', 'error.generic')) : ''}
            </p>
            <ActionBar actions={actions} paused={view.status === 'paused'} />
          </div>
          <QueuePanel rows={view.rows} />
        </main>
      )}
    </div>
  );
};
