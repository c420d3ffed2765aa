/** An on-screen keypad of digits and Latin capitals, big enough for a finger; no keyboard needed. */
import { useT } from '@queue/ui';

const KEYS = [...'1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

interface Props {
  readonly onKey: (key: string) => void;
  readonly onErase: () => void;
  readonly onClear: () => void;
  readonly disabled: boolean;
}

export const Keypad = ({ onKey, onErase, onClear, disabled }: Props) => {
  const t = useT();
  return (
    <div className="keypad" role="group" aria-label={t('kiosk.appointment.label')}>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="keypad__key"
          data-key={key}
          disabled={disabled}
          onClick={() => onKey(key)}
        >
          {key}
        </button>
      ))}
      <button
        type="button"
        className="keypad__key keypad__key--wide"
        aria-label={t('kiosk.appointment.erase')}
        disabled={disabled}
        onClick={onErase}
      >
        ⌫
      </button>
      <button type="button" className="keypad__key keypad__key--wide" disabled={disabled} onClick={onClear}>
        {t('kiosk.appointment.clear')}
      </button>
    </div>
  );
};
