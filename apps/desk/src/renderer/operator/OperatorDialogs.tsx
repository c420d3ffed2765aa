/** The dialog open at the desk, wired to the command it sends; it closes once accepted. */
import type { SyncState } from '@queue/client';
import type { Ticket } from '@queue/core';
import { DEFAULT_POLICY } from '@queue/core';
import type { Commands } from '../common/use-commands';
import { CallTicketDialog } from './CallTicketDialog';
import { CompleteDialog } from './CompleteDialog';
import type { DeskView } from './desk-view';
import { PauseDialog } from './PauseDialog';
import { PostponeDialog } from './PostponeDialog';
import { TransferDialog } from './TransferDialog';

export type OpenDialog =
  | { readonly kind: 'complete' | 'transfer' | 'postpone' | 'pause' }
  | { readonly kind: 'callTicket'; readonly ticket: Ticket };

interface Props {
  readonly dialog: OpenDialog;
  readonly view: DeskView;
  readonly sync: SyncState;
  readonly commands: Commands;
  readonly onClose: () => void;
}

export const OperatorDialogs = ({ dialog, view, sync, commands, onClose }: Props) => {
  const { ready, refusal } = commands;
  const busy = commands.pending !== undefined;
  const closeOnSuccess = (answer: { ok: boolean } | undefined): void => {
    if (answer?.ok) onClose();
  };
  const common = { ready, busy, refusal, onClose };
  const ticket = view.current;

  if (dialog.kind === 'pause') {
    return (
      <PauseDialog
        {...common}
        onConfirm={(reason, minutes) =>
          void commands
            .send('desk:pause', { reason, ...(minutes !== undefined ? { minutes } : {}) })
            .then(closeOnSuccess)
        }
      />
    );
  }
  if (dialog.kind === 'callTicket') {
    return (
      <CallTicketDialog
        {...common}
        ticket={dialog.ticket}
        onConfirm={(reason) =>
          void commands.send('visit:call', { ticketId: dialog.ticket.id, reason }).then(closeOnSuccess)
        }
      />
    );
  }
  // The visitor left the desk meanwhile (another screen, a reconnect): nothing to act on.
  if (!ticket) return null;
  const ticketId = ticket.id;
  switch (dialog.kind) {
    case 'complete':
      return (
        <CompleteDialog
          {...common}
          ticket={ticket}
          service={view.service}
          onConfirm={(choice) =>
            void commands.send('visit:complete', { ticketId, ...choice }).then(closeOnSuccess)
          }
        />
      );
    case 'postpone':
      return (
        <PostponeDialog
          {...common}
          ticket={ticket}
          maxMinutes={(sync.centre?.policy ?? DEFAULT_POLICY).maxPostponeMinutes}
          onConfirm={(minutes) =>
            void commands.send('visit:postpone', { ticketId, minutes }).then(closeOnSuccess)
          }
        />
      );
    case 'transfer':
      return sync.centre && sync.queue && view.deskId ? (
        <TransferDialog
          {...common}
          ticket={ticket}
          centre={sync.centre}
          queue={sync.queue}
          ownDeskId={view.deskId}
          {...(sync.staffNames ? { staffNames: sync.staffNames } : {})}
          onConfirm={(choice) =>
            void commands.send('visit:transfer', { ticketId, ...choice }).then(closeOnSuccess)
          }
        />
      ) : null;
  }
};
