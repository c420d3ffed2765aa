/** A backup taken on demand (`backup:now`, administrators): which file, and when. */
export interface BackupAnswer {
  /** The backup's file name in the server's backup folder (`queue-<time>.sqlite`). */
  readonly file: string;
  /** When it was written, in ms since 1970. */
  readonly at: number;
}
