/**
 * The Open311 partners' API keys (`docs/open311.md`): issue one per partner, see when each
 * was last used, revoke one (confirmed first). A new key is shown this once, with a hint to
 * copy it; the server keeps only its hash, so a lost key is revoked and a new one issued.
 */
import type { QueueConnection } from '@queue/client';
import type { IssuedPartnerKey, PartnerKeyView } from '@queue/protocol';
import { formatDate, formatTime, useLanguage, useT } from '@queue/ui';
import { useCallback, useEffect, useState } from 'react';
import { RefusalLine } from '../common/RefusalLine';
import { OFFLINE, useCommands } from '../common/use-commands';
import { isTransportFailure } from '../logic/retry';

interface Props {
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly timeZone: string;
}

const NAME_MAX = 100;

export const PartnerKeysSection = ({ connection, online, timeZone }: Props) => {
  const t = useT();
  const language = useLanguage();
  const commands = useCommands(connection, online);
  const [keys, setKeys] = useState<readonly PartnerKeyView[]>([]);
  const [listRefusal, setListRefusal] = useState<string>();
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<IssuedPartnerKey>();
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState<string>();

  const when = (at: number) => `${formatDate(at, language, timeZone)} ${formatTime(at, language, timeZone)}`;

  const reload = useCallback(async (): Promise<void> => {
    if (!connection || !online) return;
    const answer = await connection.request('partner-key:list', {});
    if (answer.ok) {
      setKeys(answer.data);
      setListRefusal(undefined);
    } else setListRefusal(isTransportFailure(answer) ? OFFLINE : answer.error.code);
  }, [connection, online]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const issue = async (): Promise<void> => {
    const trimmed = name.trim();
    if (trimmed === '') return;
    const answer = await commands.send('partner-key:issue', { name: trimmed });
    if (answer?.ok) {
      setIssued(answer.data);
      setCopied(false);
      setName('');
      await reload();
    }
  };

  const revoke = async (id: string): Promise<void> => {
    setConfirming(undefined);
    const answer = await commands.send('partner-key:revoke', { id });
    if (answer?.ok) await reload();
  };

  const copy = async (key: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(key);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a denied permission): the hint says how to copy by hand.
      setCopied(false);
    }
  };

  const endpoint = typeof window === 'undefined' ? '/open311/v2' : `${window.location.origin}/open311/v2`;

  return (
    <div className="form" data-testid="partner-keys">
      <p className="dialog__hint form__field--wide">{t('partners.hint', { url: endpoint })}</p>
      <form
        className="form__field form__field--wide partner-keys__form"
        onSubmit={(event) => {
          event.preventDefault();
          void issue();
        }}
      >
        <label className="form__field">
          {t('partners.name')}
          <input
            type="text"
            value={name}
            maxLength={NAME_MAX}
            required
            data-testid="partner-name"
            onChange={(event) => setName(event.target.value)}
          />
        </label>{' '}
        <button
          type="submit"
          className="button"
          data-testid="partner-issue"
          disabled={!commands.ready || name.trim() === ''}
        >
          {commands.pending === 'partner-key:issue' ? t('partners.issuing') : t('partners.issue')}
        </button>
      </form>
      {issued && (
        <div className="notice form__field--wide" role="status" data-testid="partner-issued">
          <p>{t('partners.issued', { name: issued.key.name })}</p>
          <p>
            <input
              type="text"
              readOnly
              value={issued.apiKey}
              size={issued.apiKey.length}
              data-testid="partner-api-key"
              aria-label={t('partners.copyHint')}
              onFocus={(event) => event.target.select()}
            />{' '}
            <button type="button" className="button button--small" onClick={() => void copy(issued.apiKey)}>
              {t('partners.copy')}
            </button>{' '}
            {copied && <span>{t('partners.copied')}</span>}
          </p>
          <p className="dialog__hint">{t('partners.copyHint')}</p>
          <button
            type="button"
            className="button button--plain button--small"
            onClick={() => setIssued(undefined)}
          >
            {t('partners.hide')}
          </button>
        </div>
      )}
      <RefusalLine code={commands.refusal ?? listRefusal} />
      {keys.length === 0 ? (
        <p className="form__field--wide" data-testid="partner-keys-empty">
          {t('partners.empty')}
        </p>
      ) : (
        <table className="devices__table form__field--wide" data-testid="partner-key-list">
          <thead>
            <tr>
              <th>{t('partners.column.name')}</th>
              <th>{t('partners.column.created')}</th>
              <th>{t('partners.column.used')}</th>
              <th>{t('partners.column.state')}</th>
              <th>
                {/* The revoke buttons' column: named for a screen reader (an empty header is not). */}
                <span className="visually-hidden">{t('monitor.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} data-partner-key={key.id} data-revoked={key.revokedAt !== undefined}>
                <td>{key.name}</td>
                <td>{when(key.createdAt)}</td>
                <td>{key.lastUsedAt !== undefined ? when(key.lastUsedAt) : t('partners.never')}</td>
                <td>
                  {key.revokedAt !== undefined
                    ? t('partners.revokedAt', { time: when(key.revokedAt) })
                    : t('partners.active')}
                </td>
                <td className="devices__actions">
                  {key.revokedAt === undefined && confirming !== key.id && (
                    <button
                      type="button"
                      className="button button--danger button--small"
                      data-action="revoke"
                      disabled={!commands.ready}
                      onClick={() => setConfirming(key.id)}
                    >
                      {t('partners.revoke')}
                    </button>
                  )}
                  {confirming === key.id && (
                    <span className="devices__confirm" role="alert">
                      {t('partners.revokeConfirm', { name: key.name })}{' '}
                      <button
                        type="button"
                        className="button button--danger button--small"
                        data-action="confirm-revoke"
                        onClick={() => void revoke(key.id)}
                      >
                        {t('partners.revokeYes')}
                      </button>{' '}
                      <button
                        type="button"
                        className="button button--plain button--small"
                        onClick={() => setConfirming(undefined)}
                      >
                        {t('partners.cancel')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
