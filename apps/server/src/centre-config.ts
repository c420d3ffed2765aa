/**
 * Live changes to the centre's configuration: saved, handed to the queue rules and pushed
 * to every screen at once, without a restart. A whole-document replace (an administrator's
 * edit or an import) is checked first, refused when based on an older version, and saved
 * together with its audit entry.
 */
import {
  type Centre,
  type CentreChangeSummary,
  type CentreProblem,
  strandedBy,
  summariseCentreChange,
} from '@queue/core';
import type { ConfigStore } from '@queue/db';
import { type WireError, checkCentreDocument } from '@queue/protocol';
import { ticketTemplateSchema } from '@queue/printer';
import type { Clock, QueueService } from './queue-service';

export type ReplaceOutcome =
  | { readonly ok: true; readonly version: number; readonly summary: CentreChangeSummary }
  | { readonly ok: false; readonly error: WireError };

const invalid = (problems: readonly CentreProblem[]): ReplaceOutcome => ({
  ok: false,
  error: {
    code: 'CONFIG_INVALID',
    message: `The configuration was refused: ${problems.length} problem(s); nothing was changed.`,
    problems,
  },
});

const unknownProfiles = (centre: Centre, known: ReadonlySet<string>): CentreProblem[] =>
  centre.kiosks.flatMap((kiosk, index) =>
    kiosk.printer && !known.has(kiosk.printer.profileId)
      ? [
          {
            path: `kiosks.${index}.printer.profileId`,
            key: 'unknownReference' as const,
            params: { id: kiosk.printer.profileId, kind: 'printerProfile' },
          },
        ]
      : [],
  );

export class CentreConfig {
  constructor(
    private readonly store: ConfigStore,
    private readonly queue: QueueService,
    private readonly clock: Clock,
    private readonly notify: (centre: Centre) => void,
  ) {}

  get current(): Centre {
    return this.queue.centre;
  }

  get version(): number {
    return this.store.version();
  }

  update(change: (centre: Centre) => Centre): Centre {
    const next = change(this.queue.centre);
    this.store.save(next, this.clock.now());
    this.queue.reconfigure(next);
    this.notify(next);
    return next;
  }

  /**
   * Replace the whole configuration with `document` if it is valid, based on the version in
   * force, and strands nobody in the hall; `record` writes the audit entry in the same
   * transaction as the save.
   */
  replace(
    document: unknown,
    baseVersion: number,
    record: (summary: CentreChangeSummary, version: number) => void,
    /** Printer profiles known to the server; kiosks' printers must name one of them. */
    printerProfiles?: ReadonlySet<string>,
  ): ReplaceOutcome {
    if (baseVersion !== this.store.version()) {
      return {
        ok: false,
        error: {
          code: 'CONFIG_CONFLICT',
          message: 'The configuration was changed by someone else meanwhile; reload it and try again.',
        },
      };
    }
    const checked = checkCentreDocument(document);
    if (!checked.ok) return invalid(checked.problems);
    const next = checked.centre;
    if (next.ticketTemplate !== undefined) {
      const template = ticketTemplateSchema.safeParse(next.ticketTemplate);
      if (!template.success) {
        return invalid(
          template.error.issues.slice(0, 10).map((issue) => ({
            path: ['ticketTemplate', ...issue.path.map(String)].join('.'),
            key: 'shape',
            params: { detail: issue.message },
          })),
        );
      }
    }
    if (printerProfiles) {
      const unknown = unknownProfiles(next, printerProfiles);
      if (unknown.length > 0) return invalid(unknown);
    }
    const before = this.queue.centre;
    const stranded = strandedBy(before, next, this.queue.state);
    if (stranded.length > 0) return invalid(stranded);
    const summary = summariseCentreChange(before, next);
    const version = this.store.transaction(() => {
      const saved = this.store.save(next, this.clock.now());
      record(summary, saved);
      return saved;
    });
    this.queue.reconfigure(next);
    this.notify(next);
    return { ok: true, version, summary };
  }
}
