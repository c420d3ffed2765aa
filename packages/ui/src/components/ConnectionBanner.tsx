/** A strip that says why the screen may be out of date: offline, not authorised, not paired. */
import { useT } from '../i18n/language-store';
import type { MessageKey } from '../i18n/uk';
import './shared.css';

export type BannerState = 'connecting' | 'online' | 'offline' | 'unauthorised' | 'no-device';

const MESSAGES: Readonly<Record<Exclude<BannerState, 'online'>, MessageKey>> = {
  connecting: 'connection.connecting',
  offline: 'connection.offline',
  unauthorised: 'connection.unauthorised',
  'no-device': 'connection.noDevice',
};

export const ConnectionBanner = ({ state }: { readonly state: BannerState }) => {
  const t = useT();
  if (state === 'online') return null;
  return (
    <div className={`connection-banner connection-banner--${state}`} role="alert" data-state={state}>
      {t(MESSAGES[state])}
    </div>
  );
};
