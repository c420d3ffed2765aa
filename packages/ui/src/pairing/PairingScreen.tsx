/**
 * What a kiosk, board or desk terminal without a valid token shows: the pairing code, large
 * enough to read across a hall, what to do with it, and what the administrator must do.
 * Nothing else works until the device is paired.
 */
import { useCallback } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { formatTime } from '../i18n/format';
import { useLanguage, useT } from '../i18n/language-store';
import type { PairingKind } from './pairing-api';
import { usePairing } from './use-pairing';
import './pairing.css';

interface Props {
  readonly kind: PairingKind;
  /** Where the device keeps its token (the same key its connection reads). */
  readonly storageKey: string;
  /** The token of the now paired device; by default the page reloads to start with it. */
  readonly onPaired?: (token: string) => void;
  /** The device had a token that the server refused: say why it is here. */
  readonly revoked?: boolean;
}

const reload = (): void => window.location.reload();

/** `123456` as `123 456`. */
const spaced = (code: string): string => `${code.slice(0, 3)} ${code.slice(3)}`;

export const PairingScreen = ({ kind, storageKey, onPaired, revoked = false }: Props) => {
  const t = useT();
  const language = useLanguage();
  const paired = useCallback((token: string) => (onPaired ?? reload)(token), [onPaired]);
  const view = usePairing(kind, storageKey, paired);
  const code = view.kind === 'waiting' ? spaced(view.pending.code) : undefined;

  return (
    <main className="pairing" data-testid="pairing-screen" data-state={view.kind}>
      <header className="pairing__header">
        <h1 className="pairing__title">{t('pairing.title')}</h1>
        <LanguageSwitch />
      </header>
      <p className="pairing__kind">{t(`pairing.kind.${kind}`)}</p>
      {revoked && (
        <p className="pairing__notice" role="alert">
          {t('pairing.revoked')}
        </p>
      )}
      {view.kind === 'waiting' && (
        <section className="pairing__code-box" aria-live="polite">
          <p className="pairing__label">{t('pairing.codeLabel')}</p>
          <p className="pairing__code" data-testid="pairing-code">
            {code}
          </p>
          <p className="pairing__text">{t('pairing.instructions')}</p>
          <p className="pairing__waiting">{t('pairing.waiting')}</p>
          <p className="pairing__small">
            {t('pairing.expires', { time: formatTime(view.pending.expiresAt, language) })}
          </p>
          <p className="pairing__admin">{t('pairing.adminSteps', { code: code ?? '' })}</p>
        </section>
      )}
      {view.kind === 'requesting' && <p className="pairing__text">{t('pairing.requesting')}</p>}
      {view.kind === 'paired' && (
        <p className="pairing__text" role="status">
          {t(view.autoApproved ? 'pairing.demo' : 'pairing.paired')}
        </p>
      )}
      {view.kind === 'rejected' && <p className="pairing__notice">{t('pairing.rejected')}</p>}
      {view.kind === 'offline' && <p className="pairing__notice">{t('pairing.offline')}</p>}
      {view.kind === 'limited' && <p className="pairing__notice">{t('pairing.limited')}</p>}
    </main>
  );
};
