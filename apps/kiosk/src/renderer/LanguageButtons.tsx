/**
 * The kiosk's language buttons: each language named in itself, in full ("Українська",
 * "Русский", "English"), so a visitor finds their own and the visible text is the button's
 * accessible name.
 */
import { LANGUAGES } from '@queue/core';
import { setLanguage, useLanguage, useT } from '@queue/ui';

export const LanguageButtons = () => {
  const t = useT();
  const current = useLanguage();
  return (
    <div className="language-switch kiosk__languages" role="group" aria-label={t('language.switch')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__button"
          aria-pressed={language === current}
          onClick={() => setLanguage(language)}
        >
          {t(`language.name.${language}`)}
        </button>
      ))}
    </div>
  );
};
