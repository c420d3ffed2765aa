/** Buttons for Ukrainian, Russian and English; the current one is pressed. */
import { LANGUAGES } from '@queue/core';
import { setLanguage, useLanguage, useT } from '../i18n/language-store';
import './shared.css';

export const LanguageSwitch = ({ className = '' }: { readonly className?: string }) => {
  const t = useT();
  const current = useLanguage();
  return (
    <div className={`language-switch ${className}`} role="group" aria-label={t('language.switch')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__button"
          aria-pressed={language === current}
          // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
          aria-label={`${t(`language.short.${language}`)} — ${t(`language.name.${language}`)}`}
          onClick={() => setLanguage(language)}
        >
          {t(`language.short.${language}`)}
        </button>
      ))}
    </div>
  );
};
