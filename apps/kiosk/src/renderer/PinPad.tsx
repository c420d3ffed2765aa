/**
 * The PIN pad an administrator leaves kiosk mode with (see AdminExit.tsx): loaded only when
 * the five taps open it, so visitors' kiosks never load it.
 */
import { useT } from '@queue/ui';
import { useEffect, useState } from 'react';
import { typePinDigit } from './admin-gesture';
import { exitKiosk } from './shell-exit';
import './admin-exit.css';

const DIGITS = [...'1234567890'];
const CLOSE_AFTER_MS = 30_000;

type Outcome = 'none' | 'refused' | 'left';

export const PinPad = ({ onClose }: { readonly onClose: () => void }) => {
  const t = useT();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>('none');

  // Left open and forgotten: close, so the next visitor sees the kiosk.
  useEffect(() => {
    const timer = setTimeout(onClose, CLOSE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pin, outcome, onClose]);

  const submit = async (): Promise<void> => {
    const exit = exitKiosk();
    if (!exit || pin === '') return;
    setBusy(true);
    const left = await exit(pin).catch(() => false);
    setBusy(false);
    setPin('');
    setOutcome(left ? 'left' : 'refused');
  };

  return (
    <div className="admin-exit" role="dialog" aria-modal="true" aria-labelledby="admin-exit-title">
      <div className="admin-exit__panel">
        <h2 id="admin-exit-title">{t('shell.adminExit.title')}</h2>
        <p className="admin-exit__pin" aria-label={t('shell.adminExit.prompt')} data-pin-length={pin.length}>
          {pin.length > 0 ? '•'.repeat(pin.length) : t('shell.adminExit.prompt')}
        </p>
        {outcome !== 'none' && (
          <p className="admin-exit__message" role="status" data-outcome={outcome}>
            {t(outcome === 'left' ? 'shell.adminExit.left' : 'shell.adminExit.refused')}
          </p>
        )}
        <div className="admin-exit__keys">
          {DIGITS.map((digit) => (
            <button
              key={digit}
              type="button"
              data-digit={digit}
              disabled={busy}
              onClick={() => setPin((current) => typePinDigit(current, digit))}
            >
              {digit}
            </button>
          ))}
          <button type="button" disabled={busy} onClick={() => setPin((current) => current.slice(0, -1))}>
            {t('shell.adminExit.erase')}
          </button>
        </div>
        <div className="admin-exit__actions">
          <button type="button" data-action="admin-exit-cancel" onClick={onClose}>
            {t('shell.adminExit.cancel')}
          </button>
          <button
            type="button"
            data-action="admin-exit-confirm"
            disabled={busy || pin === ''}
            onClick={() => void submit()}
          >
            {t('shell.adminExit.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
};
