/**
 * Which services a desk serves and with what weight: a searchable list of checkboxes with a
 * weight beside each chosen one. Used by the monitor (move a desk) and the desk editor.
 */
import type { DeskService, Service, ServiceCode } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useState } from 'react';

interface Props {
  readonly services: readonly Service[];
  readonly value: readonly DeskService[];
  readonly onChange: (next: DeskService[]) => void;
}

export const ServiceWeights = ({ services, value, onChange }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const [query, setQuery] = useState('');
  const chosen = new Map(value.map((entry) => [entry.code, entry.weight]));
  const needle = query.trim().toLowerCase();
  const shown = services.filter(
    (service) =>
      needle === '' ||
      localize(service.name).toLowerCase().includes(needle) ||
      service.code.includes(needle) ||
      chosen.has(service.code),
  );
  const toggle = (code: ServiceCode, on: boolean): void =>
    onChange(on ? [...value, { code, weight: 1 }] : value.filter((entry) => entry.code !== code));
  const weigh = (code: ServiceCode, weight: number): void =>
    onChange(value.map((entry) => (entry.code === code ? { code, weight } : entry)));

  return (
    <div className="weights" data-testid="service-weights">
      <input
        className="weights__search"
        type="search"
        value={query}
        placeholder={t('monitor.assign.search')}
        aria-label={t('monitor.assign.search')}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="dialog__hint">{t('monitor.assign.selected', { count: value.length })}</p>
      <ul className="weights__list">
        {shown.map((service) => {
          const weight = chosen.get(service.code);
          return (
            <li key={service.code} className="weights__row" data-service={service.code}>
              <label className="weights__name">
                <input
                  type="checkbox"
                  checked={weight !== undefined}
                  onChange={(event) => toggle(service.code, event.target.checked)}
                />
                {localize(service.name)}
              </label>
              {weight !== undefined && (
                <input
                  className="weights__weight"
                  type="number"
                  min={0.1}
                  max={100}
                  step={0.1}
                  value={weight}
                  aria-label={t('monitor.assign.weight')}
                  onChange={(event) => weigh(service.code, Number(event.target.value))}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
};
