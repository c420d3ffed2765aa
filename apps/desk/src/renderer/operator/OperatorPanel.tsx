/** The operator's working panel: the visitor, the commands, the queue and the dialogs. */
import type { QueueConnection, SyncState } from '@queue/client';
import type { Ticket } from '@queue/core';
import { DEFAULT_POLICY, closedDesk } from '@queue/core';
import type { Principal } from '@queue/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { RegisterAppealDialog } from '../appeals/RegisterAppealDialog';
import { RefusalLine } from '../common/RefusalLine';
import { useCommands } from '../common/use-commands';
import { type DeskQueue, deskQueueOf } from '../logic/desk-queue';
import { noShowGate } from '../logic/timers';
import { ActionBar } from './ActionBar';
import { type ActionId, ACTIONS, isAvailable, slotsOf } from './actions';
import { CurrentVisitor } from './CurrentVisitor';
import { deskViewOf } from './desk-view';
import { OperatorDialogs, type OpenDialog } from './OperatorDialogs';
import { QueuePanel } from './QueuePanel';

interface Props {
  readonly sync: SyncState;
  readonly principal: Principal;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly now: number;
  readonly active: boolean;
}

const EMPTY_QUEUE: DeskQueue = { rows: [], waiting: [], postponed: [] };

export const OperatorPanel = ({ sync, principal, connection, online, now, active }: Props) => {
  const commands = useCommands(connection, online);
  const [dialog, setDialog] = useState<OpenDialog>();
  const [appealing, setAppealing] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const view = useMemo(() => deskViewOf(sync, principal), [sync, principal]);
  const policy = sync.centre?.policy ?? DEFAULT_POLICY;
  const current = view.current;
  const noShow = current ? noShowGate(current, policy, now) : undefined;
  const deskQueue = useMemo(
    () =>
      sync.centre && sync.queue && view.desk
        ? deskQueueOf(sync.centre, sync.queue, view.desk, view.deskState ?? closedDesk(view.desk.id), now)
        : EMPTY_QUEUE,
    [sync.centre, sync.queue, view.desk, view.deskState, now],
  );

  // A dialog about the visitor closes when the visitor has left the desk (another screen,
  // a resync after a reconnect).
  const needsVisitor = dialog !== undefined && dialog.kind !== 'pause' && dialog.kind !== 'callTicket';
  useEffect(() => {
    if (needsVisitor && !current) setDialog(undefined);
  }, [needsVisitor, current]);

  const enabled = useCallback(
    (id: ActionId) => commands.ready && dialog === undefined && isAvailable(id, view, noShow),
    [commands.ready, dialog, view, noShow],
  );

  const run = useCallback(
    (id: ActionId) => {
      if (!isAvailable(id, view, noShow)) return;
      const ticketId = view.current?.id;
      switch (id) {
        case 'complete':
        case 'transfer':
        case 'postpone':
        case 'pause':
          commands.clearRefusal();
          setDialog({ kind: id });
          return;
        case 'pickTicket':
          panel.current
            ?.querySelector<HTMLButtonElement>('[data-testid="waiting-list"] button:not(:disabled)')
            ?.focus();
          return;
        case 'open':
          void commands.send('desk:open', {});
          return;
        case 'callNext':
          void commands.send('visit:call-next', {});
          return;
        case 'resume':
          void commands.send('desk:resume', {});
          return;
        case 'recall':
        case 'start':
        case 'noShow': {
          const event = ACTIONS[id].event;
          if (ticketId && event) void commands.send(event as 'visit:recall', { ticketId });
          return;
        }
      }
    },
    [view, noShow, commands],
  );

  const review = (confirmed: boolean): void => {
    if (current) void commands.send('visit:review-priority', { ticketId: current.id, confirmed });
  };
  const callTicket = (ticket: Ticket): void => {
    commands.clearRefusal();
    setDialog({ kind: 'callTicket', ticket });
  };

  return (
    <div className="desk__main" ref={panel}>
      <div className="desk__work">
        <CurrentVisitor
          ticket={current}
          service={view.service}
          centre={sync.centre}
          now={now}
          noShow={noShow}
          canReview={commands.ready}
          onReview={review}
          loading={!sync.centre || !sync.queue}
          pausedFor={view.status === 'paused' ? (view.deskState?.pauseReason ?? '') : undefined}
          {...(current && view.service ? { onAppeal: () => setAppealing(true) } : {})}
        />
        {dialog === undefined && <RefusalLine code={commands.refusal} />}
        <ActionBar
          slots={slotsOf(view)}
          enabled={enabled}
          pending={commands.pending}
          noShow={noShow}
          run={run}
          active={active && !appealing}
        />
      </div>
      <QueuePanel
        queue={deskQueue}
        centre={sync.centre}
        canCall={commands.ready && view.status === 'open' && !current}
        onCall={callTicket}
      />
      {dialog && (
        <OperatorDialogs
          dialog={dialog}
          view={view}
          sync={sync}
          commands={commands}
          onClose={() => setDialog(undefined)}
        />
      )}
      {appealing && sync.centre && current && view.service && (
        <RegisterAppealDialog
          centre={sync.centre}
          connection={connection}
          online={online}
          prefill={{
            organisationId: view.service.organisationId,
            serviceCode: view.service.code,
            ticketId: current.id,
            ticketNumber: current.number,
          }}
          onClose={() => setAppealing(false)}
        />
      )}
    </div>
  );
};
