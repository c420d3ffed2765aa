/**
 * After a save: the services no desk serves, named, with where to fix it. A warning, not a
 * refusal: the configuration is valid and saved, but the kiosk shows those services as not
 * available (and issuing refuses them) until a desk is given them.
 */
import { type Centre, unservedServices } from '@queue/core';
import { localeOf, useLanguage, useLocalize, useT } from '@queue/ui';
import './unserved-warning.css';

export const UnservedWarning = ({ centre }: { readonly centre: Centre }) => {
  const t = useT();
  const localize = useLocalize();
  const language = useLanguage();
  const unserved = unservedServices(centre);
  if (unserved.length === 0) return null;
  const names = new Intl.ListFormat(localeOf(language), { type: 'conjunction' }).format(
    unserved.map((service) => `«${localize(service.name)}»`),
  );
  return (
    <p className="unserved-warning" role="status" data-testid="config-unserved">
      {t('admin.unserved', { services: names, section: t('admin.section.desks') })}
    </p>
  );
};
