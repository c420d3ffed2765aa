/**
 * The supervisor's monitor block: how many appeals are overdue and how many are due today
 * or tomorrow, the first few of each, and links to the journal filtered so.
 */
import type { QueueConnection } from '@queue/client';
import type { StaffAppeal } from '@queue/protocol';
import { useLanguage, useT } from '@queue/ui';
import { useMemo } from 'react';
import { dueDayOf, formatDay, listPayloadOf, NO_FILTERS } from './journal';
import { openJournal } from './journal-store';
import { UrgencyMark } from './UrgencyMark';
import { useAppealList } from './use-appeal-list';
import './appeals.css';

const FIRST = 5;

interface Props {
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly active: boolean;
}

export const AppealsDueBlock = ({ connection, online, active }: Props) => {
  const t = useT();
  const overdueQuery = useMemo(() => listPayloadOf({ ...NO_FILTERS, urgency: 'overdue' }, 0, FIRST), []);
  const soonQuery = useMemo(() => listPayloadOf({ ...NO_FILTERS, urgency: 'due-soon' }, 0, FIRST), []);
  const overdue = useAppealList(connection, active && online, overdueQuery);
  const soon = useAppealList(connection, active && online, soonQuery);
  const overdueCount = overdue.answer?.total ?? 0;
  const soonCount = soon.answer?.total ?? 0;

  return (
    <div className="appeals-due" data-testid="appeals-due">
      <h2 className="panel-heading">{t('appeals.monitor.heading')}</h2>
      {overdueCount + soonCount === 0 ? (
        <p className="monitor__quiet">{t('appeals.monitor.none')}</p>
      ) : (
        <>
          <DueList
            label={t('appeals.monitor.overdue', { count: overdueCount })}
            appeals={overdue.answer?.appeals ?? []}
            onOpen={() => openJournal({ urgency: 'overdue' })}
            testId="appeals-overdue"
          />
          <DueList
            label={t('appeals.monitor.dueSoon', { count: soonCount })}
            appeals={soon.answer?.appeals ?? []}
            onOpen={() => openJournal({ urgency: 'due-soon' })}
            testId="appeals-due-soon"
          />
        </>
      )}
      <button
        type="button"
        className="button button--small"
        data-action="open-journal"
        onClick={() => openJournal()}
      >
        {t('appeals.monitor.open')}
      </button>
    </div>
  );
};

const DueList = ({
  label,
  appeals,
  onOpen,
  testId,
}: {
  readonly label: string;
  readonly appeals: readonly StaffAppeal[];
  readonly onOpen: () => void;
  readonly testId: string;
}) => {
  const language = useLanguage();
  return (
    <div className="appeals-due__group" data-testid={testId}>
      <button type="button" className="appeals-due__link" onClick={onOpen}>
        {label}
      </button>
      <ul className="appeals-due__list">
        {appeals.map((appeal) => (
          <li key={appeal.id} className={`appeals-due__row appeals-due__row--${appeal.urgency}`}>
            <strong>{appeal.number}</strong> {formatDay(dueDayOf(appeal), language)}{' '}
            <UrgencyMark urgency={appeal.urgency} />{' '}
            <span className="appeals-due__summary">{appeal.summary}</span>
          </li>
        ))}
      </ul>
    </div>
  );
};
