import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from '../../../kiosk-ui/src/logic/idle-timer.js';

describe('IdleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('goes back to the start after the timeout without a touch', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(onIdle);
    timer.arm(45_000);
    vi.advanceTimersByTime(44_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledOnce();
    expect(timer.armed).toBe(false);
  });

  it('starts counting again at every touch', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(onIdle);
    timer.arm(20_000);
    vi.advanceTimersByTime(15_000);
    timer.poke();
    vi.advanceTimersByTime(15_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5_000);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('does nothing on a screen that never times out', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(onIdle);
    timer.arm(null);
    timer.poke();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('fires once, and a touch after that does not start it again', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(onIdle);
    timer.arm(1000);
    vi.advanceTimersByTime(1000);
    timer.poke();
    vi.advanceTimersByTime(5000);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('can be stopped', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(onIdle);
    timer.arm(1000);
    timer.stop();
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('restarts the count with the new screen timeout', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(onIdle);
    timer.arm(45_000);
    vi.advanceTimersByTime(30_000);
    timer.arm(20_000);
    vi.advanceTimersByTime(19_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledOnce();
  });
});
