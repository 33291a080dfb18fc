import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config.js';
import { loadCustomerKey } from '../../server/src/lib/customer-key.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the customer key', () => {
  it('is created on first start next to the database, readable by the server alone, and read back afterwards', () => {
    const dir = tempDir();
    const config = readConfig({ LOBBYFLOW_DB: join(dir, 'data', 'lobbyflow.db') });
    expect(config.customerKeyFile).toBe(join(dir, 'data', 'customer.key'));
    const first = loadCustomerKey({ keyText: config.customerKey, keyFile: config.customerKeyFile });
    expect(first.length).toBe(32);
    expect(statSync(config.customerKeyFile).mode & 0o777).toBe(0o600);
    expect(loadCustomerKey({ keyFile: config.customerKeyFile }).equals(first)).toBe(true);
  });

  it('comes from LOBBYFLOW_CUSTOMER_KEY in hex or base64, and then no file is written', () => {
    const dir = tempDir();
    const keyFile = join(dir, 'customer.key');
    const bytes = Buffer.alloc(32, 0xab);
    expect(loadCustomerKey({ keyText: bytes.toString('hex'), keyFile }).equals(bytes)).toBe(true);
    expect(loadCustomerKey({ keyText: bytes.toString('base64'), keyFile }).equals(bytes)).toBe(true);
    expect(() => statSync(keyFile)).toThrow();
  });

  it('refuses a key shorter than 32 bytes or not hex nor base64', () => {
    const keyFile = join(tempDir(), 'customer.key');
    expect(() => loadCustomerKey({ keyText: 'ab'.repeat(16 - 1), keyFile })).toThrow(/at least 32 bytes/);
    expect(() => loadCustomerKey({ keyText: 'not a key!', keyFile })).toThrow(/hex or base64/);
  });

  it('follows LOBBYFLOW_CUSTOMER_KEY_FILE, and refuses a key file others may read', () => {
    const dir = tempDir();
    const keyFile = join(dir, 'elsewhere.key');
    expect(readConfig({ LOBBYFLOW_CUSTOMER_KEY_FILE: keyFile }).customerKeyFile).toBe(keyFile);
    writeFileSync(keyFile, 'cd'.repeat(32), { mode: 0o644 });
    expect(() => loadCustomerKey({ keyFile })).toThrow(/chmod 600/);
    expect(readFileSync(keyFile, 'utf8')).toBe('cd'.repeat(32));
  });
});
