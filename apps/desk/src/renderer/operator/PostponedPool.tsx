/**
 * Visitors who stepped away from this desk, each with the minutes until they are back,
 * counted on the server's clock ("ще 9 хв").
 */
import { useT } from '@queue/ui';
import type { PostponedEntry } from '../logic/desk-queue';
import { minutesLeft } from './countdown';

export const PostponedPool = ({ entries }: { readonly entries: readonly PostponedEntry[] }) => {
  const t = useT();
  return (
    <div className="pool" data-testid="postponed-pool">
      <h3 className="tickets__heading">{t('desk.queue.postponed', { count: entries.length })}</h3>
      {entries.length > 0 && (
        <ul className="pool__list">
          {entries.map(({ ticket, remainingMs }) => (
            <li key={ticket.id} className="pool__item" data-number={ticket.number}>
              <span className="tickets__number">{ticket.number}</span>
              <span data-testid="postponed-left">
                {t('desk.pool.left', { minutes: minutesLeft(remainingMs) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
