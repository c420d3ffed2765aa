/**
 * The appeals journal tab: the paper journal's columns (number, date received, class and
 * topic, applicant and address, summary, result, in whose favour) plus status and term,
 * overdue rows in red and those due within a day in amber, each also said in words. Filters
 * above, pages below; a row's number opens the appeal; "New appeal" registers one.
 */
import type { QueueConnection } from '@queue/client';
import { APPEAL_CLASSES, APPEAL_STATUSES, type Centre } from '@queue/core';
import type { AppealAssignee, StaffAppeal } from '@queue/protocol';
import { useLanguage, useLocalize, useT } from '@queue/ui';
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { AppealDetailsDialog } from './AppealDetailsDialog';
import { AppealRefusal } from './AppealRefusal';
import {
  type ClassFilter,
  type StatusFilter,
  type UrgencyFilter,
  applicantCellOf,
  dueDayOf,
  formatDay,
  formatMoment,
  listPayloadOf,
  pageCountOf,
  rowToneOf,
} from './journal';
import { clearFilters, setFilters, setPage, useJournal } from './journal-store';
import { RegisterAppealDialog } from './RegisterAppealDialog';
import { UrgencyMark } from './UrgencyMark';
import { useAppealList } from './use-appeal-list';
import './appeals.css';

interface Props {
  readonly centre: Centre | undefined;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly roles: readonly string[];
  readonly active: boolean;
}

export const JournalPanel = ({ centre, connection, online, roles, active }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const language = useLanguage();
  const filters = useStore(useJournal, (state) => state.filters);
  const page = useStore(useJournal, (state) => state.page);
  const payload = useMemo(() => listPayloadOf(filters, page), [filters, page]);
  const list = useAppealList(connection, active && online, payload);
  const [assignees, setAssignees] = useState<readonly AppealAssignee[]>([]);
  const [opened, setOpened] = useState<string>();
  const [registering, setRegistering] = useState(false);
  // The next person to log in at this screen starts with a clean journal.
  useEffect(() => clearFilters, []);

  useEffect(() => {
    if (!connection || !filters.organisationId) {
      setAssignees([]);
      return;
    }
    let live = true;
    void connection.request('appeal:assignees', { organisationId: filters.organisationId }).then((answer) => {
      if (live) setAssignees(answer.ok ? answer.data : []);
    });
    return () => {
      live = false;
    };
  }, [connection, filters.organisationId]);

  if (!centre) return <p className="desk__loading">{t('desk.loading')}</p>;
  const timeZone = centre.site.timeZone;
  const total = list.answer?.total ?? 0;
  const pages = pageCountOf(total);
  const organisationName = (id: string): string => {
    const organisation = centre.organisations.find((entry) => entry.id === id);
    return organisation ? localize(organisation.name) : id;
  };
  const serviceName = (code: string | undefined): string | undefined => {
    const service = code ? centre.services.find((entry) => entry.code === code) : undefined;
    return service ? localize(service.name) : code;
  };

  const resultOf = (appeal: StaffAppeal): string => {
    const resolution = appeal.resolution;
    if (resolution?.kind === 'answered') return resolution.result;
    if (resolution?.kind === 'dismissed') {
      return t('appeals.result.dismissed', { ground: t(`appeals.ground.${resolution.ground}`) });
    }
    if (appeal.forwarded) return t('appeals.result.forwarded', { body: appeal.forwarded.body });
    return '';
  };

  return (
    <div className="journal" data-testid="journal">
      <div className="journal__top">
        <h2 className="panel-heading journal__heading">{t('appeals.heading')}</h2>
        <span className="journal__count" data-testid="journal-count" aria-live="polite">
          {t('appeals.count', { total })}
        </span>
        <button
          type="button"
          className="button button--primary"
          data-action="new-appeal"
          disabled={!online}
          onClick={() => setRegistering(true)}
        >
          {t('appeals.new')}
        </button>
      </div>
      <form
        className="journal__filters"
        aria-label={t('appeals.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          list.reload();
        }}
      >
        <label className="journal__filter">
          <span>{t('appeals.filter.search')}</span>
          <input
            type="search"
            name="search"
            maxLength={40}
            value={filters.search}
            onChange={(event) => setFilters({ search: event.target.value })}
          />
        </label>
        <label className="journal__filter">
          <span>{t('appeals.filter.status')}</span>
          <select
            name="status"
            value={filters.status}
            onChange={(event) => setFilters({ status: event.target.value as StatusFilter })}
          >
            <option value="">{t('appeals.filter.all')}</option>
            <option value="open">{t('appeals.filter.open')}</option>
            {APPEAL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`appeals.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="journal__filter">
          <span>{t('appeals.filter.class')}</span>
          <select
            name="class"
            value={filters.appealClass}
            onChange={(event) => setFilters({ appealClass: event.target.value as ClassFilter })}
          >
            <option value="">{t('appeals.filter.all')}</option>
            {APPEAL_CLASSES.map((entry) => (
              <option key={entry} value={entry}>
                {t(`appeals.class.${entry}`)}
              </option>
            ))}
            <option value="unclassified">{t('appeals.filter.unclassified')}</option>
          </select>
        </label>
        <label className="journal__filter">
          <span>{t('appeals.filter.organisation')}</span>
          <select
            name="organisation"
            value={filters.organisationId}
            onChange={(event) => setFilters({ organisationId: event.target.value, assigneeId: '' })}
          >
            <option value="">{t('appeals.filter.all')}</option>
            {centre.organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {localize(organisation.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="journal__filter">
          <span>{t('appeals.filter.assignee')}</span>
          <select
            name="assignee"
            value={filters.assigneeId}
            disabled={!filters.organisationId}
            onChange={(event) => setFilters({ assigneeId: event.target.value })}
          >
            <option value="">{t('appeals.filter.all')}</option>
            {assignees.map((person) => (
              <option key={person.staffId} value={person.staffId}>
                {person.name}
              </option>
            ))}
          </select>
        </label>
        <label className="journal__filter">
          <span>{t('appeals.filter.urgency')}</span>
          <select
            name="urgency"
            value={filters.urgency}
            onChange={(event) => setFilters({ urgency: event.target.value as UrgencyFilter })}
          >
            <option value="">{t('appeals.filter.all')}</option>
            <option value="overdue">{t('appeals.urgency.overdue')}</option>
            <option value="due-soon">{t('appeals.urgency.due-soon')}</option>
          </select>
        </label>
        <label className="journal__filter">
          <span>{t('appeals.filter.dueBy')}</span>
          <input
            type="date"
            name="due-by"
            value={filters.dueBy}
            onChange={(event) => setFilters({ dueBy: event.target.value })}
          />
        </label>
        <label className="journal__check">
          <input
            type="checkbox"
            name="mine"
            checked={filters.mine}
            onChange={(event) => setFilters({ mine: event.target.checked })}
          />
          {t('appeals.filter.mine')}
        </label>
        <button type="button" className="button button--plain button--small" onClick={clearFilters}>
          {t('appeals.filter.clear')}
        </button>
        <button type="submit" className="button button--small">
          {t('appeals.refresh')}
        </button>
      </form>
      {list.error && <AppealRefusal code={list.error} />}
      <div className="journal__scroll">
        <table className="journal__table" data-testid="journal-table">
          <thead>
            <tr>
              <th scope="col">{t('appeals.col.number')}</th>
              <th scope="col">{t('appeals.col.received')}</th>
              <th scope="col">{t('appeals.col.topic')}</th>
              <th scope="col">{t('appeals.col.applicant')}</th>
              <th scope="col">{t('appeals.col.summary')}</th>
              <th scope="col">{t('appeals.col.result')}</th>
              <th scope="col">{t('appeals.col.favour')}</th>
              <th scope="col">{t('appeals.col.status')}</th>
              <th scope="col">{t('appeals.col.due')}</th>
            </tr>
          </thead>
          <tbody>
            {list.answer?.appeals.map((appeal) => {
              const tone = rowToneOf(appeal);
              const applicant = applicantCellOf(appeal);
              const service = serviceName(appeal.topic.serviceCode);
              const favour = appeal.resolution?.kind === 'answered' ? appeal.resolution.favour : undefined;
              return (
                <tr
                  key={appeal.id}
                  className={tone ? `journal__row journal__row--${tone}` : 'journal__row'}
                  data-appeal={appeal.number}
                  data-urgency={appeal.urgency}
                  data-status={appeal.status}
                >
                  <td className="journal__number">
                    <button
                      type="button"
                      className="journal__open"
                      data-action="open-appeal"
                      onClick={() => setOpened(appeal.id)}
                    >
                      {appeal.number}
                    </button>
                  </td>
                  <td className="journal__nowrap">{formatMoment(appeal.receivedAt, language, timeZone)}</td>
                  <td>
                    <strong>{appeal.appealClass ?? '—'}</strong>{' '}
                    {organisationName(appeal.topic.organisationId)}
                    {service && <span className="journal__sub">{service}</span>}
                  </td>
                  <td data-cell="applicant">
                    {applicant.kind === 'shown' && (
                      <>
                        {applicant.name}
                        {applicant.address && <span className="journal__sub">{applicant.address}</span>}
                      </>
                    )}
                    {applicant.kind === 'hidden' && <em>{t('appeals.applicant.hidden')}</em>}
                    {applicant.kind === 'cleared' && <em>{t('appeals.applicant.cleared')}</em>}
                  </td>
                  <td className="journal__text">{appeal.summary}</td>
                  <td className="journal__text" data-cell="result">
                    {resultOf(appeal)}
                  </td>
                  <td data-cell="favour">{favour ? t(`appeals.favour.${favour}`) : ''}</td>
                  <td data-cell="status">{t(`appeals.status.${appeal.status}`)}</td>
                  <td className="journal__nowrap" data-cell="due">
                    {formatDay(dueDayOf(appeal), language)}
                    <UrgencyMark urgency={appeal.urgency} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {list.answer && list.answer.appeals.length === 0 && (
          <p className="journal__empty">{t('appeals.empty')}</p>
        )}
      </div>
      {total > (payload.limit ?? 0) && (
        <nav className="journal__pages" aria-label={t('appeals.page', { page: page + 1, pages })}>
          <button
            type="button"
            className="button button--small"
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
          >
            {t('appeals.page.prev')}
          </button>
          <span>{t('appeals.page', { page: page + 1, pages })}</span>
          <button
            type="button"
            className="button button--small"
            disabled={page + 1 >= pages}
            onClick={() => setPage(page + 1)}
          >
            {t('appeals.page.next')}
          </button>
        </nav>
      )}
      {opened && (
        <AppealDetailsDialog
          appealId={opened}
          centre={centre}
          connection={connection}
          online={online}
          roles={roles}
          onClose={() => {
            setOpened(undefined);
            list.reload();
          }}
        />
      )}
      {registering && (
        <RegisterAppealDialog
          centre={centre}
          connection={connection}
          online={online}
          onClose={() => {
            setRegistering(false);
            list.reload();
          }}
        />
      )}
    </div>
  );
};
