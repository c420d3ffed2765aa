/**
 * "I have an appointment": the visitor types the booking code on the keypad and the server
 * looks it up. Bookings themselves come later; for now every code gets a clear "not found".
 */
import { newRequestId } from '@queue/client';
import { getLanguage, useT } from '@queue/ui';
import { useState } from 'react';
import { Keypad } from './Keypad';
import { backHome } from './kiosk-store';
import { queueStore } from './queue';

const MIN_LENGTH = 4;
const MAX_LENGTH = 12;

type Outcome = 'idle' | 'checking' | 'not-found' | 'format' | 'error';

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

  const submit = async (): Promise<void> => {
    const connection = queueStore.getState().connection;
    if (!connection || checking) return;
    if (code.length < MIN_LENGTH) return setOutcome('format');
    setOutcome('checking');
    setChecked(code);
    const answer = await connection.request('booking:check-in', {
      requestId: newRequestId(),
      code,
      language: getLanguage(),
    });
    if (answer.ok) return setOutcome('error'); // Not possible until bookings exist.
    setOutcome(
      answer.error.code === 'NOT_FOUND'
        ? 'not-found'
        : answer.error.code === 'BAD_REQUEST'
          ? 'format'
          : 'error',
    );
  };

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
          {outcome === 'checking' && t('kiosk.appointment.checking')}
          {outcome === 'not-found' && t('kiosk.appointment.notFound', { code: checked })}
          {outcome === 'format' && t('kiosk.appointment.format')}
          {outcome === 'error' && t('kiosk.appointment.error')}
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
