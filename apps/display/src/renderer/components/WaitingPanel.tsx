/** How many people wait, per category, for the services of this board's desks. */
import type { Board } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useMemo } from 'react';
import { waitingRows } from '../logic/waiting';
import { useQueue } from '../state/queue';

export const WaitingPanel = ({ board }: { readonly board: Board | undefined }) => {
  const t = useT();
  const localize = useLocalize();
  const centre = useQueue((state) => state.sync.centre);
  const summary = useQueue((state) => state.sync.summary);
  const rows = useMemo(() => waitingRows(centre, summary, board), [centre, summary, board]);
  return (
    <section className="waiting" data-testid="waiting">
      <h2 className="panel__heading">{t('display.waiting')}</h2>
      {rows.length === 0 ? (
        <p className="waiting__none">{t('display.noneWaiting')}</p>
      ) : (
        <ul className="waiting__list">
          {rows.map((row) => (
            <li key={row.categoryId} className="waiting__row">
              <span className="waiting__name">{localize(row.name)}</span>
              <span className="waiting__count">{row.waiting}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
