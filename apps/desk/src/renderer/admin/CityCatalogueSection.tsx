/**
 * The city catalogue on offer from the hub (`city-catalogue:offer`): its version, what
 * applying it would change here in words, and Apply (confirmed first) through
 * `city-catalogue:apply`, the checked, audited configuration replace. Read when opened and on
 * "Ask the hub" (which fetches from the hub first). The buttons come before the list of
 * changes, which may be long, so that they stay on a desk's screen.
 */
import type { QueueConnection } from '@queue/client';
import type { CatalogueEntryChange, CatalogueSectionChanges } from '@queue/core';
import type { CityCatalogueOfferView } from '@queue/protocol';
import { type MessageKey, formatDate, formatTime, useLanguage, useT } from '@queue/ui';
import { useCallback, useEffect, useState } from 'react';
import { RefusalLine } from '../common/RefusalLine';
import { OFFLINE, useCommands } from '../common/use-commands';
import { isTransportFailure } from '../logic/retry';

interface Props {
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly timeZone: string;
}

const SECTIONS = ['organisations', 'categories', 'services', 'specialDays'] as const;

const SECTION_TITLES: Record<(typeof SECTIONS)[number], MessageKey> = {
  organisations: 'admin.cityCatalogue.section.organisations',
  categories: 'admin.cityCatalogue.section.categories',
  services: 'admin.cityCatalogue.section.services',
  specialDays: 'admin.cityCatalogue.section.specialDays',
};

const FIELDS: Readonly<Record<string, MessageKey>> = {
  name: 'admin.cityCatalogue.field.name',
  prefix: 'admin.cityCatalogue.field.prefix',
  expectedMinutes: 'admin.cityCatalogue.field.expectedMinutes',
  waitingStandardMinutes: 'admin.cityCatalogue.field.waitingStandardMinutes',
  dailyLimit: 'admin.cityCatalogue.field.dailyLimit',
  hours: 'admin.cityCatalogue.field.hours',
  onKiosk: 'admin.cityCatalogue.field.onKiosk',
  outcomes: 'admin.cityCatalogue.field.outcomes',
  outcomeRequired: 'admin.cityCatalogue.field.outcomeRequired',
  categoryId: 'admin.cityCatalogue.field.categoryId',
  organisationId: 'admin.cityCatalogue.field.organisationId',
  higherBody: 'admin.cityCatalogue.field.higherBody',
  note: 'admin.cityCatalogue.field.note',
};

const isEmpty = (section: CatalogueSectionChanges): boolean =>
  section.added.length + section.changed.length + section.removedByCity.length === 0;

export const CityCatalogueSection = ({ connection, online, timeZone }: Props) => {
  const t = useT();
  const language = useLanguage();
  const commands = useCommands(connection, online);
  const [view, setView] = useState<CityCatalogueOfferView>();
  const [refusal, setRefusal] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<{ version: number; config: number }>();
  const when = (at: number): string =>
    `${formatDate(at, language, timeZone)} ${formatTime(at, language, timeZone)}`;
  const nameOf = (entry: CatalogueEntryChange): string => (entry.name ? entry.name[language] : entry.id);
  const fieldsOf = (entry: CatalogueEntryChange): string =>
    [
      ...new Set((entry.fields ?? []).map((field) => t(FIELDS[field] ?? 'admin.cityCatalogue.field.other'))),
    ].join(', ');

  const load = useCallback(
    async (refresh: boolean): Promise<void> => {
      if (!connection || !online) return;
      const answer = await connection.request('city-catalogue:offer', refresh ? { refresh } : {});
      if (answer.ok) {
        setView(answer.data);
        setRefusal(undefined);
      } else setRefusal(isTransportFailure(answer) ? OFFLINE : answer.error.code);
    },
    [connection, online],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  const apply = async (version: number): Promise<void> => {
    setConfirming(false);
    const answer = await commands.send('city-catalogue:apply', { version });
    if (answer?.ok) setDone({ version: answer.data.catalogueVersion, config: answer.data.version });
    await load(false);
  };

  if (!view?.configured) return <RefusalLine code={refusal} />;
  const offered = view.offered;
  const changes = offered?.changes;
  const upToDate =
    changes !== undefined &&
    SECTIONS.every((section) => isEmpty(changes[section])) &&
    !changes.ticketTemplate &&
    view.appliedVersion === offered?.version;

  return (
    <section
      className="form__field--wide"
      data-testid="city-catalogue"
      aria-labelledby="city-catalogue-title"
    >
      <h2 id="city-catalogue-title">{t('admin.cityCatalogue.title')}</h2>
      <p className="dialog__hint">{t('admin.cityCatalogue.hint')}</p>
      <p data-testid="city-catalogue-applied">
        {view.appliedVersion === undefined
          ? t('admin.cityCatalogue.neverApplied')
          : t('admin.cityCatalogue.applied', {
              version: view.appliedVersion,
              time: view.appliedAt === undefined ? '' : when(view.appliedAt),
            })}
      </p>
      {view.lastError !== undefined && (
        <p className="notice notice--warning" role="status" data-testid="city-catalogue-error">
          {t('admin.cityCatalogue.fetchError', { message: view.lastError })}
        </p>
      )}
      {!offered && <p data-testid="city-catalogue-none">{t('admin.cityCatalogue.none')}</p>}
      {offered && (
        <p data-testid="city-catalogue-offered">
          {t('admin.cityCatalogue.offered', { version: offered.version })}
        </p>
      )}
      {done && (
        <p className="notice" role="status" data-testid="city-catalogue-done">
          {t('admin.cityCatalogue.done', { version: done.version, config: done.config })}
        </p>
      )}
      <div className="form__buttons">
        {offered && !upToDate && !confirming && (
          <button
            type="button"
            className="button"
            data-action="apply-catalogue"
            disabled={!commands.ready}
            onClick={() => {
              setDone(undefined);
              setConfirming(true);
            }}
          >
            {commands.pending === 'city-catalogue:apply'
              ? t('admin.cityCatalogue.applying')
              : t('admin.cityCatalogue.apply', { version: offered.version })}
          </button>
        )}
        <button type="button" className="button" disabled={!online} onClick={() => void load(true)}>
          {t('admin.cityCatalogue.refresh')}
        </button>
      </div>
      {offered && confirming && (
        <p className="devices__confirm" role="alert" data-testid="city-catalogue-confirm">
          {t('admin.cityCatalogue.confirm', { version: offered.version })}{' '}
          <button
            type="button"
            className="button"
            data-action="confirm-apply-catalogue"
            onClick={() => void apply(offered.version)}
          >
            {t('admin.cityCatalogue.confirmYes')}
          </button>{' '}
          <button type="button" className="button button--plain" onClick={() => setConfirming(false)}>
            {t('admin.cityCatalogue.cancel')}
          </button>
        </p>
      )}
      <RefusalLine code={commands.refusal ?? refusal} />
      {offered && changes && (
        <>
          {upToDate ? (
            <p data-testid="city-catalogue-up-to-date">
              {t('admin.cityCatalogue.upToDate', { version: offered.version })}
            </p>
          ) : (
            <div data-testid="city-catalogue-changes">
              <h3>{t('admin.cityCatalogue.changesTitle')}</h3>
              {SECTIONS.filter((section) => !isEmpty(changes[section])).map((section) => (
                <div key={section}>
                  <h4>{t(SECTION_TITLES[section])}</h4>
                  <ul>
                    {changes[section].added.map((entry) => (
                      <li key={`a-${entry.id}`}>{t('admin.cityCatalogue.added', { name: nameOf(entry) })}</li>
                    ))}
                    {changes[section].changed.map((entry) => (
                      <li key={`c-${entry.id}`}>
                        {t('admin.cityCatalogue.changed', { name: nameOf(entry), fields: fieldsOf(entry) })}
                      </li>
                    ))}
                    {changes[section].removedByCity.map((entry) => (
                      <li key={`r-${entry.id}`}>
                        {t('admin.cityCatalogue.removedByCity', { name: nameOf(entry) })}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {changes.ticketTemplate && <p>{t('admin.cityCatalogue.template')}</p>}
            </div>
          )}
          {changes.unservedServices.length > 0 && (
            <ul className="problems" data-testid="city-catalogue-unserved">
              {changes.unservedServices.map((entry) => (
                <li key={entry.id}>{t('admin.cityCatalogue.unserved', { name: nameOf(entry) })}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
};
