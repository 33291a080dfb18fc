import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpush from 'web-push';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/src/config.js';
import { DEFAULT_VAPID_SUBJECT, loadVapidKeys } from '../../../server/src/lib/vapid-keys.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-vapid-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the VAPID keys', () => {
  it('are made once on first start next to the database, readable by the server alone, and read back afterwards', () => {
    const dir = tempDir();
    const config = readConfig({ LOBBYFLOW_DB: join(dir, 'data', 'lobbyflow.db') });
    expect(config.vapid.keyFile).toBe(join(dir, 'data', 'vapid.json'));
    const first = loadVapidKeys(config.vapid);
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    expect(first.subject).toBe(DEFAULT_VAPID_SUBJECT);
    expect(statSync(config.vapid.keyFile).mode & 0o777).toBe(0o600);
    expect(loadVapidKeys(config.vapid)).toEqual(first);
    expect(JSON.parse(readFileSync(config.vapid.keyFile, 'utf8'))).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
  });

  it('come from LOBBYFLOW_VAPID_PUBLIC_KEY, _PRIVATE_KEY and _SUBJECT, and then no file is written', () => {
    const dir = tempDir();
    const pair = webpush.generateVAPIDKeys();
    const config = readConfig({
      LOBBYFLOW_DB: join(dir, 'lobbyflow.db'),
      LOBBYFLOW_VAPID_PUBLIC_KEY: pair.publicKey,
      LOBBYFLOW_VAPID_PRIVATE_KEY: pair.privateKey,
      LOBBYFLOW_VAPID_SUBJECT: 'https://bank.example/contact',
    });
    expect(loadVapidKeys(config.vapid)).toEqual({ ...pair, subject: 'https://bank.example/contact' });
    expect(() => statSync(config.vapid.keyFile)).toThrow();
  });

  it('refuses half a pair, a wrong key, a subject that is not mailto: or https:, and a file others may read', () => {
    const dir = tempDir();
    const keyFile = join(dir, 'vapid.json');
    const pair = webpush.generateVAPIDKeys();
    expect(() => loadVapidKeys({ publicKey: pair.publicKey, keyFile })).toThrow(/both or neither/);
    expect(() => loadVapidKeys({ publicKey: pair.publicKey, privateKey: 'short', keyFile })).toThrow(/private key/);
    expect(() => loadVapidKeys({ publicKey: 'AAAA', privateKey: pair.privateKey, keyFile })).toThrow(/public key/);
    expect(() => loadVapidKeys({ subject: 'http://bank.example', keyFile })).toThrow(/mailto: or https:/);
    loadVapidKeys({ keyFile });
    chmodSync(keyFile, 0o644);
    expect(() => loadVapidKeys({ keyFile })).toThrow(/chmod 600/);
  });
});
