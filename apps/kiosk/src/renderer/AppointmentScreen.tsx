/**
 * "I have an appointment": the visitor types the booking code on the keypad, or holds the
 * booking's QR code to the barcode scanner, which types the code and Enter like a keyboard.
 * The server checks the booking in and issues the ticket (printed like any other): due at the
 * slot when the visitor is on time, in the ordinary queue when late, and the ticket says which.
 */
import { newRequestId } from '@queue/client';
import type { MessageKey } from '@queue/ui';
import { getLanguage, useT } from '@queue/ui';
import { useEffect, useRef, useState } from 'react';
import { context, printLocally, printModeOf } from './issue-flow';
import { Keypad } from './Keypad';
import { type TicketDelivery, backHome, show } from './kiosk-store';
import { queueStore } from './queue';

const MIN_LENGTH = 4;
const MAX_LENGTH = 12;

type Outcome = 'idle' | 'checking' | 'not-found' | 'format' | 'error' | 'too-early' | 'expired' | 'already';

const OUTCOME_OF: Readonly<Record<string, Outcome>> = {
  NOT_FOUND: 'not-found',
  BAD_REQUEST: 'format',
  CHECK_IN_TOO_EARLY: 'too-early',
  BOOKING_EXPIRED: 'expired',
  ILLEGAL_TRANSITION: 'already',
};

const MESSAGE_OF: Readonly<Record<Exclude<Outcome, 'idle'>, MessageKey>> = {
  checking: 'kiosk.appointment.checking',
  'not-found': 'kiosk.appointment.notFound',
  format: 'kiosk.appointment.format',
  error: 'kiosk.appointment.error',
  'too-early': 'booking.kiosk.tooEarly',
  expired: 'booking.kiosk.expired',
  already: 'booking.kiosk.already',
};

export const AppointmentScreen = () => {
  const t = useT();
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const [checked, setChecked] = useState('');
  const checking = outcome === 'checking';

  const edit = (next: string): void => {
    setCode(next.slice(0, MAX_LENGTH));
    if (outcome !== 'checking') setOutcome('idle');
  };

  const submit = async (typed: string = code): Promise<void> => {
    const connection = queueStore.getState().connection;
    if (!connection || checking) return;
    if (typed.length < MIN_LENGTH) return setOutcome('format');
    setOutcome('checking');
    setChecked(typed);
    const requestId = newRequestId();
    const answer = await connection.request('booking:check-in', {
      requestId,
      code: typed,
      language: getLanguage(),
    });
    if (!answer.ok) return setOutcome(OUTCOME_OF[answer.error.code] ?? 'error');
    const issued = answer.data;
    const delivery: TicketDelivery =
      printModeOf(context().kiosk) === 'local'
        ? await printLocally(issued, requestId)
        : issued.print === undefined
          ? 'screen'
          : issued.print.ok
            ? 'printed'
            : 'print-failed';
    show({ kind: 'ticket', issued, delivery, booking: issued.late ? 'late' : 'on-time' });
  };

  // A barcode scanner is a keyboard: letters and digits, then Enter. Typing works the same.
  const latest = useRef({ code, submit });
  latest.current = { code, submit };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const { code: current, submit: send } = latest.current;
      if (event.key === 'Enter') {
        event.preventDefault();
        void send(current);
      } else if (event.key === 'Backspace') {
        setCode(current.slice(0, -1));
      } else if (/^[A-Za-z0-9]$/.test(event.key)) {
        setCode((current + event.key.toUpperCase()).slice(0, MAX_LENGTH));
        setOutcome((previous) => (previous === 'checking' ? previous : 'idle'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="screen appointment">
      <div className="screen__bar">
        <button type="button" className="back-button" onClick={backHome} disabled={checking}>
          {t('kiosk.back')}
        </button>
        <h2 className="screen__heading">{t('kiosk.appointment.heading')}</h2>
      </div>
      <p className="screen__note">{t('kiosk.appointment.hint')}</p>
      <p className="appointment__code" data-testid="booking-code" aria-live="polite">
        <span className="visually-hidden">{t('kiosk.appointment.label')}: </span>
        {code || <span className="appointment__placeholder">{t('kiosk.appointment.empty')}</span>}
      </p>
      {outcome !== 'idle' && (
        <p
          className={`appointment__answer appointment__answer--${outcome}`}
          role={outcome === 'checking' ? 'status' : 'alert'}
          data-outcome={outcome}
        >
          {t(MESSAGE_OF[outcome], { code: checked })}
        </p>
      )}
      <Keypad
        disabled={checking}
        onKey={(key) => edit(code + key)}
        onErase={() => edit(code.slice(0, -1))}
        onClear={() => edit('')}
      />
      <button
        type="button"
        className="primary-button appointment__submit"
        disabled={checking || code.length < MIN_LENGTH}
        onClick={() => void submit()}
      >
        {t('kiosk.appointment.submit')}
      </button>
    </section>
  );
};
