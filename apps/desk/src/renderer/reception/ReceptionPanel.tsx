/** Reception: issue a ticket for any service (with priority, note, route); find and fix one. */
import type { QueueConnection, SyncState } from '@queue/client';
import { useT } from '@queue/ui';
import { BookingForm } from './BookingForm';
import { BookingLookup } from './BookingLookup';
import { IssueForm } from './IssueForm';
import { TicketSearch } from './TicketSearch';

interface Props {
  readonly sync: SyncState;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly now: number;
}

export const ReceptionPanel = ({ sync, connection, online, now }: Props) => {
  const t = useT();
  if (!sync.centre || !sync.queue) return <p className="desk__loading">{t('desk.loading')}</p>;
  return (
    <div className="reception">
      <IssueForm centre={sync.centre} connection={connection} online={online} />
      <TicketSearch
        centre={sync.centre}
        queue={sync.queue}
        connection={connection}
        online={online}
        now={now}
      />
      <BookingForm centre={sync.centre} connection={connection} online={online} now={now} />
      <BookingLookup centre={sync.centre} connection={connection} online={online} />
    </div>
  );
};
