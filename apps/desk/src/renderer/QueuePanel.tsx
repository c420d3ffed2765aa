/** How many wait for each service of this desk, and the longest wait. */
import { useLocalize, useT } from '@queue/ui';
import type { QueueRow } from './desk-view';

export const QueuePanel = ({ rows }: { readonly rows: readonly QueueRow[] }) => {
  const t = useT();
  const localize = useLocalize();
  const total = rows.reduce((sum, row) => sum + row.waiting, 0);
  return (
    <section className="queue">
      <h2 className="panel-heading">{t('desk.queue.heading')}</h2>
      {rows.length === 0 ? (
        <p>{t('desk.queue.none')}</p>
      ) : (
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
            {rows.map((row) => (
              <tr key={row.code} className={row.waiting > 0 ? 'queue__row--busy' : undefined}>
                <td>{localize(row.name)}</td>
                <td className="queue__num">{row.waiting}</td>
                <td className="queue__num">
                  {row.waiting > 0 ? t('desk.queue.minutes', { minutes: row.longestWaitMinutes }) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="queue__total">{t('desk.queue.total', { count: total })}</p>
    </section>
  );
};
