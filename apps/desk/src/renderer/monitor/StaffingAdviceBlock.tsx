/**
 * The staffing advisor on the supervisor's monitor: each proposal (end a break, give a desk a
 * service of its organisation, open a desk) with the hour's forecast with and without it, and
 * a button that applies it through the same audited command the monitor's own buttons send.
 * Nothing changes until the supervisor presses it.
 */
import {
  type Centre,
  type QueueState,
  type RankedProposal,
  type ServiceCode,
  adviseStaffing,
} from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useMemo } from 'react';
import type { Commands } from '../common/use-commands';

interface Props {
  readonly centre: Centre;
  readonly queue: QueueState;
  readonly now: number;
  readonly commands: Commands;
}

/** Minutes as the forecast shows them: whole, or "no desk" when none will serve. */
const minutesText = (minutes: number | undefined, noDesk: string): string =>
  minutes === undefined || !Number.isFinite(minutes) ? noDesk : String(Math.round(minutes));

export const StaffingAdviceBlock = ({ centre, queue, now, commands }: Props) => {
  const t = useT();
  const localize = useLocalize();
  // The forecast looks an hour ahead: recomputing it once a minute is plenty.
  const minute = Math.floor(now / 60_000);
  const advice = useMemo(
    () => adviseStaffing(centre, queue, (minute * 60_000) as Parameters<typeof adviseStaffing>[2]),
    [centre, queue, minute],
  );
  const deskName = (id: string): string => {
    const desk = centre.desks.find((entry) => entry.id === id);
    return desk ? localize(desk.name) : id;
  };
  const serviceName = (code: string): string => {
    const service = centre.services.find((entry) => entry.code === code);
    return service ? localize(service.name) : code;
  };
  const standardOf = (code: string): number =>
    centre.services.find((entry) => entry.code === code)?.waitingStandardMinutes ?? 0;

  const title = ({ proposal }: RankedProposal): string =>
    proposal.kind === 'add-service'
      ? t('monitor.advice.add-service', {
          desk: deskName(proposal.deskId),
          service: serviceName(proposal.serviceCode),
        })
      : t(`monitor.advice.${proposal.kind}`, { desk: deskName(proposal.deskId) });

  const apply = ({ proposal }: RankedProposal): void => {
    if (proposal.kind === 'end-break') void commands.send('desk:resume', { deskId: proposal.deskId });
    else if (proposal.kind === 'open-desk') void commands.send('desk:open', { deskId: proposal.deskId });
    else
      void commands.send('desk:assign-services', {
        deskId: proposal.deskId,
        services: proposal.services.map(({ code, weight }) => ({ code, weight })),
      });
  };

  return (
    <section className="advice" aria-labelledby="advice-heading" data-testid="staffing-advice">
      <h2 className="panel-heading" id="advice-heading">
        {t('monitor.advice')}
      </h2>
      {advice.proposals.length === 0 ? (
        <p className="monitor__quiet">
          {advice.outlook.some((row) => row.overStandard)
            ? t('monitor.advice.nothing')
            : t('monitor.advice.none')}
        </p>
      ) : (
        <ol className="advice__list">
          {advice.proposals.map((entry) => (
            <li
              key={`${entry.proposal.kind}-${entry.proposal.deskId}-${'serviceCode' in entry.proposal ? entry.proposal.serviceCode : ''}`}
              className="advice__item"
              data-kind={entry.proposal.kind}
              data-desk={entry.proposal.deskId}
            >
              <strong className="advice__title">{title(entry)}</strong>
              <ul className="advice__forecast">
                {(Object.keys(entry.before) as ServiceCode[]).map((code) => (
                  <li key={code} data-service={code}>
                    {t('monitor.advice.forecast', {
                      service: serviceName(code),
                      before: minutesText(entry.before[code], t('monitor.advice.noDesk')),
                      after: minutesText(entry.after[code], t('monitor.advice.noDesk')),
                      standard: standardOf(code),
                    })}
                  </li>
                ))}
              </ul>
              {entry.enough && <p className="advice__enough">{t('monitor.advice.enough')}</p>}
              <button
                type="button"
                className="button button--small"
                data-action="apply-advice"
                disabled={!commands.ready}
                onClick={() => apply(entry)}
              >
                {t('monitor.advice.apply')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="advice__note">{t('monitor.advice.note')}</p>
    </section>
  );
};
