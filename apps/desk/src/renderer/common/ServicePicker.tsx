/**
 * Pick a service: type to filter, then choose from the list grouped by organisation (arrow
 * keys move from the search field into the list). The first match is chosen while typing.
 */
import type { Centre, Service, ServiceCode } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { flatten, groupServices } from '../logic/service-search';

interface Props {
  readonly centre: Centre;
  readonly value: ServiceCode | undefined;
  readonly onChange: (code: ServiceCode | undefined) => void;
  readonly label: string;
  readonly include?: (service: Service) => boolean;
  readonly autoFocus?: boolean;
  readonly rows?: number;
  readonly testId?: string;
  /** Enter in the search field does this instead of confirming the surrounding form. */
  readonly onEnter?: () => void;
}

export const ServicePicker = (props: Props) => {
  const { centre, value, onChange, label, include, autoFocus, rows = 8, testId, onEnter } = props;
  const t = useT();
  const localize = useLocalize();
  const id = useId();
  const list = useRef<HTMLSelectElement>(null);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupServices(centre, query, include), [centre, query, include]);
  const codes = useMemo(() => flatten(groups).map((service) => service.code), [groups]);

  useEffect(() => {
    if (value === undefined || !codes.includes(value)) onChange(codes[0]);
  }, [codes, value, onChange]);

  return (
    <div className="picker" data-testid={testId}>
      <span className="field__label" id={`${id}-label`}>
        {label}
      </span>
      <input
        type="search"
        className="picker__search"
        placeholder={t('desk.picker.search')}
        aria-label={t('desk.picker.search')}
        autoFocus={autoFocus}
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            list.current?.focus();
          } else if (event.key === 'Enter' && onEnter) {
            event.preventDefault();
            event.stopPropagation();
            onEnter();
          }
        }}
      />
      <select
        ref={list}
        className="picker__list"
        size={rows}
        aria-labelledby={`${id}-label`}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value as ServiceCode)}
      >
        {groups.map((group) => (
          <optgroup key={group.organisation.id} label={localize(group.organisation.name)}>
            {group.services.map((service) => (
              <option key={service.code} value={service.code}>
                {localize(service.name)}
                {service.onKiosk ? '' : ` — ${t('desk.picker.notOnKiosk')}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {codes.length === 0 && <p className="picker__empty">{t('desk.picker.none')}</p>}
    </div>
  );
};
