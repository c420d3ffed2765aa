/** Login, password or PIN, and the desk to work at (the assigned one by default). */
import type { LocalizedText } from '@queue/core';
import { LanguageSwitch, type MessageKey, useLocalize, useT } from '@queue/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { type LoginFailure, requestLogin } from './session';
import { startSession, useSession } from './session-store';
import { terminalRefused, useTerminal } from './terminal';

interface DeskChoice {
  readonly id: string;
  readonly name: LocalizedText;
}

/** The centre's desks, from the server; none (only "assigned") if it cannot be reached. */
const useDeskChoices = (): readonly DeskChoice[] => {
  const [desks, setDesks] = useState<readonly DeskChoice[]>([]);
  useEffect(() => {
    let live = true;
    fetch('/api/desks')
      .then((response) => response.json() as Promise<{ ok: boolean; data?: DeskChoice[] }>)
      .then((answer) => {
        if (live && answer.ok && answer.data) setDesks(answer.data);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return desks;
};

const FAILURES: Readonly<Record<LoginFailure, MessageKey>> = {
  failed: 'desk.login.failed',
  unknownDesk: 'desk.login.unknownDesk',
  network: 'desk.login.network',
  unpaired: 'pairing.login.unpaired',
  terminalDesk: 'pairing.login.terminalDesk',
  organisation: 'pairing.login.organisation',
  occupied: 'desk.login.occupied',
};

export const LoginScreen = () => {
  const t = useT();
  const localize = useLocalize();
  const desks = useDeskChoices();
  const notice = useSession((state) => state.notice);
  const [login, setLogin] = useState('');
  const [secret, setSecret] = useState('');
  const [deskId, setDeskId] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<LoginFailure>();
  const terminal = useTerminal((state) => state.token);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy || !login.trim() || !secret) return;
    setBusy(true);
    setFailure(undefined);
    const answer = await requestLogin(login.trim(), secret, deskId || undefined, terminal);
    setBusy(false);
    if (answer === 'unpaired') terminalRefused();
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
            {desks.map((desk) => (
              <option key={desk.id} value={desk.id}>
                {localize(desk.name)}
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
