import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../protocol/api-client.js';
import { RequestController } from '../../../../manager-ui/src/shell/request-controller.js';

/** A page, as far as the controller sees it: it renders on request and hears its own events. */
function page() {
  const host = Object.assign(new EventTarget(), {
    updates: 0,
    sessionEnded: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      host.updates++;
    },
    updateComplete: Promise.resolve(true),
  });
  host.addEventListener('session-expired', () => host.sessionEnded++);
  return host;
}

/** A request the test answers by hand. */
function pending<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('one request at a time (actions)', () => {
  it('is busy while the request runs, and gives its reply', async () => {
    const host = page();
    const requests = new RequestController(host);
    const reply = pending<string>();
    const outcome = requests.run(() => reply.promise);
    expect(requests.busy).toBe(true);
    reply.resolve('A001');
    expect(await outcome).toEqual({ status: 'done', value: 'A001' });
    expect(requests.busy).toBe(false);
    expect(host.updates).toBeGreaterThan(0);
  });

  it('skips a second request while one runs: a double tap never acts twice', async () => {
    const requests = new RequestController(page());
    const first = pending<string>();
    let sent = 0;
    const one = requests.run(() => (sent++, first.promise));
    expect(await requests.run(async () => (sent++, 'again'))).toEqual({ status: 'skipped' });
    first.resolve('done');
    await one;
    expect(sent).toBe(1);
  });

  it('keeps the refusal as text for staff, until the next request starts', async () => {
    const requests = new RequestController(page());
    const refusal = new ApiError(409, 'COUNTER_BUSY', 'counter 3 still has ticket A001');
    const outcome = await requests.run(() => Promise.reject(refusal));
    expect(outcome).toEqual({ status: 'failed', error: refusal });
    expect(requests.error).toContain('counter 3 still has ticket A001');
    const next = pending<null>();
    void requests.run(() => next.promise);
    expect(requests.error).toBe('');
  });

  it('tells the console when the session has ended', async () => {
    const host = page();
    const requests = new RequestController(host);
    await requests.run(() => Promise.reject(new ApiError(401, 'UNAUTHENTICATED', 'session expired')));
    expect(host.sessionEnded).toBe(1);
    await requests.run(() => Promise.reject(new ApiError(409, 'INVALID_TRANSITION', 'no')));
    expect(host.sessionEnded).toBe(1);
  });
});

describe('the latest request wins (loads)', () => {
  it('drops the answer to a question already replaced by a newer one', async () => {
    const requests = new RequestController(page(), 'latest');
    const old = pending<string>();
    const fresh = pending<string>();
    const first = requests.run(() => old.promise);
    const second = requests.run(() => fresh.promise);
    fresh.resolve('this week');
    expect(await second).toEqual({ status: 'done', value: 'this week' });
    old.reject(new ApiError(500, 'INTERNAL', 'late failure'));
    expect(await first).toEqual({ status: 'skipped' });
    expect(requests.error).toBe('');
    expect(requests.busy).toBe(false);
  });

  it('stays busy until the newest request has answered', async () => {
    const requests = new RequestController(page(), 'latest');
    const old = pending<string>();
    const fresh = pending<string>();
    const first = requests.run(() => old.promise);
    const second = requests.run(() => fresh.promise);
    old.resolve('last week');
    await first;
    expect(requests.busy).toBe(true);
    fresh.resolve('this week');
    await second;
    expect(requests.busy).toBe(false);
  });

  it('forgets a running request when cancelled', async () => {
    const requests = new RequestController(page(), 'latest');
    const reply = pending<string>();
    const outcome = requests.run(() => reply.promise);
    requests.cancel();
    expect(requests.busy).toBe(false);
    reply.resolve('too late');
    expect(await outcome).toEqual({ status: 'skipped' });
  });
});
