/** Starts lobbyflow: open the database, seed on first start, listen, and shut down cleanly. */
import closeWithGrace from 'close-with-grace';
import { openDatabase } from '../../db/connection.js';
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { ensureUiBuilt, UI_DIST } from './ui-build.js';
import { ensureVoicePacks } from './voice/voice-dist.js';
import { loggerOptions } from './lib/logger.js';
import { systemClock } from './lib/clock.js';
import { loadCustomerKey } from './lib/customer-key.js';
import { loadVapidKeys } from './lib/vapid-keys.js';
import { DEMO_BRANCH_ID, DEMO_CALENDAR, DEMO_DEVICE_TOKENS, DEMO_PASSWORD, isEmpty, seedDemoBranch, seedFirstAdmin } from './seed/demo-branch.js';
import { seedDemoHistory } from './seed/demo-history.js';

/** Longest a graceful shutdown may take before the process exits anyway (with code 1). */
const SHUTDOWN_GRACE_MS = 10_000;

const config = readConfig();
// Before the database opens: a bad key stops the server before it touches anything.
const customerKey = loadCustomerKey({ keyText: config.customerKey, keyFile: config.customerKeyFile });
const vapid = loadVapidKeys(config.vapid);
const { db, close } = openDatabase(config.databaseFile);
if (config.serveUi) await ensureUiBuilt();
const app = await buildApp({ db, allowedOrigins: config.allowedOrigins, trustProxy: config.trustProxy, logger: loggerOptions(config.logLevel), uiRoot: config.serveUi ? UI_DIST : undefined, dayCloseIntervalMs: 60_000, customerKey, notifications: { vapid } });

// The built-in voice packs, from espeak-ng when they are missing (a few seconds, once), beside the
// start rather than before it: until they are there the displays use speech voices or the chime.
void ensureVoicePacks((message) => app.log.info(message));

if (await isEmpty(db)) {
  if (config.demo) {
    await seedDemoBranch(db, systemClock, config.demoCalendar ? { calendar: DEMO_CALENDAR } : {});
    app.log.info('Demo branch "demo" created.');
    if (config.demoHistory) {
      const startedAt = performance.now();
      const history = await seedDemoHistory(db, systemClock);
      if (history) app.log.info(`Demo history: ${history.days.length} business days, ${history.tickets} tickets in ${Math.round(performance.now() - startedAt)} ms (LOBBYFLOW_DEMO_HISTORY=0 skips it).`);
    }
  } else if (config.adminPassword) {
    await seedFirstAdmin(db, systemClock, config.adminPassword);
    app.log.info('First admin "admin" created from LOBBYFLOW_ADMIN_PASSWORD.');
  } else {
    app.log.error('Empty database and LOBBYFLOW_DEMO=0: set LOBBYFLOW_ADMIN_PASSWORD to create the first admin.');
    process.exit(1);
  }
}

if (config.demo && (await db.selectFrom('branches').select('id').where('id', '=', DEMO_BRANCH_ID).executeTakeFirst())) {
  app.log.warn(
    `DEMO MODE, FOR DEMONSTRATION ONLY: users admin, manager, teller1…teller6 have the password "${DEMO_PASSWORD}"; ` +
      `device tokens ${DEMO_DEVICE_TOKENS.kiosk} (kiosk) and ${DEMO_DEVICE_TOKENS.display} (display). ` +
      'Run with LOBBYFLOW_DEMO=0 in a real branch.',
  );
}

// A signal (or a crash of our own code) ends the server gracefully: requests in flight are answered,
// new connections refused, screens told to reconnect (1012), and the database closed, which
// checkpoints its WAL into the main file. A second signal exits at once: every committed ticket is
// already safe on disk (synchronous = FULL), so cutting the shutdown short loses nothing.
closeWithGrace(
  {
    delay: SHUTDOWN_GRACE_MS,
    logger: { error: (message) => app.log.error(message) },
    onSecondSignal: (signal) => app.log.warn(`second ${signal} during shutdown: exiting now`),
  },
  async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an unexpected error');
    else app.log.info(`${signal ?? 'idle'}: closing`);
    await app.close();
    await close();
    app.log.info('closed: database checkpointed');
  },
);

await app.listen({ port: config.port, host: config.host });
