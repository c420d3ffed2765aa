/** One device waiting to be paired: its code, what it is, and the administrator's answer. */
import type { QueueConnection } from '@queue/client';
import type { Centre, DeviceKind } from '@queue/core';
import { DEVICE_KINDS } from '@queue/core';
import type { PairingRequestView } from '@queue/protocol';
import { useLocalize, useT } from '@queue/ui';
import { useState } from 'react';
import type { DevicesData } from './use-devices';

interface Props {
  readonly request: PairingRequestView;
  readonly centre: Centre | undefined;
  readonly connection: QueueConnection;
  readonly act: DevicesData['act'];
  readonly online: boolean;
}

export const RequestRow = ({ request, centre, connection, act, online }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const [role, setRole] = useState<DeviceKind>(request.kind);
  const [name, setName] = useState('');
  const [deskId, setDeskId] = useState('');
  const [busy, setBusy] = useState(false);
  const code = `${request.code.slice(0, 3)} ${request.code.slice(3)}`;

  const answer = async (approve: boolean): Promise<void> => {
    setBusy(true);
    await act(() =>
      approve
        ? connection.request('device:approve', {
            code: request.code,
            role,
            name: name.trim() || `${t(`pairing.kind.${role}`)} ${code}`,
            ...(role === 'desk' && deskId ? { deskId } : {}),
          })
        : connection.request('device:reject', { code: request.code }),
    );
    setBusy(false);
  };

  return (
    <tr data-code={request.code}>
      <td className="devices__code">{code}</td>
      <td>
        {t(`pairing.kind.${request.kind}`)}
        <span className="devices__hint" title={request.hint}>
          {request.address} {request.hint}
        </span>
      </td>
      <td>
        <div className="devices__fields">
          <select
            aria-label={t('pairing.devices.role')}
            name="role"
            value={role}
            onChange={(event) => setRole(event.target.value as DeviceKind)}
          >
            {DEVICE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`pairing.kind.${kind}`)}
              </option>
            ))}
          </select>
          <input
            aria-label={t('pairing.devices.name')}
            placeholder={t('pairing.devices.name')}
            name="name"
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          {role === 'desk' && (
            <select
              aria-label={t('pairing.devices.desk')}
              name="desk"
              value={deskId}
              onChange={(event) => setDeskId(event.target.value)}
            >
              <option value="">{t('pairing.devices.anyDesk')}</option>
              {centre?.desks.map((desk) => (
                <option key={desk.id} value={desk.id}>
                  {localize(desk.name)}
                </option>
              ))}
            </select>
          )}
        </div>
      </td>
      <td className="devices__actions">
        <button
          type="button"
          className="button button--go button--small"
          data-action="approve"
          disabled={busy || !online}
          onClick={() => void answer(true)}
        >
          {t('pairing.devices.approve')}
        </button>{' '}
        <button
          type="button"
          className="button button--danger button--small"
          data-action="reject"
          disabled={busy || !online}
          onClick={() => void answer(false)}
        >
          {t('pairing.devices.reject')}
        </button>
      </td>
    </tr>
  );
};
