/** The eligible groups; the chosen one goes on the ticket, to be confirmed at the desk. */
import { PRIORITY_CATEGORIES } from '@queue/core';
import { useT } from '@queue/ui';
import { backHome, choosePriority } from './kiosk-store';

export const PriorityScreen = () => {
  const t = useT();
  return (
    <section className="screen">
      <div className="screen__bar">
        <button type="button" className="back-button" onClick={backHome}>
          {t('kiosk.back')}
        </button>
        <h2 className="screen__heading">{t('kiosk.priority.heading')}</h2>
      </div>
      <p className="screen__note">{t('kiosk.priority.note')}</p>
      <div className="tiles">
        {PRIORITY_CATEGORIES.map((category) => (
          <button
            key={category}
            type="button"
            className="tile tile--category"
            data-priority={category}
            onClick={() => choosePriority(category)}
          >
            <span className="tile__title">{t(`kiosk.priority.category.${category}`)}</span>
          </button>
        ))}
      </div>
    </section>
  );
};
