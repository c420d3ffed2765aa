/**
 * "I have an appointment": the visitor types the booking code on the keypad, or holds the
 * booking's QR code to the barcode scanner, which types the code and Enter like a keyboard
 * (see `code-keys.ts`; the code is kept in the kiosk store).
 * The server checks the booking in and issues the ticket (printed like any other): due at the
 * slot when the visitor is on time, in the ordinary queue when late, and the ticket says which.
 */
import { newRequestId } from '@queue/client';
import type { MessageKey } from '@queue/ui';
import { getLanguage, useT } from '@queue/ui';
import { useEffect, useRef, useState } from 'react';
import { context, printLocally, printModeOf } from './issue-flow';
import { Keypad } from './Keypad';
import { requestIdFor, unansweredAfter } from './lost-answer';
import { MAX_CODE_LENGTH, type TicketDelivery, backHome, editCode, show, useKiosk } from './kiosk-store';
import { queueStore } from './queue';

const MIN_LENGTH = 4;

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
  const code = useKiosk((state) => state.code);
  const checkInPending = useKiosk((state) => state.checkInPending);
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const [checked, setChecked] = useState('');
  const checking = outcome === 'checking';
  // An answer is about the code it was given: once the code is edited it no longer applies.
  const shown: Outcome = checking || code === checked ? outcome : 'idle';

  const edit = (next: string): void => editCode(next.slice(0, MAX_CODE_LENGTH));

  const submit = async (typed: string = code): Promise<void> => {
    const connection = queueStore.getState().connection;
    if (!connection || checking) return;
    setChecked(typed);
    if (typed.length < MIN_LENGTH) return setOutcome('format');
    setOutcome('checking');
    // A check-in whose answer was lost is repeated as itself, so the visitor gets their ticket.
    const requestId = requestIdFor(useKiosk.getState().unansweredCheckIn, typed, newRequestId);
    const answer = await connection.request('booking:check-in', {
      requestId,
      code: typed,
      language: getLanguage(),
    });
    useKiosk.setState({ unansweredCheckIn: unansweredAfter(answer, typed, requestId) });
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

  // Enter from a keyboard or scanner (kept in the store until acted on): check the code in.
  const latest = useRef(submit);
  latest.current = submit;
  useEffect(() => {
    if (!checkInPending) return;
    useKiosk.setState({ checkInPending: false });
    void latest.current(useKiosk.getState().code);
  }, [checkInPending]);

  return (
    <section className="screen appointment">
      <div className="screen__bar">
        <button type="button" className="back-button" onClick={backHome} disabled={checking}>
          {t('kiosk.back')}
        </button>
        <h2 className="screen__heading">{t('kiosk.appointment.heading')}</h2>
      </div>
      <div className="appointment__body">
        <p className="screen__note">{t('kiosk.appointment.hint')}</p>
        <p className="appointment__code" data-testid="booking-code" aria-live="polite">
          <span className="visually-hidden">{t('kiosk.appointment.label')}: </span>
          {code || <span className="appointment__placeholder">{t('kiosk.appointment.empty')}</span>}
        </p>
        {shown !== 'idle' && (
          <p
            className={`appointment__answer appointment__answer--${shown}`}
            role={shown === 'checking' ? 'status' : 'alert'}
            data-outcome={shown}
          >
            {t(MESSAGE_OF[shown], { code: checked })}
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
      </div>
    </section>
  );
};
