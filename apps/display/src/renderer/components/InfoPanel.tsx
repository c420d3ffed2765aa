/** Notices for visitors (opening hours, news), in the board's language; line breaks are kept. */
import { useT } from '@queue/ui';

export const InfoPanel = ({ text }: { readonly text: string }) => {
  const t = useT();
  return (
    <section className="info" data-testid="info">
      <h2 className="panel__heading">{t('display.info')}</h2>
      <p className="info__text">{text}</p>
    </section>
  );
};
