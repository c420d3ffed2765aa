/** Shown while the visitor takes a priority ticket: which group, and a way to drop the claim. */
import { useT } from '@queue/ui';
import { dropPriority, useKiosk } from './kiosk-store';

export const PriorityBanner = () => {
  const t = useT();
  const priority = useKiosk((state) => state.priority);
  const issuing = useKiosk((state) => state.issuing);
  if (!priority) return null;
  return (
    <div className="priority-banner" data-testid="priority-banner">
      <p className="priority-banner__text">
        {t('kiosk.priority.active', { category: t(`kiosk.priority.category.${priority}`) })}
        <br />
        <span className="priority-banner__note">{t('kiosk.priority.note')}</span>
      </p>
      <button type="button" className="secondary-button" disabled={issuing} onClick={dropPriority}>
        {t('kiosk.priority.cancel')}
      </button>
    </div>
  );
};
