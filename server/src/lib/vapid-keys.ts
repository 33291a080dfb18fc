/**
 * The install's VAPID key pair, which signs every Web Push request (RFC 8292): push services tie a
 * phone's subscription to the public key it was made with, so the pair must outlive restarts or
 * every subscription stops working. It comes from LOBBYFLOW_VAPID_PUBLIC_KEY and
 * LOBBYFLOW_VAPID_PRIVATE_KEY (both or neither), or else from a key file (LOBBYFLOW_VAPID_KEY_FILE,
 * by default `vapid.json` next to the database file), made with web-push's generateVAPIDKeys on
 * first start, readable by the server's user only (0600), as lib/customer-key.ts keeps its key.
 */
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import webpush from 'web-push';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** Who runs the server, for push services to contact: a mailto: or https: URL. */
  subject: string;
}

/** Said to push services when LOBBYFLOW_VAPID_SUBJECT is unset; a real install names its own contact. */
export const DEFAULT_VAPID_SUBJECT = 'mailto:lobbyflow@example.com';

/** Where the key file lives when LOBBYFLOW_VAPID_KEY_FILE does not say: next to the database. */
export const defaultVapidKeyFile = (databaseFile: string): string => join(dirname(databaseFile), 'vapid.json');

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Checks a pair: a P-256 public key (65 bytes) and private key (32 bytes), base64url. */
export function checkVapidKeys(keys: { publicKey: unknown; privateKey: unknown }, source: string): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = keys;
  if (typeof publicKey !== 'string' || !BASE64URL.test(publicKey) || Buffer.from(publicKey, 'base64url').length !== 65) {
    throw new Error(`${source}: the VAPID public key must be 65 bytes, base64url`);
  }
  if (typeof privateKey !== 'string' || !BASE64URL.test(privateKey) || Buffer.from(privateKey, 'base64url').length !== 32) {
    throw new Error(`${source}: the VAPID private key must be 32 bytes, base64url`);
  }
  return { publicKey, privateKey };
}

function checkSubject(subject: string): string {
  if (!/^(mailto:|https:\/\/)\S+$/.test(subject)) throw new Error(`LOBBYFLOW_VAPID_SUBJECT: "${subject}" must be a mailto: or https: URL`);
  return subject;
}

/**
 * The pair: from the environment's texts when given, else from `keyFile`, created (mode 0600) when
 * it does not exist. A key file others may read is refused.
 */
export function loadVapidKeys({ publicKey, privateKey, subject, keyFile }: { publicKey?: string; privateKey?: string; subject?: string; keyFile: string }): VapidKeys {
  const contact = checkSubject(subject?.trim() || DEFAULT_VAPID_SUBJECT);
  if (publicKey?.trim() || privateKey?.trim()) {
    if (!publicKey?.trim() || !privateKey?.trim()) throw new Error('LOBBYFLOW_VAPID_PUBLIC_KEY and LOBBYFLOW_VAPID_PRIVATE_KEY go together: set both or neither');
    return { ...checkVapidKeys({ publicKey: publicKey.trim(), privateKey: privateKey.trim() }, 'LOBBYFLOW_VAPID_*_KEY'), subject: contact };
  }
  mkdirSync(dirname(keyFile), { recursive: true });
  try {
    // 'wx': two servers starting at once cannot both write a pair; the loser reads the winner's.
    writeFileSync(keyFile, `${JSON.stringify(webpush.generateVAPIDKeys())}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(keyFile, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) {
    throw new Error(`${keyFile}: the VAPID key file may be read by others; chmod 600 it`);
  }
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(keyFile, 'utf8'));
  } catch {
    throw new Error(`${keyFile}: not a VAPID key file (JSON with publicKey and privateKey)`);
  }
  return { ...checkVapidKeys((stored ?? {}) as { publicKey: unknown; privateKey: unknown }, keyFile), subject: contact };
}

/** A pair for this process only: tests, and apps built without a key (subscriptions then end with the process). */
export const temporaryVapidKeys = (): VapidKeys => ({ ...webpush.generateVAPIDKeys(), subject: DEFAULT_VAPID_SUBJECT });
