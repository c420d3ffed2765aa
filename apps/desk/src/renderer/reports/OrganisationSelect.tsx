/** The organisation a report covers: all of them, or one of the centre's. */
import type { Centre } from '@queue/core';
import { useLocalize } from '@queue/ui';

interface Props {
  readonly centre: Centre;
  readonly label: string;
  /** What "all organisations" reads as. */
  readonly allLabel: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (organisationId: string) => void;
}

export const OrganisationSelect = ({ centre, label, allLabel, name, value, onChange }: Props) => {
  const localize = useLocalize();
  return (
    <label>
      {label}{' '}
      <select name={name} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {centre.organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {localize(organisation.name)}
          </option>
        ))}
      </select>
    </label>
  );
};
