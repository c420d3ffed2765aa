/**
 * Live changes to the centre's configuration: saved, handed to the queue rules and pushed
 * to every screen at once, without a restart.
 */
import type { Centre } from '@queue/core';
import type { ConfigStore } from '@queue/db';
import type { Clock, QueueService } from './queue-service';

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

  update(change: (centre: Centre) => Centre): Centre {
    const next = change(this.queue.centre);
    this.store.save(next, this.clock.now());
    this.queue.reconfigure(next);
    this.notify(next);
    return next;
  }
}
