/**
 * `npm run backup -- <file> [--force]`: copies the live database (LOBBYFLOW_DB, read as the server
 * reads it) to <file> while the server runs. Exits 0 with the pages and size copied, 1 when the
 * backup fails, 2 on a usage error. Restoring is described in README.md.
 */
import { parseArgs } from 'node:util';
import { backupDatabase } from '../db/backup.js';
import { readConfig } from '../server/src/config.js';

const USAGE = 'usage: npm run backup -- <backup-file> [--force]';

function readArguments(): { target: string; force: boolean } {
  try {
    const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
    if (positionals.length !== 1) throw new Error('name one backup file');
    return { target: positionals[0], force: values.force };
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const { target, force } = readArguments();
const source = readConfig().databaseFile;
try {
  const { pages, bytes } = await backupDatabase(source, target, { force });
  console.log(`Backed up ${source} to ${target}: ${pages} pages, ${(bytes / 1024).toFixed(0)} KiB.`);
} catch (err) {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exit(1);
}
