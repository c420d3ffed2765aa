/**
 * Reception: issue a ticket for any service (with priority, note, route); find and fix one;
 * book, find and change bookings; see the kiosks' printer troubles and print a failed ticket
 * again; supervisors also see bursts of online bookings.
 */
import type { QueueConnection, SyncState } from '@queue/client';
import { bookingPolicyOf } from '@queue/core';
import { useT } from '@queue/ui';
import { BookingBursts } from './BookingBursts';
import { BookingForm } from './BookingForm';
import { BookingLookup } from './BookingLookup';
import { IssueForm } from './IssueForm';
import { PrintAlerts } from './PrintAlerts';
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
  // Bursts of online bookings are the supervisor's to judge (the server refuses anyone else).
  const isSupervisor = sync.principal?.kind === 'staff' && sync.principal.roles.includes('supervisor');
  return (
    <div className="reception">
      <PrintAlerts centre={sync.centre} alerts={sync.alerts} connection={connection} online={online} />
      {/* Three columns, each scrolling on its own: every form's button stays within reach. */}
      <div className="reception__column reception__column--issue">
        <IssueForm centre={sync.centre} connection={connection} online={online} />
      </div>
      <div className="reception__column">
        <BookingForm centre={sync.centre} connection={connection} online={online} now={now} />
        {isSupervisor && bookingPolicyOf(sync.centre).enabled && (
          <BookingBursts connection={connection} online={online} timeZone={sync.centre.site.timeZone} />
        )}
      </div>
      <div className="reception__column">
        <TicketSearch
          centre={sync.centre}
          queue={sync.queue}
          connection={connection}
          online={online}
          now={now}
          alerts={sync.alerts}
        />
        <BookingLookup centre={sync.centre} connection={connection} online={online} />
      </div>
    </div>
  );
};
