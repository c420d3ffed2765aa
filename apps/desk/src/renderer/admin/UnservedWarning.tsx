/**
 * After a save: the services no desk serves, named, with where to fix it, and a button that
 * gives them to the desks of their own organisations in one more save. A warning, not a
 * refusal: the configuration is valid and saved, but the kiosk shows those services as not
 * available (and issuing refuses them) until a desk is given them.
 */
import { type Centre, desksOfOrganisation, unservedServices, withServicesGivenToDesks } from '@queue/core';
import { localeOf, useLanguage, useLocalize, useT } from '@queue/ui';
import './unserved-warning.css';

interface Props {
  readonly centre: Centre;
  readonly busy: boolean;
  /** Save the configuration with the services given to desks. */
  readonly onGive: (next: Centre) => void;
}

export const UnservedWarning = ({ centre, busy, onGive }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const language = useLanguage();
  const unserved = unservedServices(centre);
  if (unserved.length === 0) return null;
  const names = new Intl.ListFormat(localeOf(language), { type: 'conjunction' }).format(
    unserved.map((service) => `«${localize(service.name)}»`),
  );
  // Only services whose organisation has a desk can be given one here.
  const givable = unserved.filter((service) => desksOfOrganisation(centre, service).length > 0);
  return (
    <div className="unserved-warning" role="status" data-testid="config-unserved">
      <p>{t('admin.unserved', { services: names, section: t('admin.section.desks') })}</p>
      {givable.length > 0 && (
        <button
          type="button"
          className="button button--small"
          data-testid="give-unserved"
          disabled={busy}
          onClick={() => onGive(withServicesGivenToDesks(centre, givable))}
        >
          {t('admin.unservedGive')}
        </button>
      )}
    </div>
  );
};
