/**
 * The cap on the tickets one kiosk may issue per minute (the branch's `issuesPerDevicePerMinute`),
 * as @fastify/rate-limit options keyed by the kiosk's device id: a kiosk token in a loop cannot use
 * up a service's numbers for the day. Staff issuing for a customer are not limited. A refused
 * request is a 429 DEVICE_RATE_LIMITED with Retry-After, issues nothing, and is reported to the
 * lobby manager's triage screen.
 */
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { QueueService } from '../services/queue-service.js';
import type { ThrottleReporter } from '../services/throttle-reporter.js';

const kioskOf = (request: FastifyRequest) => (request.actor?.kind === 'device' ? request.actor : null);

export function deviceIssueLimit(queue: QueueService, throttles: ThrottleReporter): RateLimitOptions {
  return {
    timeWindow: 60_000,
    // Runs after the folder's authentication hook, so the caller is known: only kiosks count.
    allowList: (request) => kioskOf(request) === null,
    keyGenerator: (request) => kioskOf(request)?.id ?? request.ip,
    max: (request) => queue.issuesPerDevicePerMinute(kioskOf(request)!.branchId),
    onExceeded: (request) => throttles.refused(kioskOf(request)!),
    errorResponseBuilder: (_request, { max, after }) =>
      new AppError('DEVICE_RATE_LIMITED', `this kiosk may issue ${max} tickets a minute; try again in ${after}`),
  };
}
