/**
 * Tells the lobby manager about kiosks refused for issuing too fast. Refusals come in floods (a
 * kiosk token in a loop), so they are counted here and recorded at most once per interval per
 * kiosk: one `device.throttled` event carries every refusal since the last, however fast they come.
 */
import type { DeviceActor } from './queue-service.js';

export interface ThrottleReporterDeps {
  /** Records a kiosk's refusals in its branch (queue.recordThrottle). */
  record: (device: DeviceActor, refused: number) => Promise<void>;
  onError: (err: unknown) => void;
  /** How long refusals are gathered before they are recorded. */
  intervalMs?: number;
}

export function createThrottleReporter({ record, onError, intervalMs = 1000 }: ThrottleReporterDeps) {
  const pending = new Map<string, { device: DeviceActor; refused: number }>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    timer = null;
    for (const { device, refused } of pending.values()) record(device, refused).catch(onError);
    pending.clear();
  }

  return {
    /** Counts one refused ticket of the kiosk; it is recorded within `intervalMs`. */
    refused(device: DeviceActor): void {
      const entry = pending.get(device.id) ?? { device, refused: 0 };
      entry.refused++;
      pending.set(device.id, entry);
      timer ??= setTimeout(flush, intervalMs);
    },

    /** Forgets refusals not yet recorded (the server is closing). */
    close(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}

export type ThrottleReporter = ReturnType<typeof createThrottleReporter>;
