/**
 * How many people wait, per category, for the services of this board's desks, in rows large
 * enough to read across the hall. When there are more rows than the panel holds, they show a
 * page at a time, each page in turn, with which page it is.
 */
import type { Board } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useMemo, useRef } from 'react';
import { waitingRows } from '../logic/waiting';
import { useQueue } from '../state/queue';
import { usePageTurn, usePagedRows } from './page-rows';

/** How long each page of waiting counts shows. */
export const PAGE_MS = 8_000;

export const WaitingPanel = ({ board }: { readonly board: Board | undefined }) => {
  const t = useT();
  const localize = useLocalize();
  const centre = useQueue((state) => state.sync.centre);
  const summary = useQueue((state) => state.sync.summary);
  const rows = useMemo(() => waitingRows(centre, summary, board), [centre, summary, board]);
  const list = useRef<HTMLUListElement>(null);
  const key = rows.map((row) => `${localize(row.name)}:${row.waiting}`).join('|');
  const pageOf = usePagedRows(list, key);
  const pages = pageOf.length === 0 ? 1 : Math.max(...pageOf) + 1;
  const page = usePageTurn(pages, PAGE_MS);
  return (
    <section className="waiting" data-testid="waiting">
      <div className="waiting__top">
        <h2 className="panel__heading">{t('display.waiting')}</h2>
        {pages > 1 && (
          <p className="waiting__page" data-testid="waiting-page">
            {t('display.waitingPage', { page: page + 1, pages })}
          </p>
        )}
      </div>
      {rows.length === 0 && <p className="waiting__none">{t('display.noneWaiting')}</p>}
      {/* Always there, so that its size is watched from the start. */}
      <ul className="waiting__list" ref={list} hidden={rows.length === 0}>
        {rows.map((row, index) => (
          <li
            key={row.categoryId}
            className="waiting__row"
            hidden={pageOf.length === rows.length && pageOf[index] !== page}
          >
            <span className="waiting__name">{localize(row.name)}</span>
            <span className="waiting__count">{row.waiting}</span>
          </li>
        ))}
      </ul>
    </section>
  );
};
