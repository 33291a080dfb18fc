/**
 * The install's secret key for the HMAC of card and customer numbers. Numbers are only ever stored
 * as that HMAC, so the key must outlive restarts (or no registered customer is recognised again)
 * and must not sit in the database next to the hashes it protects. It comes from
 * LOBBYFLOW_CUSTOMER_KEY (hex or base64, at least 32 bytes), or else from a key file
 * (LOBBYFLOW_CUSTOMER_KEY_FILE, by default `customer.key` next to the database file), created
 * readable by the server's user only (0600) on first start and read afterwards.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** HMAC-SHA256 wants a key at least as long as its output. */
export const CUSTOMER_KEY_MIN_BYTES = 32;

/** Reads a key written as hex or base64; throws unless it holds at least 32 bytes. */
export function parseCustomerKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^(?:[0-9a-f]{2})+$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : null;
  if (!key) throw new Error(`${source}: the customer key must be hex or base64`);
  if (key.length < CUSTOMER_KEY_MIN_BYTES) throw new Error(`${source}: the customer key must hold at least ${CUSTOMER_KEY_MIN_BYTES} bytes, not ${key.length}`);
  return key;
}

/** Where the key file lives when LOBBYFLOW_CUSTOMER_KEY_FILE does not say: next to the database. */
export const defaultCustomerKeyFile = (databaseFile: string): string => join(dirname(databaseFile), 'customer.key');

/**
 * The key: from `keyText` when given, else from `keyFile`, which is created (mode 0600, 32 random
 * bytes as hex) when it does not exist. A key file others may read is refused.
 */
export function loadCustomerKey({ keyText, keyFile }: { keyText?: string; keyFile: string }): Buffer {
  if (keyText !== undefined && keyText.trim() !== '') return parseCustomerKey(keyText, 'LOBBYFLOW_CUSTOMER_KEY');
  mkdirSync(dirname(keyFile), { recursive: true });
  try {
    // 'wx': two servers starting at once cannot both write a key; the loser reads the winner's.
    writeFileSync(keyFile, `${randomBytes(CUSTOMER_KEY_MIN_BYTES).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(keyFile, 0o600); // the umask may have taken bits off, never added: make sure
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) {
    throw new Error(`${keyFile}: the customer key file may be read by others; chmod 600 it`);
  }
  return parseCustomerKey(readFileSync(keyFile, 'utf8'), keyFile);
}
