/** Notes that came with the visitor: reception's note and a transfer comment. */
import type { Ticket } from '@queue/core';
import { useT } from '@queue/ui';

export const VisitNotes = ({ ticket }: { readonly ticket: Ticket }) => {
  const t = useT();
  if (!ticket.note && !ticket.transferComment) return null;
  return (
    <dl className="notes" data-testid="visit-notes">
      {ticket.note && (
        <div>
          <dt>{t('desk.current.note')}</dt>
          <dd>{ticket.note}</dd>
        </div>
      )}
      {ticket.transferComment && (
        <div>
          <dt>{t('desk.current.transferComment')}</dt>
          <dd>{ticket.transferComment}</dd>
        </div>
      )}
    </dl>
  );
};
