/** Who works where, the desk's status, the language and the way out. */
import type { DeskStatus } from '@queue/core';
import { LanguageSwitch, useT } from '@queue/ui';

interface Props {
  readonly operatorName: string;
  readonly deskName: string | undefined;
  readonly status: DeskStatus;
  readonly canLogOut: boolean;
  readonly onLogOut: () => void;
}

export const DeskHeader = ({ operatorName, deskName, status, canLogOut, onLogOut }: Props) => {
  const t = useT();
  return (
    <header className="desk__header">
      <div className="desk__who">
        {deskName && <h1 className="desk__name">{deskName}</h1>}
        <span>{t('desk.operator', { name: operatorName })}</span>
      </div>
      <p className={`desk-status desk-status--${status}`} data-testid="desk-status">
        <span className="desk-status__label">{t('desk.status.label')}:</span> {t(`desk.status.${status}`)}
      </p>
      <div className="desk__tools">
        <LanguageSwitch />
        <button type="button" className="logout" onClick={onLogOut} disabled={!canLogOut}>
          {t('desk.action.logout')}
        </button>
      </div>
    </header>
  );
};
