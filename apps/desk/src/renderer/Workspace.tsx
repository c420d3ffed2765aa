/**
 * A logged-in member of staff: one queue connection, the header, the connection banner and
 * the panels their roles give (operator, reception, or both as tabs). End of shift closes
 * the desk (refused while a visitor is in hand) and then logs out.
 */
import type { QueueStoreState } from '@queue/client';
import type { LoginAnswer } from '@queue/protocol';
import { ConnectionBanner, useLocalize, useT } from '@queue/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { DeskHeader } from './DeskHeader';
import { RefusalLine } from './common/RefusalLine';
import { useCommands } from './common/use-commands';
import { DevicesPanel } from './devices/DevicesPanel';
import { useServerNow } from './common/use-server-now';
import { type Tab, tabsFor } from './logic/tabs';
import { AdminPanel } from './admin/AdminPanel';
import { JournalPanel } from './appeals/JournalPanel';
import { useJournal } from './appeals/journal-store';
import { MonitorPanel } from './monitor/MonitorPanel';
import { OperatorPanel } from './operator/OperatorPanel';
import { deskViewOf } from './operator/desk-view';
import { ReceptionPanel } from './reception/ReceptionPanel';
import { ReportsPanel } from './reports/ReportsPanel';
import { endSession } from './session-store';
import { useQueueConnection } from './use-queue-connection';

interface Props {
  readonly session: LoginAnswer;
}

const TOAST_MS = 8_000;

export const Workspace = ({ session }: Props) => {
  const t = useT();
  const store = useQueueConnection(session.token);
  if (!store) return <p className="desk__loading">{t('desk.loading')}</p>;
  return <WorkspaceView store={store} session={session} />;
};

const WorkspaceView = ({ store, session }: Props & { readonly store: StoreApi<QueueStoreState> }) => {
  const t = useT();
  const localize = useLocalize();
  const status = useStore(store, (state) => state.status);
  const sync = useStore(store, (state) => state.sync);
  const connection = useStore(store, (state) => state.connection);
  const online = status === 'online' && sync.queue !== undefined;
  const now = useServerNow(sync);
  const shift = useCommands(connection, online);
  const principal = sync.principal ?? session.principal;
  const tabs = useMemo(() => tabsFor(principal), [principal]);
  const [chosen, setChosen] = useState<Tab>();
  const tab = chosen && tabs.includes(chosen) ? chosen : tabs[0];
  const view = useMemo(() => deskViewOf(sync, principal), [sync, principal]);
  const roles = principal.kind === 'staff' ? principal.roles : [];
  // The monitor's appeals block asks for the journal.
  const journalShown = useStore(useJournal, (state) => state.shown);
  const journalSeen = useRef(journalShown);
  useEffect(() => {
    if (journalShown === journalSeen.current) return;
    journalSeen.current = journalShown;
    setChosen('journal');
  }, [journalShown]);

  useEffect(() => {
    if (status === 'unauthorised') endSession('desk.login.sessionEnded');
  }, [status]);

  // Why the shift could not end stays on screen for a while, then clears.
  const { refusal: shiftRefusal, clearRefusal } = shift;
  useEffect(() => {
    if (!shiftRefusal) return undefined;
    const timer = window.setTimeout(clearRefusal, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [shiftRefusal, clearRefusal]);

  const endShift = async (): Promise<void> => {
    if (view.deskId && sync.queue && view.status !== 'closed') {
      const answer = await shift.send('desk:close', {});
      if (!answer?.ok) return;
    }
    endSession();
  };

  return (
    <div className="desk">
      <DeskHeader
        operatorName={principal.kind === 'staff' ? principal.name : session.principal.name}
        // Nothing about the desk until the server has told its name and state: no raw id,
        // no "closed" that is only the lack of news.
        deskName={view.desk ? localize(view.desk.name) : sync.centre ? view.deskId : undefined}
        status={view.deskId && sync.queue ? view.status : undefined}
        pauseReason={view.deskState?.pauseReason}
        tabs={tabs}
        tab={tab}
        onTab={setChosen}
        canAct={shift.ready}
        onEndShift={() => void endShift()}
        onLogOut={() => endSession()}
      />
      <main className="desk__panels">
        <ConnectionBanner state={status} />
        {shift.refusal && (
          <div className="toast" data-testid="shift-refusal">
            <RefusalLine code={shift.refusal} />
          </div>
        )}
        {tabs.length === 0 && (
          <p className="desk__notice" role="alert">
            {t('desk.noDesk')}
          </p>
        )}
        {tabs.includes('operator') && (
          <div className="desk__tab" hidden={tab !== 'operator'} data-panel="operator">
            <OperatorPanel
              sync={sync}
              principal={principal}
              connection={connection}
              online={online}
              now={now}
              active={tab === 'operator'}
            />
          </div>
        )}
        {tabs.includes('reception') && (
          <div className="desk__tab" hidden={tab !== 'reception'} data-panel="reception">
            <ReceptionPanel sync={sync} connection={connection} online={online} now={now} />
          </div>
        )}
        {tabs.includes('journal') && (
          <div className="desk__tab" hidden={tab !== 'journal'} data-panel="journal">
            <JournalPanel
              centre={sync.centre}
              connection={connection}
              online={online}
              roles={roles}
              active={tab === 'journal'}
            />
          </div>
        )}
        {tabs.includes('monitor') && (
          <div className="desk__tab" hidden={tab !== 'monitor'} data-panel="monitor">
            <MonitorPanel
              sync={sync}
              connection={connection}
              online={online}
              now={now}
              active={tab === 'monitor'}
            />
          </div>
        )}
        {tabs.includes('admin') && tab === 'admin' && (
          <div className="desk__tab" data-panel="admin">
            <AdminPanel sync={sync} connection={connection} online={online} />
          </div>
        )}
        {tabs.includes('devices') && (
          <div className="desk__tab" hidden={tab !== 'devices'} data-panel="devices">
            <DevicesPanel
              connection={connection}
              online={online}
              active={tab === 'devices'}
              centre={sync.centre}
            />
          </div>
        )}
        {tabs.includes('reports') && (
          <div className="desk__tab" hidden={tab !== 'reports'} data-panel="reports">
            <ReportsPanel
              centre={sync.centre}
              connection={connection}
              online={online}
              now={now}
              token={session.token}
            />
          </div>
        )}
      </main>
    </div>
  );
};
