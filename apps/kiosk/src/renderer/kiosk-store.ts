/**
 * What the kiosk shows and the one ticket request that may be under way. Issuing is
 * guarded here, not only by disabling the button, so a double tap issues one ticket.
 */
import { newRequestId } from '@queue/client';
import type { CategoryId, ServiceCode } from '@queue/core';
import type { IssuedTicket } from '@queue/protocol';
import { getLanguage } from '@queue/ui';
import { create } from 'zustand';
import { queueStore } from './queue';

export type Screen =
  | { readonly kind: 'home' }
  | { readonly kind: 'category'; readonly categoryId: CategoryId }
  | { readonly kind: 'ticket'; readonly issued: IssuedTicket }
  | { readonly kind: 'refusal'; readonly code: string };

interface KioskState {
  readonly screen: Screen;
  readonly issuing: boolean;
  /** A request whose answer was lost: a new tap on the same service repeats it, not a new one. */
  readonly unanswered?: { readonly serviceCode: ServiceCode; readonly requestId: string };
}

export const useKiosk = create<KioskState>()(() => ({ screen: { kind: 'home' }, issuing: false }));

export const goHome = (): void => useKiosk.setState({ screen: { kind: 'home' } });

export const openCategory = (categoryId: CategoryId): void =>
  useKiosk.setState({ screen: { kind: 'category', categoryId } });

export const issueTicket = async (serviceCode: ServiceCode): Promise<void> => {
  const { issuing, unanswered } = useKiosk.getState();
  const connection = queueStore.getState().connection;
  if (issuing || !connection) return;
  const requestId = unanswered?.serviceCode === serviceCode ? unanswered.requestId : newRequestId();
  useKiosk.setState({ issuing: true });
  try {
    const answer = await connection.request('ticket:issue', {
      requestId,
      serviceCode,
      language: getLanguage(),
    });
    if (answer.ok) {
      useKiosk.setState({ screen: { kind: 'ticket', issued: answer.data }, unanswered: undefined });
    } else {
      const lost = answer.error.code === 'INTERNAL';
      useKiosk.setState({
        screen: { kind: 'refusal', code: answer.error.code },
        unanswered: lost ? { serviceCode, requestId } : undefined,
      });
    }
  } finally {
    useKiosk.setState({ issuing: false });
  }
};
