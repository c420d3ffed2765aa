/** The city administrator's token, traded once for the hub's session cookie. */
import { useId, useState } from 'react';
import { useCityT } from '../i18n/translate';
import { signIn, useLiveStore } from './live-store';

export const LoginForm = () => {
  const t = useCityT();
  const { loginProblem, signingIn } = useLiveStore();
  const [token, setToken] = useState('');
  const tokenId = useId();
  const problemId = useId();
  return (
    <form
      className="login"
      aria-labelledby={`${tokenId}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void signIn(token.trim());
      }}
    >
      <h2 id={`${tokenId}-title`}>{t('live.login.title')}</h2>
      <p>{t('live.login.hint')}</p>
      <label htmlFor={tokenId}>{t('live.login.token')}</label>
      <input
        id={tokenId}
        type="password"
        name="token"
        required
        autoComplete="current-password"
        value={token}
        aria-invalid={loginProblem === 'wrong' ? true : undefined}
        aria-describedby={loginProblem ? problemId : undefined}
        onChange={(event) => setToken(event.target.value)}
      />
      {loginProblem && (
        <p id={problemId} className="login__problem" role="alert">
          {t(loginProblem === 'wrong' ? 'live.login.wrong' : 'live.login.failed')}
        </p>
      )}
      <button type="submit" disabled={signingIn}>
        {t(signingIn ? 'live.login.busy' : 'live.login.submit')}
      </button>
    </form>
  );
};
