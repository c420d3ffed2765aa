/**
 * The administrator's devices tab: pair new kiosks, boards and desk terminals by the code
 * they show (choosing the role, a name and, for a desk terminal, its desk), or reject them;
 * see the paired ones and revoke any of them, which disconnects it at once.
 */
import type { QueueConnection } from '@queue/client';
import type { Centre } from '@queue/core';
import { useT } from '@queue/ui';
import type { ReactNode } from 'react';
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
      <DeviceTable
        testId="pairing-requests"
        heading={t('pairing.devices.requests')}
        empty={requests.length === 0 ? t('pairing.devices.noRequests') : undefined}
        columns={[t('pairing.devices.code'), t('pairing.devices.kind'), t('pairing.devices.approve'), '']}
      >
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
      </DeviceTable>
      <DeviceTable
        testId="paired-devices"
        heading={t('pairing.devices.paired')}
        empty={devices.length === 0 ? t('pairing.devices.noDevices') : undefined}
        columns={[
          t('pairing.devices.name'),
          t('pairing.devices.role'),
          t('pairing.devices.desk'),
          t('pairing.devices.status'),
          '',
        ]}
      >
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
      </DeviceTable>
    </div>
  );
};

/** One list of the tab: a heading, then its rows as a table, or a line saying there are none. */
const DeviceTable = ({
  testId,
  heading,
  empty,
  columns,
  children,
}: {
  readonly testId: string;
  readonly heading: string;
  /** What to say instead of the table when there is nothing to list. */
  readonly empty: string | undefined;
  readonly columns: readonly string[];
  readonly children: ReactNode;
}) => {
  const t = useT();
  // An empty header is announced as nothing: the buttons' column gets a name nobody sees.
  const actions = t('monitor.col.actions');
  return (
    <section className="panel" data-testid={testId}>
      <h2 className="panel-heading">{heading}</h2>
      {empty !== undefined ? (
        <p>{empty}</p>
      ) : (
        <table className="devices__table">
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index}>{column || <span className="visually-hidden">{actions}</span>}</th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
    </section>
  );
};
