/** Who works where, the desk's status, the panels, the language and the way out. */
import type { DeskStatus } from '@queue/core';
import { LanguageSwitch, useT } from '@queue/ui';
import { pauseReasonKey } from './logic/pause-reasons';
import type { Tab } from './logic/tabs';

interface Props {
  readonly operatorName: string;
  readonly deskName: string | undefined;
  readonly status: DeskStatus | undefined;
  readonly pauseReason: string | undefined;
  readonly tabs: readonly Tab[];
  readonly tab: Tab | undefined;
  readonly onTab: (tab: Tab) => void;
  readonly canAct: boolean;
  readonly onEndShift: () => void;
  readonly onLogOut: () => void;
}

export const DeskHeader = (props: Props) => {
  const { status, pauseReason, tabs } = props;
  const t = useT();
  const reasonKey = pauseReason ? pauseReasonKey(pauseReason) : undefined;
  const reason = reasonKey ? t(reasonKey) : (pauseReason ?? '');
  return (
    <header className="desk__header">
      <div className="desk__who">
        {props.deskName && <h1 className="desk__name">{props.deskName}</h1>}
        <span>{t('desk.operator', { name: props.operatorName })}</span>
      </div>
      {status && (
        <p className={`desk-status desk-status--${status}`} data-testid="desk-status">
          <span className="visually-hidden">{t('desk.status.label')}: </span>
          {t(`desk.status.${status}`)}
          {status === 'paused' && reason ? ` — ${reason}` : ''}
        </p>
      )}
      {tabs.length > 1 && (
        <div className="tabs" role="tablist" aria-label={t('desk.tabs.label')}>
          {tabs.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              className="tabs__tab"
              data-tab={tab}
              aria-selected={props.tab === tab}
              onClick={() => props.onTab(tab)}
            >
              {t(
                tab === 'devices'
                  ? 'pairing.devices.tab'
                  : tab === 'reports'
                    ? 'reports.tab'
                    : `desk.tabs.${tab}`,
              )}
            </button>
          ))}
        </div>
      )}
      <div className="desk__tools">
        <LanguageSwitch />
        <button
          type="button"
          className="logout"
          data-action="endShift"
          onClick={props.onEndShift}
          disabled={!props.canAct}
        >
          {t('desk.action.endShift')}
        </button>
        <button type="button" className="logout" data-action="logout" onClick={props.onLogOut}>
          {t('desk.action.logout')}
        </button>
      </div>
    </header>
  );
};
