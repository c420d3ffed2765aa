/**
 * Find a ticket by its number and act on it: see where it stands, move it to another
 * service, print it again, cancel it. The cards follow the live queue, so they stay current.
 */
import type { QueueConnection } from '@queue/client';
import type { Centre, QueueState, Ticket, TicketId } from '@queue/core';
import type { DeviceAlert } from '@queue/protocol';
import { type MessageKey, useT } from '@queue/ui';
import { type FormEvent, useState } from 'react';
import { RefusalLine } from '../common/RefusalLine';
import { OFFLINE, useCommands } from '../common/use-commands';
import { isTransportFailure } from '../logic/retry';
import { normalizeTicketNumber } from '../logic/ticket-number';
import { reprintRefusalKey, reprintStateOf } from './reprint';
import { CancelDialog } from './CancelDialog';
import { ChangeServiceDialog } from './ChangeServiceDialog';
import { RegisterAppealDialog } from '../appeals/RegisterAppealDialog';
import { TicketCard } from './TicketCard';
import { ticketOf } from '@queue/core';

interface Props {
  readonly centre: Centre;
  readonly queue: QueueState;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly now: number;
  /** The devices' alerts: a printer that cannot print is not offered for a reprint. */
  readonly alerts?: readonly DeviceAlert[] | undefined;
}

type Editing = { readonly kind: 'change' | 'cancel' | 'appeal'; readonly ticketId: TicketId };

export const TicketSearch = ({ centre, queue, connection, online, now, alerts }: Props) => {
  const t = useT();
  const commands = useCommands(connection, online);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<readonly Ticket[]>();
  const [searchRefusal, setSearchRefusal] = useState<string>();
  const [editing, setEditing] = useState<Editing>();
  const [reprinted, setReprinted] = useState<TicketId>();
  const [reprintFailure, setReprintFailure] = useState<{ ticketId: TicketId; key: MessageKey }>();
  const reprint = reprintStateOf(centre, alerts);
  const live = (ticket: Ticket): Ticket => ticketOf(queue, ticket.id) ?? ticket;

  const search = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const number = normalizeTicketNumber(query);
    if (!number || !connection || !online) return;
    setQuery(number);
    const answer = await connection.request('ticket:find', { number });
    if (answer.ok) {
      setFound(answer.data);
      setSearchRefusal(undefined);
    } else {
      setSearchRefusal(answer.error.code === 'INTERNAL' ? OFFLINE : answer.error.code);
    }
  };

  const editedTicket = editing ? found?.find((ticket) => ticket.id === editing.ticketId) : undefined;
  const close = (): void => setEditing(undefined);
  const closeOnSuccess = (answer: { ok: boolean } | undefined): void => {
    if (answer?.ok) close();
  };
  const common = {
    ready: commands.ready,
    busy: commands.pending !== undefined,
    refusal: commands.refusal,
    onClose: close,
  };

  return (
    <section className="panel search" aria-labelledby="search-heading" data-testid="ticket-search">
      <h2 className="panel-heading" id="search-heading">
        {t('reception.find.heading')}
      </h2>
      <form className="search__form" onSubmit={(event) => void search(event)}>
        <input
          type="search"
          name="number"
          aria-label={t('reception.find.number')}
          placeholder={t('reception.find.placeholder')}
          maxLength={16}
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={!online || !query.trim()}>
          {t('reception.find.submit')}
        </button>
      </form>
      {/* A refused reprint is said on its ticket's card. */}
      <RefusalLine code={searchRefusal ?? (editing || reprintFailure ? undefined : commands.refusal)} />
      {found && found.length === 0 && <p className="search__none">{t('reception.find.none')}</p>}
      <div className="search__results">
        {found?.map((ticket) => (
          <TicketCard
            key={ticket.id}
            ticket={live(ticket)}
            centre={centre}
            queue={queue}
            now={now}
            canAct={commands.ready}
            onChangeService={() => {
              commands.clearRefusal();
              setEditing({ kind: 'change', ticketId: ticket.id });
            }}
            reprint={reprint}
            onReprint={() => {
              setReprinted(undefined);
              setReprintFailure(undefined);
              void commands.send('ticket:reprint', { ticketId: ticket.id }).then((answer) => {
                if (answer?.ok) setReprinted(ticket.id);
                else if (answer) {
                  const failure = isTransportFailure(answer) ? OFFLINE : answer.error;
                  setReprintFailure({ ticketId: ticket.id, key: reprintRefusalKey(failure, reprint) });
                }
              });
            }}
            reprinted={reprinted === ticket.id}
            {...(reprintFailure?.ticketId === ticket.id ? { reprintFailure: reprintFailure.key } : {})}
            onCancel={() => {
              commands.clearRefusal();
              setEditing({ kind: 'cancel', ticketId: ticket.id });
            }}
            onAppeal={() => setEditing({ kind: 'appeal', ticketId: ticket.id })}
          />
        ))}
      </div>
      {editing?.kind === 'change' && editedTicket && (
        <ChangeServiceDialog
          {...common}
          ticket={live(editedTicket)}
          centre={centre}
          onConfirm={(serviceCode, reason) =>
            void commands
              .send('ticket:change-service', { ticketId: editedTicket.id, serviceCode, reason })
              .then(closeOnSuccess)
          }
        />
      )}
      {editing?.kind === 'appeal' && editedTicket && (
        <RegisterAppealDialog
          centre={centre}
          connection={connection}
          online={online}
          prefill={{
            organisationId:
              centre.services.find((service) => service.code === editedTicket.serviceCode)?.organisationId ??
              centre.organisations[0]?.id ??
              '',
            serviceCode: editedTicket.serviceCode,
            ticketId: editedTicket.id,
            ticketNumber: editedTicket.number,
          }}
          onClose={close}
        />
      )}
      {editing?.kind === 'cancel' && editedTicket && (
        <CancelDialog
          {...common}
          ticket={live(editedTicket)}
          onConfirm={(reason) =>
            void commands.send('ticket:cancel', { ticketId: editedTicket.id, reason }).then(closeOnSuccess)
          }
        />
      )}
    </section>
  );
};
