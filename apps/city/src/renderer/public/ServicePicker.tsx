/**
 * Choosing a service: a search field narrows the list, the list (a native select, which
 * phones show as their own picker) chooses. Choosing sorts the centres by that service's wait.
 */
import { useLanguage, useLocalize } from '@queue/ui';
import { useId, useMemo, useState } from 'react';
import { useCityT } from '../i18n/translate';
import { type ServiceOption, matchingServices } from './choose';

export const ServicePicker = ({
  options,
  chosen,
  onChoose,
}: {
  readonly options: readonly ServiceOption[];
  readonly chosen: string | undefined;
  readonly onChoose: (code: string | undefined) => void;
}) => {
  const t = useCityT();
  const localize = useLocalize();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const searchId = useId();
  const selectId = useId();
  const countId = useId();
  const matches = useMemo(() => matchingServices(options, search), [options, search]);
  // The chosen service stays in the list even when the search no longer matches it.
  const listed =
    chosen && !matches.some((option) => option.code === chosen)
      ? [...options.filter((option) => option.code === chosen), ...matches]
      : matches;

  const onSearch = (text: string): void => {
    setSearch(text);
    const found = matchingServices(options, text);
    // One match is the answer: choose it without a second tap.
    if (text.trim() && found.length === 1 && found[0]) onChoose(found[0].code);
  };

  return (
    <form className="picker" role="search" onSubmit={(event) => event.preventDefault()} lang={language}>
      <div className="picker__field">
        <label htmlFor={searchId}>{t('public.search.label')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          placeholder={t('public.search.placeholder')}
          autoComplete="off"
          aria-describedby={countId}
          onChange={(event) => onSearch(event.target.value)}
        />
      </div>
      <div className="picker__field">
        <label htmlFor={selectId}>{t('public.service.label')}</label>
        <select
          id={selectId}
          value={chosen ?? ''}
          onChange={(event) => onChoose(event.target.value || undefined)}
        >
          <option value="">{t('public.service.all')}</option>
          {listed.map((option) => (
            <option key={option.code} value={option.code}>
              {localize(option.name)}
            </option>
          ))}
        </select>
      </div>
      <p id={countId} className="picker__count" aria-live="polite">
        {search.trim()
          ? matches.length > 0
            ? t('public.service.matches', { count: matches.length })
            : t('public.service.noMatch')
          : ''}
      </p>
    </form>
  );
};
