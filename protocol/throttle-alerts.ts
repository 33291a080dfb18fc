/**
 * Throttle alerts (a kiosk refused tickets for issuing too fast), defined once for the server's
 * snapshot, the live client and the lobby manager's screen: which ones still show, and in what order.
 */
import { THROTTLE_ALERT_MINUTES, type ThrottleAlert } from './schemas.js';

/** Whether the alert still shows at `nowMs`: the kiosk was last refused within THROTTLE_ALERT_MINUTES. */
export const isRecentThrottleAlert = (alert: ThrottleAlert, nowMs: number): boolean =>
  nowMs - Date.parse(alert.lastAt) < THROTTLE_ALERT_MINUTES * 60_000;

/** The alerts that still show at `nowMs`, the latest refusal first. */
export function recentThrottleAlerts(alerts: Iterable<ThrottleAlert>, nowMs: number): ThrottleAlert[] {
  return [...alerts].filter((alert) => isRecentThrottleAlert(alert, nowMs)).sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}

/** The list with `alert` in place of the kiosk's previous one. */
export const withThrottleAlert = (alerts: readonly ThrottleAlert[], alert: ThrottleAlert): ThrottleAlert[] => [
  alert,
  ...alerts.filter((a) => a.deviceId !== alert.deviceId),
];
