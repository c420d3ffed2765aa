/**
 * A kiosk's ticket printer, field by field: whether it has one, how it is reached (network,
 * device file, USB through the kiosk app), the printer model and the way's own fields.
 * What the configuration would refuse is told in words and keeps Save off until fixed.
 */
import type { KioskPrinter } from '@queue/core';
import { useT } from '@queue/ui';
import './list-editor.css';
import { useEffect, useState } from 'react';
import {
  KNOWN_PROFILES,
  type PrinterProblem,
  TRANSPORTS,
  type Transport,
  formatUsbId,
  parseUsbId,
  printerProblems,
  withTransport,
} from './printer-draft';

interface Props {
  readonly value: unknown;
  readonly onChange: (next: KioskPrinter | undefined) => void;
  readonly onError: (message: string | undefined) => void;
}

const UsbIdInput = ({
  name,
  label,
  value,
  onChange,
}: {
  name: string;
  label: string;
  value: number | undefined;
  onChange: (next: number | undefined) => void;
}) => {
  // The text as typed: "04b" on the way to "04b8" is not a number yet.
  const [text, setText] = useState(() => formatUsbId(value));
  return (
    <label className="list-row__field">
      <span>{label}</span>
      <input
        type="text"
        name={name}
        size={6}
        value={text}
        placeholder="04b8"
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseUsbId(event.target.value));
        }}
      />
    </label>
  );
};

export const PrinterEditor = ({ value, onChange, onError }: Props) => {
  const t = useT();
  const printer = value as KioskPrinter | undefined;
  const problems = printerProblems(printer);
  const summary = problems.map((problem: PrinterProblem) => t(`admin.printer.problem.${problem}`)).join(' ');
  useEffect(() => {
    onError(summary === '' ? undefined : summary);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary]);
  useEffect(() => () => onError(undefined), []); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Record<string, unknown>): void => {
    if (!printer) return;
    const next: Record<string, unknown> = { ...printer, ...patch };
    for (const [key, entry] of Object.entries(patch)) if (entry === undefined) delete next[key];
    onChange(next as KioskPrinter);
  };

  return (
    <div className="printer-editor" data-testid="printer-editor">
      <label className="form__check">
        <input
          type="checkbox"
          name="printer-present"
          checked={printer !== undefined}
          onChange={(event) => onChange(event.target.checked ? withTransport(undefined, 'tcp') : undefined)}
        />
        {t('admin.printer.has')}
      </label>
      {!printer ? (
        <p className="monitor__quiet">{t('admin.printer.none')}</p>
      ) : (
        <div className="list-row__fields">
          <label className="list-row__field">
            <span>{t('admin.printer.transport')}</span>
            <select
              name="printer-transport"
              value={printer.transport}
              onChange={(event) => onChange(withTransport(printer, event.target.value as Transport))}
            >
              {TRANSPORTS.map((transport) => (
                <option key={transport} value={transport}>
                  {t(`admin.printer.transport.${transport}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="list-row__field">
            <span>{t('admin.printer.profile')}</span>
            <input
              type="text"
              name="printer-profile"
              list="printer-profiles"
              value={printer.profileId}
              onChange={(event) => set({ profileId: event.target.value })}
            />
            <datalist id="printer-profiles">
              {KNOWN_PROFILES.map((profile) => (
                <option key={profile} value={profile} />
              ))}
            </datalist>
          </label>
          {printer.transport === 'tcp' && (
            <>
              <label className="list-row__field">
                <span>{t('admin.printer.host')}</span>
                <input
                  type="text"
                  name="printer-host"
                  value={printer.host}
                  placeholder="192.168.1.50"
                  onChange={(event) => set({ host: event.target.value })}
                />
              </label>
              <label className="list-row__field">
                <span>{t('admin.printer.port')}</span>
                <input
                  type="number"
                  name="printer-port"
                  min={1}
                  max={65_535}
                  placeholder="9100"
                  value={printer.port ?? ''}
                  onChange={(event) =>
                    set({ port: event.target.value === '' ? undefined : Number(event.target.value) })
                  }
                />
              </label>
            </>
          )}
          {printer.transport === 'device' && (
            <>
              <label className="list-row__field">
                <span>{t('admin.printer.path')}</span>
                <input
                  type="text"
                  name="printer-path"
                  value={printer.path}
                  placeholder="/dev/usb/lp0"
                  onChange={(event) => set({ path: event.target.value })}
                />
              </label>
              <label className="list-row__field">
                <span>{t('admin.printer.printedBy')}</span>
                <select
                  name="printer-printed-by"
                  value={printer.printedBy ?? 'server'}
                  onChange={(event) =>
                    set({ printedBy: event.target.value === 'server' ? undefined : 'kiosk' })
                  }
                >
                  <option value="server">{t('admin.printer.printedBy.server')}</option>
                  <option value="kiosk">{t('admin.printer.printedBy.kiosk')}</option>
                </select>
              </label>
            </>
          )}
          {printer.transport === 'usb' && (
            <>
              <UsbIdInput
                name="printer-vendor"
                label={t('admin.printer.vendorId')}
                value={printer.vendorId}
                onChange={(next) => set({ vendorId: next })}
              />
              <UsbIdInput
                name="printer-product"
                label={t('admin.printer.productId')}
                value={printer.productId}
                onChange={(next) => set({ productId: next })}
              />
            </>
          )}
        </div>
      )}
      {printer?.transport === 'usb' && <p className="dialog__hint">{t('admin.printer.usbHint')}</p>}
      {problems.length > 0 && (
        <p className="form__error" data-testid="printer-problem">
          {summary}
        </p>
      )}
    </div>
  );
};
