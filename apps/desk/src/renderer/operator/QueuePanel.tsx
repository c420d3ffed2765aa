/**
 * The queue of this desk: waiting count and longest wait per service (past the waiting
 * standard in red), the tickets it may call out of order, and who stepped away.
 */
import type { Centre, Ticket } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import type { DeskQueue } from '../logic/desk-queue';
import { PostponedPool } from './PostponedPool';
import { WaitingList } from './WaitingList';

interface Props {
  readonly queue: DeskQueue;
  readonly centre: Centre | undefined;
  readonly canCall: boolean;
  readonly onCall: (ticket: Ticket) => void;
}

export const QueuePanel = ({ queue, centre, canCall, onCall }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const total = queue.rows.reduce((sum, row) => sum + row.waiting, 0);
  return (
    <section className="queue" data-testid="queue-panel">
      <h2 className="panel-heading">
        {t('desk.queue.heading')}{' '}
        <span className="queue__total">{t('desk.queue.total', { count: total })}</span>
      </h2>
      {queue.rows.length === 0 ? (
        <p>{t('desk.queue.none')}</p>
      ) : (
        // Focusable so that the keyboard can scroll it, named as the panel is.
        <div
          className="queue__scroll queue__scroll--rows"
          role="region"
          aria-label={t('desk.queue.heading')}
          tabIndex={0}
        >
          <table className="queue__table">
            <thead>
              <tr>
                <th scope="col">{t('desk.queue.service')}</th>
                <th scope="col" className="queue__num">
                  {t('desk.queue.waiting')}
                </th>
                <th scope="col" className="queue__num">
                  {t('desk.queue.longest')}
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((row) => (
                <tr
                  key={row.code}
                  data-service={row.code}
                  data-over={row.overStandard}
                  className={[
                    row.waiting > 0 ? 'queue__row--busy' : '',
                    row.overStandard ? 'queue__row--over' : '',
                  ].join(' ')}
                >
                  <td>{localize(row.name)}</td>
                  <td className="queue__num">{row.waiting}</td>
                  <td className="queue__num">
                    {row.waiting > 0
                      ? t('desk.queue.minutes', { minutes: Math.floor(row.longestWaitMs / 60_000) })
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <WaitingList entries={queue.waiting} centre={centre} canCall={canCall} onCall={onCall} />
      <PostponedPool entries={queue.postponed} />
    </section>
  );
};
