/** Login, password or PIN, and the desk to work at (the assigned one by default). */
import { LanguageSwitch, type MessageKey, useT } from '@queue/ui';
import { type FormEvent, useState } from 'react';
import { type LoginFailure, requestLogin } from './session';
import { startSession, useSession } from './session-store';

const DESK_NUMBERS = Array.from({ length: 13 }, (_, index) => index + 1);

const FAILURES: Readonly<Record<LoginFailure, MessageKey>> = {
  failed: 'desk.login.failed',
  unknownDesk: 'desk.login.unknownDesk',
  network: 'desk.login.network',
};

export const LoginScreen = () => {
  const t = useT();
  const notice = useSession((state) => state.notice);
  const [login, setLogin] = useState('');
  const [secret, setSecret] = useState('');
  const [deskId, setDeskId] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<LoginFailure>();

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy || !login.trim() || !secret) return;
    setBusy(true);
    setFailure(undefined);
    const answer = await requestLogin(login.trim(), secret, deskId || undefined);
    setBusy(false);
    if (typeof answer === 'string') setFailure(answer);
    else startSession(answer);
  };

  const message = failure ? FAILURES[failure] : notice;
  return (
    <main className="login">
      <form className="login__form" onSubmit={(event) => void submit(event)}>
        <div className="login__top">
          <h1 className="login__heading">{t('desk.login.heading')}</h1>
          <LanguageSwitch />
        </div>
        <label className="field">
          <span className="field__label">{t('desk.login.login')}</span>
          <input
            name="login"
            autoComplete="username"
            autoFocus
            required
            value={login}
            onChange={(event) => setLogin(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('desk.login.secret')}</span>
          <input
            name="secret"
            type="password"
            autoComplete="current-password"
            required
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('desk.login.desk')}</span>
          <select name="desk" value={deskId} onChange={(event) => setDeskId(event.target.value)}>
            <option value="">{t('desk.login.assigned')}</option>
            {DESK_NUMBERS.map((number) => (
              <option key={number} value={`desk-${number}`}>
                {t('desk.login.deskOption', { number })}
              </option>
            ))}
          </select>
        </label>
        {message && (
          <p className="login__error" role="alert">
            {t(message)}
          </p>
        )}
        <button type="submit" className="login__submit" disabled={busy || !login.trim() || !secret}>
          {t(busy ? 'desk.login.submitting' : 'desk.login.submit')}
        </button>
      </form>
    </main>
  );
};
