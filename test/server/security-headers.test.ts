/**
 * Every reply carries the security headers: the screens' Content-Security-Policy (no inline script
 * or style, no framing, live sockets of the same host), nosniff and no referrer; Swagger UI has its
 * own policy. The built pages hold nothing inline that the policy would refuse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUiBuilt, UI_DIST } from '../../server/src/ui-build.js';
import { BRANCH, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  await ensureUiBuilt(() => {});
  t = await createTestApp({ uiRoot: UI_DIST });
}, 120_000);
afterAll(() => t?.close());

/** The policy as a map from directive to its sources. */
function policyOf(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    (header as string)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

const PAGES = ['/', '/kiosk-ui/', '/kiosk-ui/ticket.html', '/display-ui/', '/manager-ui/'];

describe('security headers', () => {
  it.each(PAGES)('sends the screens’ policy with the page %s', async (url) => {
    const res = await t.app.inject({ url, headers: { host: 'lobby.branch.example:8080' } });
    expect(res.statusCode).toBe(200);
    const policy = policyOf(res.headers['content-security-policy']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('script-src-attr')).toEqual(["'none'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://lobby.branch.example:8080', 'wss://lobby.branch.example:8080']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    // A branch may serve the screens over plain http on its own network.
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it.each(PAGES)('builds %s with no inline script or style for the policy to refuse', async (url) => {
    const html = (await t.app.inject({ url })).body;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
  });

  it('sends them with an API reply too', async () => {
    const res = await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: await t.as('manager') });
    expect(res.statusCode).toBe(200);
    expect(policyOf(res.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('leaves a Host header that is not a plain host out of the policy', async () => {
    const res = await t.app.inject({ url: '/kiosk-ui/', headers: { host: 'evil.example; script-src *' } });
    const policy = policyOf(res.headers['content-security-policy']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it.each(['/docs/', '/docs/static/swagger-ui-bundle.js'])('gives Swagger UI (%s) its own policy, still never framed', async (url) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(200);
    const policy = policyOf(res.headers['content-security-policy']);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    // Swagger UI adds <style> elements of its own.
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves the pages’ own CSS as files from the build', async () => {
    const html = (await t.app.inject({ url: '/kiosk-ui/' })).body;
    const sheet = /<link rel="stylesheet"[^>]* href="([^"]+\.css)"/.exec(html)?.[1];
    expect(sheet).toMatch(/^\/assets\//);
    expect(readFileSync(join(UI_DIST, sheet!), 'utf8')).toContain('@page');
  });
});
