/**
 * What an appeal is about: an organisation of the centre and, optionally, one of its
 * services. Choosing another organisation clears the service (it belonged to the old one).
 */
import type { Centre } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';

interface Props {
  readonly centre: Centre;
  readonly organisationId: string;
  readonly serviceCode: string;
  readonly onOrganisation: (organisationId: string) => void;
  readonly onService: (serviceCode: string) => void;
  /** Only the organisation (an assignment names no service). */
  readonly organisationOnly?: boolean;
}

export const TopicFields = (props: Props) => {
  const { centre, organisationId, serviceCode } = props;
  const t = useT();
  const localize = useLocalize();
  const services = centre.services.filter((service) => service.organisationId === organisationId);
  return (
    <>
      <label className="field">
        <span className="field__label">{t('appeals.field.organisation')}</span>
        <select
          name="organisation"
          value={organisationId}
          onChange={(event) => {
            props.onOrganisation(event.target.value);
            props.onService('');
          }}
        >
          {centre.organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {localize(organisation.name)}
            </option>
          ))}
        </select>
      </label>
      {!props.organisationOnly && (
        <label className="field">
          <span className="field__label">{t('appeals.field.service')}</span>
          <select
            name="service"
            value={serviceCode}
            onChange={(event) => props.onService(event.target.value)}
          >
            <option value="">{t('appeals.field.service.none')}</option>
            {services.map((service) => (
              <option key={service.code} value={service.code}>
                {localize(service.name)}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
};
