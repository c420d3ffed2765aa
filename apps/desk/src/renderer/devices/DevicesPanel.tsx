/**
 * The administrator's devices tab: pair new kiosks, boards and desk terminals by the code
 * they show (choosing the role, a name and, for a desk terminal, its desk), or reject them;
 * see the paired ones and revoke any of them, which disconnects it at once.
 */
import type { QueueConnection } from '@queue/client';
import type { Centre } from '@queue/core';
import { useT } from '@queue/ui';
import { RefusalLine } from '../common/RefusalLine';
import { DeviceRow } from './DeviceRow';
import { RequestRow } from './RequestRow';
import { useDevices } from './use-devices';
import './devices.css';

interface Props {
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly active: boolean;
  readonly centre: Centre | undefined;
}

export const DevicesPanel = ({ connection, online, active, centre }: Props) => {
  const t = useT();
  const { requests, devices, refusal, act } = useDevices(connection, active && online);
  if (!connection) return null;
  return (
    <div className="devices">
      <RefusalLine code={refusal} />
      <section className="panel" data-testid="pairing-requests">
        <h2 className="panel-heading">{t('pairing.devices.requests')}</h2>
        {requests.length === 0 ? (
          <p>{t('pairing.devices.noRequests')}</p>
        ) : (
          <table className="devices__table">
            <thead>
              <tr>
                <th>{t('pairing.devices.code')}</th>
                <th>{t('pairing.devices.kind')}</th>
                <th>{t('pairing.devices.approve')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <RequestRow
                  key={request.code}
                  request={request}
                  centre={centre}
                  connection={connection}
                  act={act}
                  online={online}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" data-testid="paired-devices">
        <h2 className="panel-heading">{t('pairing.devices.paired')}</h2>
        {devices.length === 0 ? (
          <p>{t('pairing.devices.noDevices')}</p>
        ) : (
          <table className="devices__table">
            <thead>
              <tr>
                <th>{t('pairing.devices.name')}</th>
                <th>{t('pairing.devices.role')}</th>
                <th>{t('pairing.devices.desk')}</th>
                <th>{t('pairing.devices.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {devices.map((device) => (
                <DeviceRow
                  key={device.id}
                  device={device}
                  centre={centre}
                  connection={connection}
                  act={act}
                  online={online}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
};
