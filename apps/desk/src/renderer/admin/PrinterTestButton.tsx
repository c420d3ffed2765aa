/**
 * Under a kiosk's form in Settings: prints the code-page test on its printer, so the centre
 * sees on paper whether the printer's character table matches the profile (every Ukrainian
 * and Russian letter, ’ № « »). Only printers the server drives can be reached; a kiosk that
 * prints through its own app gets a hint to use the printer's self-test page instead.
 */
import type { QueueConnection } from '@queue/client';
import { type KioskPrinter, printedBy } from '@queue/core';
import { useT } from '@queue/ui';
import { useState } from 'react';
import { RefusalLine } from '../common/RefusalLine';
import { useCommands } from '../common/use-commands';
import type { Draft } from './fields';

interface Props {
  readonly kiosk: Draft;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
}

const isPrinter = (value: unknown): value is KioskPrinter =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { transport?: unknown }).transport === 'string';

export const PrinterTestButton = ({ kiosk, connection, online }: Props) => {
  const t = useT();
  // Its own command state: a test print neither waits for nor blocks a configuration save.
  const commands = useCommands(connection, online);
  const [printed, setPrinted] = useState(false);
  const printer = kiosk.printer;
  if (!isPrinter(printer)) return null;
  const kioskId = String(kiosk.deviceId ?? '');

  if (printedBy(printer) === 'kiosk') {
    return (
      <p className="dialog__hint form__field--wide" data-testid="printer-test-kiosk-prints">
        {t('admin.printerTest.kioskPrints')}
      </p>
    );
  }

  const print = async (): Promise<void> => {
    setPrinted(false);
    const answer = await commands.send('printer:test-page', { kioskId });
    setPrinted(answer?.ok === true);
  };

  return (
    <div className="form__field--wide" data-testid="printer-test">
      <p className="dialog__hint">{t('admin.printerTest.hint')}</p>
      <div className="form__buttons">
        <button
          type="button"
          className="button"
          data-testid="printer-test-print"
          disabled={!commands.ready}
          onClick={() => void print()}
        >
          {commands.pending ? t('admin.printerTest.running') : t('admin.printerTest.print')}
        </button>
      </div>
      {printed && (
        <p className="notice" role="status" data-testid="printer-test-done">
          {t('admin.printerTest.done', { profile: printer.profileId })}
        </p>
      )}
      <RefusalLine code={commands.refusal} />
    </div>
  );
};
