/**
 * An on-screen keypad, big enough for a finger; no keyboard needed. It offers exactly the
 * characters booking codes are made of (no 0/O, 1/I/L look-alikes), so a visitor cannot type
 * one that no code holds.
 */
import { BOOKING_CODE_ALPHABET } from '@queue/core';
import { useT } from '@queue/ui';

export const KEYPAD_KEYS: readonly string[] = [...BOOKING_CODE_ALPHABET];

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
      {KEYPAD_KEYS.map((key) => (
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
