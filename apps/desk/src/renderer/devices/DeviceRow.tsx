/**
 * One paired device: what and where it is, whether it is connected, renaming it, and
 * revocation (confirmed first).
 */
import type { QueueConnection } from '@queue/client';
import type { Centre } from '@queue/core';
import type { DeviceView } from '@queue/protocol';
import { formatTime, useLanguage, useLocalize, useT } from '@queue/ui';
import { useState } from 'react';
import type { DevicesData } from './use-devices';

interface Props {
  readonly device: DeviceView;
  readonly centre: Centre | undefined;
  readonly connection: QueueConnection;
  readonly act: DevicesData['act'];
  readonly online: boolean;
}

export const DeviceRow = ({ device, centre, connection, act, online }: Props) => {
  const t = useT();
  const language = useLanguage();
  const localize = useLocalize();
  const [confirming, setConfirming] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(device.name);
  const desk = centre?.desks.find((entry) => entry.id === device.deskId);
  const timeZone = centre?.site.timeZone;

  const status =
    device.revokedAt !== undefined
      ? t('pairing.devices.revoked')
      : device.online
        ? t('pairing.devices.online')
        : device.lastSeenAt !== undefined
          ? t('pairing.devices.lastSeen', { time: formatTime(device.lastSeenAt, language, timeZone) })
          : t('pairing.devices.never');

  const revoke = async (): Promise<void> => {
    setConfirming(false);
    await act(() => connection.request('device:revoke', { deviceId: device.id }));
  };

  const rename = async (): Promise<void> => {
    const next = name.trim();
    setRenaming(false);
    if (next === '' || next === device.name) return;
    await act(() => connection.request('device:rename', { deviceId: device.id, name: next }));
  };

  return (
    <tr data-device={device.id} data-revoked={device.revokedAt !== undefined}>
      <td>
        {renaming ? (
          <form
            className="devices__rename"
            onSubmit={(event) => {
              event.preventDefault();
              void rename();
            }}
          >
            <input
              type="text"
              aria-label={t('pairing.devices.newName')}
              value={name}
              maxLength={64}
              required
              onChange={(event) => setName(event.target.value)}
            />{' '}
            <button type="submit" className="button button--small" data-action="save-name" disabled={!online}>
              {t('pairing.devices.saveName')}
            </button>{' '}
            <button
              type="button"
              className="button button--plain button--small"
              onClick={() => {
                setName(device.name);
                setRenaming(false);
              }}
            >
              {t('pairing.devices.cancel')}
            </button>
          </form>
        ) : (
          device.name
        )}
      </td>
      <td>{t(`pairing.kind.${device.role}`)}</td>
      <td>{desk ? localize(desk.name) : ''}</td>
      <td data-online={device.online}>{status}</td>
      <td className="devices__actions">
        {device.revokedAt === undefined && !confirming && !renaming && (
          <button
            type="button"
            className="button button--plain button--small"
            data-action="rename"
            disabled={!online}
            onClick={() => {
              setName(device.name);
              setRenaming(true);
            }}
          >
            {t('pairing.devices.rename')}
          </button>
        )}{' '}
        {device.revokedAt === undefined && !confirming && (
          <button
            type="button"
            className="button button--danger button--small"
            data-action="revoke"
            disabled={!online}
            onClick={() => setConfirming(true)}
          >
            {t('pairing.devices.revoke')}
          </button>
        )}
        {confirming && (
          <span className="devices__confirm" role="alert">
            {t('pairing.devices.revokeConfirm', { name: device.name })}{' '}
            <button
              type="button"
              className="button button--danger button--small"
              data-action="confirm-revoke"
              onClick={() => void revoke()}
            >
              {t('pairing.devices.revokeYes')}
            </button>{' '}
            <button
              type="button"
              className="button button--plain button--small"
              onClick={() => setConfirming(false)}
            >
              {t('pairing.devices.cancel')}
            </button>
          </span>
        )}
      </td>
    </tr>
  );
};
