import { instant } from '@queue/core';
import type { DeviceAlert } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { applyAlert, initialSyncState } from './sync-state';

const alert = (kind: DeviceAlert['kind'], deviceId = 'kiosk-1', since = 1): DeviceAlert => ({
  deviceId,
  kind,
  since: instant(since),
  message: kind,
});

describe('applyAlert', () => {
  it('keeps one alert per device and kind, and drops it when cleared', () => {
    let state = applyAlert(initialSyncState, { alert: alert('paper-out'), active: true });
    state = applyAlert(state, { alert: alert('paper-out', 'kiosk-1', 5), active: true });
    state = applyAlert(state, { alert: alert('cover-open'), active: true });
    state = applyAlert(state, { alert: alert('paper-out', 'kiosk-2'), active: true });
    expect(state.alerts?.map((entry) => `${entry.deviceId}/${entry.kind}/${entry.since}`)).toEqual([
      'kiosk-1/paper-out/5',
      'kiosk-1/cover-open/1',
      'kiosk-2/paper-out/1',
    ]);
    state = applyAlert(state, { alert: alert('paper-out'), active: false });
    expect(state.alerts?.map((entry) => `${entry.deviceId}/${entry.kind}`)).toEqual([
      'kiosk-1/cover-open',
      'kiosk-2/paper-out',
    ]);
  });
});
