/** The desk's name as visitors know it ("Вікно 5", "Кабінет 13"), in the board's language. */
import type { DeskId } from '@queue/core';
import { useLocalize } from '@queue/ui';
import { useCallback } from 'react';
import { useQueue } from '../state/queue';

export const useDeskName = (): ((deskId: DeskId) => string) => {
  const localize = useLocalize();
  const desks = useQueue((state) => state.sync.centre?.desks);
  return useCallback(
    (deskId) => {
      const desk = desks?.find((entry) => entry.id === deskId);
      return desk ? localize(desk.name) : deskId;
    },
    [desks, localize],
  );
};
