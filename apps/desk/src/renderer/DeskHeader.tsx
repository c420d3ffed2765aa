/** Who works where, the desk's status, the panels, the language and the way out. */
import type { DeskStatus } from '@queue/core';
import { LanguageSwitch, useT } from '@queue/ui';
import { pauseReasonKey } from './logic/pause-reasons';
import type { Tab } from './logic/tabs';

/** The most tabs that fit on one line with the desk's name and the tools, in every language. */
const MAX_TABS_IN_LINE = 4;

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
  // Many tabs (an administrator's) do not fit beside the tools on 1366 px: they get a row of
  // their own below, after the tools in the reading order as on screen.
  const many = tabs.length > MAX_TABS_IN_LINE;
  const t = useT();
  const reasonKey = pauseReason ? pauseReasonKey(pauseReason) : undefined;
  const reason = reasonKey ? t(reasonKey) : (pauseReason ?? '');
  const tabBar = tabs.length > 1 && (
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
  );
  const tools = (
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
  );
  return (
    <header className={many ? 'desk__header desk__header--many' : 'desk__header'}>
      <div className="desk__who">
        {/* The page's one heading: the desk, or who works here when at no desk. */}
        {props.deskName ? (
          <>
            <h1 className="desk__name">{props.deskName}</h1>
            <span>{t('desk.operator', { name: props.operatorName })}</span>
          </>
        ) : (
          <h1 className="desk__who-heading">{t('desk.operator', { name: props.operatorName })}</h1>
        )}
      </div>
      {status && (
        <p className={`desk-status desk-status--${status}`} data-testid="desk-status">
          <span className="visually-hidden">{t('desk.status.label')}: </span>
          {t(`desk.status.${status}`)}
          {status === 'paused' && reason ? ` — ${reason}` : ''}
        </p>
      )}
      {!many && tabBar}
      {tools}
      {many && tabBar}
    </header>
  );
};
