/** A supervisor moves a desk to other services on the spot; the change is live at once. */
import type { Centre, Desk, DeskService } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { RefusalLine } from '../common/RefusalLine';
import type { Commands } from '../common/use-commands';
import { ServiceWeights } from './ServiceWeights';

interface Props {
  readonly centre: Centre;
  readonly desk: Desk;
  readonly commands: Commands;
  readonly onClose: () => void;
}

export const AssignServicesDialog = ({ centre, desk, commands, onClose }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const [services, setServices] = useState<DeskService[]>([...desk.services]);
  const valid = services.length > 0 && services.every((entry) => entry.weight > 0);

  const save = async (): Promise<void> => {
    const answer = await commands.send('desk:assign-services', { deskId: desk.id, services });
    if (answer?.ok) onClose();
  };

  return (
    <Dialog
      title={t('monitor.assign.title', { desk: localize(desk.name) })}
      confirmLabel={t('monitor.assign.confirm')}
      canConfirm={valid && commands.ready}
      busy={commands.pending !== undefined}
      onConfirm={() => void save()}
      onClose={onClose}
      testId="assign-services"
      wide
      footer={<RefusalLine code={commands.refusal} />}
    >
      <ServiceWeights services={centre.services} value={services} onChange={setServices} />
    </Dialog>
  );
};
