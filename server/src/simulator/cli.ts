/**
 * Simulates a branch day from the command line:
 *   npm run simulate -- --seed 1 --branch demo --hours 8
 *   npm run simulate -- --config my-branch.json --days 5
 *   npm run simulate -- --profile busy
 * Prints waits per service, service level, walk-outs, and the wait estimator's error against the
 * waits that followed (every simulated customer asks the real estimator at the kiosk).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../../db/connection.js';
import { BENCHMARK_PROFILES, parseProfile, type BranchProfile } from './branch-profile.js';
import { profileFromDatabase } from './database-profile.js';
import { summariseRun, type DaySummary, type ServiceOutcome } from './day-summary.js';
import { daySetup, simulateLobby, type CustomerRecord } from './lobby-simulation.js';

const USAGE = `usage: npm run simulate -- [--seed N] [--hours H] [--days N] [--json]
                           [--branch ID [--db FILE] | --config FILE | --profile ${Object.keys(BENCHMARK_PROFILES).join('|')}]
  --branch ID   read the branch's services, counters and history from the database
                (LOBBYFLOW_DB or ./data/lobbyflow.db; the built-in demo profile if there is none)
  --config FILE a branch profile as JSON (see server/src/simulator/branch-profile.ts)
  --days N      simulate N days (seeds N, N+1, …) and report them together`;

/** 09:00 in Shanghai, a Monday: the simulated day's clock (only printed times depend on it). */
const OPENING_MS = Date.parse('2026-11-23T01:00:00.000Z');

const minutes = (seconds: number | null) => {
  if (seconds === null) return '–';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};
const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(0)}%`);

async function loadProfile(options: { branch?: string; config?: string; profile?: string; db?: string; hours?: number }) {
  if (options.config) return { profile: parseProfile(JSON.parse(readFileSync(options.config, 'utf8'))), source: options.config };
  if (options.branch) {
    const file = options.db ?? process.env.LOBBYFLOW_DB ?? './data/lobbyflow.db';
    if (existsSync(file)) {
      const handle = openDatabase(file);
      try {
        const profile = await profileFromDatabase(handle.db, options.branch, new Date(), options.hours ?? 8);
        if (profile) return { profile, source: `database ${file}` };
      } finally {
        await handle.close();
      }
    }
    const missing = existsSync(file) ? `no branch ${options.branch} in ${file}` : `no database at ${file}`;
    if (options.branch !== 'demo') throw new Error(missing);
    return { profile: BENCHMARK_PROFILES.demo(), source: `built-in demo profile: ${missing}` };
  }
  const make = BENCHMARK_PROFILES[options.profile ?? 'demo'];
  if (!make) throw new Error(`unknown profile ${options.profile}; choose ${Object.keys(BENCHMARK_PROFILES).join(', ')}`);
  return { profile: make(), source: 'built-in profile' };
}

function row(label: string, o: Omit<ServiceOutcome, 'serviceId' | 'label' | 'targetWaitSeconds'>) {
  return [
    label.padEnd(32),
    String(o.tickets).padStart(7),
    String(o.diverted).padStart(9),
    String(o.called).padStart(7),
    String(o.abandoned).padStart(8),
    minutes(o.meanWaitSeconds).padStart(10),
    minutes(o.p90WaitSeconds).padStart(9),
    minutes(o.maxWaitSeconds).padStart(9),
    percent(o.serviceLevel).padStart(14),
  ].join('');
}

function printSummary(profile: BranchProfile, summary: DaySummary) {
  console.log(['service'.padEnd(32), 'tickets'.padStart(7), 'diverted'.padStart(9), 'called'.padStart(7), 'gave up'.padStart(8), 'mean wait'.padStart(10), 'p90 wait'.padStart(9), 'max wait'.padStart(9), 'within target'.padStart(14)].join(''));
  for (const s of summary.services) {
    const service = profile.services.find((p) => p.id === s.serviceId)!;
    const target = ` (${minutes(s.targetWaitSeconds)})`;
    console.log(row(`${s.label} ${service.name ?? ''}`.trim().slice(0, 31 - target.length) + target, s));
  }
  console.log(row('all', summary.overall));
  const e = summary.estimate;
  const bias = e.meanSignedErrorSeconds === null ? '' : `; on average customers waited ${minutes(Math.abs(e.meanSignedErrorSeconds))} ${e.meanSignedErrorSeconds >= 0 ? 'longer' : 'less'} than promised`;
  console.log(`\nwait estimate at issue vs actual wait (${e.tickets} customers called): mean absolute error ${minutes(e.meanAbsoluteErrorSeconds)}, within ±5 min ${percent(e.withinFiveMinutesShare)}${bias}`);
  const counters = profile.counters
    .map((c) => `${c.number}${c.vip ? ' (VIP)' : ''} ${percent(summary.counters.find((s) => s.id === c.id)?.busyShare ?? 0)}`)
    .join(', ');
  console.log(`counters busy: ${counters}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      hours: { type: 'string' },
      days: { type: 'string', default: '1' },
      branch: { type: 'string' },
      db: { type: 'string' },
      config: { type: 'string' },
      profile: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const seed = Number(values.seed);
  const days = Number(values.days);
  const hours = values.hours === undefined ? undefined : Number(values.hours);
  if (!Number.isInteger(seed) || !Number.isInteger(days) || days < 1 || (hours !== undefined && !(hours > 0 && hours <= 24))) {
    throw new Error(`--seed and --days take whole numbers, --hours a number of hours up to 24\n${USAGE}`);
  }
  const { profile, source } = await loadProfile({ ...values, hours });

  const started = performance.now();
  const customers: CustomerRecord[] = [];
  const diverted = new Map<string, number>();
  const busyMs = new Map<string, number>();
  let simulatedMs = 0;
  for (let day = 0; day < days; day++) {
    const run = simulateLobby(daySetup(profile, { seed: seed + day, openingMs: OPENING_MS, hours }));
    customers.push(...run.customers);
    for (const [id, n] of run.diverted) diverted.set(id, (diverted.get(id) ?? 0) + n);
    for (const [id, ms] of run.busyMs) busyMs.set(id, (busyMs.get(id) ?? 0) + ms);
    simulatedMs += run.endMs - OPENING_MS;
  }
  const elapsedMs = performance.now() - started;
  const summary = summariseRun({ customers, diverted, busyMs, endMs: OPENING_MS + simulatedMs }, profile.services, OPENING_MS);

  if (values.json) {
    console.log(JSON.stringify({ profile: profile.name, source, seed, days, hours: hours ?? profile.hours, msPerDay: elapsedMs / days, ...summary }, null, 2));
    return;
  }
  console.log(`lobbyflow lobby simulator: ${profile.name}, seed ${seed}, ${days} day(s) of ${hours ?? profile.hours} h\n(${source})\n`);
  printSummary(profile, summary);
  console.log(`simulated in ${(elapsedMs / days).toFixed(0)} ms per day`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
