/**
 * Export and import of the whole configuration as one JSON file. An import goes through the
 * same checked, versioned replace as any edit: if anything is wrong, nothing changes and each
 * problem is listed.
 */
import type { CentreDocument } from '@queue/protocol';
import { useT } from '@queue/ui';
import { type ChangeEvent, useState } from 'react';

interface Props {
  readonly document: CentreDocument;
  readonly busy: boolean;
  readonly onImport: (centre: unknown) => Promise<number | undefined>;
}

export const exportFileName = (version: number, at: Date): string =>
  `centre-config-v${version}-${at.toISOString().slice(0, 10)}.json`;

export const TransferSection = ({ document, busy, onImport }: Props) => {
  const t = useT();
  const [message, setMessage] = useState<{ readonly ok: boolean; readonly text: string }>();

  const download = (): void => {
    const blob = new Blob([JSON.stringify(document.centre, null, 2)], { type: 'application/json' });
    const link = window.document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = exportFileName(document.version, new Date());
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setMessage(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (failure) {
      setMessage({ ok: false, text: t('admin.transfer.notJson', { detail: (failure as Error).message }) });
      return;
    }
    const version = await onImport(parsed);
    if (version !== undefined) setMessage({ ok: true, text: t('admin.transfer.imported', { version }) });
  };

  return (
    <div className="form" data-testid="transfer">
      <p className="dialog__hint form__field--wide">{t('admin.transfer.hint')}</p>
      <div className="form__buttons">
        <button type="button" className="button" data-testid="export" onClick={download}>
          {t('admin.transfer.export')}
        </button>
        <label className="button">
          {t('admin.transfer.import')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-file"
            hidden
            disabled={busy}
            onChange={(event) => void upload(event)}
          />
        </label>
      </div>
      {message && (
        <p className={message.ok ? 'notice' : 'form__error'} role="status" data-testid="transfer-message">
          {message.text}
        </p>
      )}
    </div>
  );
};
