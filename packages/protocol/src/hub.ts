/** The centre's sync with its city hub, as administrators see it (`hub:status`). */
export interface HubSyncState {
  /** Whether QUEUE_HUB_URL and QUEUE_HUB_KEY are set: without them nothing is sent. */
  readonly configured: boolean;
  readonly hubUrl?: string;
  /** When the hub last acknowledged a batch, in ms since 1970. */
  readonly lastSentAt?: number;
  /** The newest seq of this epoch the hub has acknowledged. */
  readonly lastAcknowledgedSeq: number;
  /** The centre's newest seq. */
  readonly headSeq: number;
  /** Events the hub has not acknowledged yet: headSeq − lastAcknowledgedSeq. */
  readonly behind: number;
  /** The last failure (hub unreachable, key refused, a gap the centre cannot fill), until a batch goes through. */
  readonly lastError?: string;
  readonly lastErrorAt?: number;
}
