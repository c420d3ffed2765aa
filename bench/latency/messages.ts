/**
 * What the latency orchestrator and its worker processes say to each other over IPC.
 * Times are monotonic milliseconds (`monotonicMs`), comparable across processes.
 */
export type Mode = 'queue' | 'bare';

export interface ConnectMessage {
  readonly type: 'connect';
  readonly url: string;
  readonly mode: Mode;
  /** Desk workers: the desks to work at. Board and kiosk workers: how many clients. */
  readonly deskIds?: readonly string[];
  readonly clients?: number;
  /** Kiosk workers: the services to issue tickets for, drawn uniformly. */
  readonly services?: readonly string[];
}

export interface RunMessage {
  readonly type: 'run';
  /** Mean gap between one client's actions (desk calls, kiosk tickets), exponential. */
  readonly meanGapMs: number;
  readonly seconds: number;
  /** Calls before this instant are warm-up and not measured. */
  readonly measureFrom: number;
}

/** One call by a desk: `key` is desk id and ticket number, as the board sees it. */
export interface CallRecord {
  readonly key: string;
  readonly sentAt: number;
  readonly answeredAt: number;
}

/** A board saw a call. */
export type Receipt = readonly [key: string, at: number];

export type ToWorker =
  | ConnectMessage
  | RunMessage
  | { readonly type: 'prefill'; readonly tickets: number }
  | { readonly type: 'collect' }
  | { readonly type: 'disconnect' };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'prefilled' }
  | {
      readonly type: 'done';
      readonly calls: readonly CallRecord[];
      readonly refused: number;
      /** Desk workers: when one desk screen of the worker saw each call. */
      readonly seen?: readonly Receipt[];
    }
  | {
      readonly type: 'receipts';
      readonly receipts: readonly Receipt[];
      /** Summary messages (whole or changes) seen by these boards, and their total size (JSON). */
      readonly summaries: number;
      readonly summaryBytes: number;
    }
  | { readonly type: 'disconnected' }
  | { readonly type: 'error'; readonly message: string };

export const callKey = (deskId: string, number: string | number): string => `${deskId}|${number}`;
