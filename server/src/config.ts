/** Settings from the environment, read once at start-up. */
import { isIP } from 'node:net';
import { defaultCustomerKeyFile } from './lib/customer-key.js';
import { defaultVapidKeyFile } from './lib/vapid-keys.js';

/** Which proxies to believe about the client's address and scheme, as Fastify's `trustProxy` takes it. */
export type TrustProxy = boolean | string[];

export interface Config {
  port: number;
  host: string;
  databaseFile: string;
  /** Seed the demo branch with its well-known demo passwords on an empty database. */
  demo: boolean;
  /** With the demo branch, also write its 60 business days of simulated past (LOBBYFLOW_DEMO_HISTORY=0: none). */
  demoHistory: boolean;
  /** With the demo branch, give it its operating calendar (LOBBYFLOW_DEMO_CALENDAR=0: none, tickets at any hour). */
  demoCalendar: boolean;
  /** The first admin's password outside demo mode. */
  adminPassword: string | undefined;
  logLevel: string;
  /** Build (when stale) and serve the front-ends; LOBBYFLOW_UI=0 runs the API alone. */
  serveUi: boolean;
  /** Other origins whose pages may call the API (LOBBYFLOW_ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins: string[];
  /** LOBBYFLOW_TRUST_PROXY, see `parseTrustProxy`. */
  trustProxy: TrustProxy;
  /** LOBBYFLOW_CUSTOMER_KEY: the HMAC key of card and customer numbers (hex or base64), when not in a file. */
  customerKey: string | undefined;
  /** LOBBYFLOW_CUSTOMER_KEY_FILE: where the key is kept otherwise (default: customer.key next to the database). */
  customerKeyFile: string;
  /** LOBBYFLOW_VAPID_PUBLIC_KEY / _PRIVATE_KEY / _SUBJECT / _KEY_FILE: Web Push's VAPID pair (lib/vapid-keys.ts). */
  vapid: { publicKey: string | undefined; privateKey: string | undefined; subject: string | undefined; keyFile: string };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const databaseFile = env.LOBBYFLOW_DB ?? './data/lobbyflow.db';
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseFile,
    demo: env.LOBBYFLOW_DEMO !== '0',
    demoHistory: env.LOBBYFLOW_DEMO_HISTORY !== '0',
    demoCalendar: env.LOBBYFLOW_DEMO_CALENDAR !== '0',
    adminPassword: env.LOBBYFLOW_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    serveUi: env.LOBBYFLOW_UI !== '0',
    allowedOrigins: (env.LOBBYFLOW_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    trustProxy: parseTrustProxy(env.LOBBYFLOW_TRUST_PROXY),
    customerKey: env.LOBBYFLOW_CUSTOMER_KEY || undefined,
    customerKeyFile: env.LOBBYFLOW_CUSTOMER_KEY_FILE || defaultCustomerKeyFile(databaseFile),
    vapid: {
      publicKey: env.LOBBYFLOW_VAPID_PUBLIC_KEY || undefined,
      privateKey: env.LOBBYFLOW_VAPID_PRIVATE_KEY || undefined,
      subject: env.LOBBYFLOW_VAPID_SUBJECT || undefined,
      keyFile: env.LOBBYFLOW_VAPID_KEY_FILE || defaultVapidKeyFile(databaseFile),
    },
  };
}

/** proxy-addr's names for address ranges, which Fastify's trustProxy accepts in a list. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IPv4 or IPv6 address, optionally with a CIDR prefix length, or a range name. */
function isProxyAddress(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

/**
 * LOBBYFLOW_TRUST_PROXY: unset or `false` believes no proxy (request.ip is the peer); `true` believes
 * every X-Forwarded-For hop (only when nothing reaches the server but through the proxy); anything
 * else is a comma-separated list of the proxies' addresses, CIDRs or `loopback`, `linklocal`,
 * `uniquelocal`. A hop count is refused: Fastify 5 no longer honours one (it cannot tell a proxy
 * from a client that sends its own X-Forwarded-For), so it would silently believe nobody.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) throw new Error(`LOBBYFLOW_TRUST_PROXY: hop counts such as "${text}" are not supported; name the proxy's address, e.g. 127.0.0.1`);
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  const wrong = entries.find((entry) => !isProxyAddress(entry));
  if (wrong !== undefined) {
    throw new Error(`LOBBYFLOW_TRUST_PROXY: "${wrong}" is not true, false, an address, a CIDR, loopback, linklocal or uniquelocal`);
  }
  return entries;
}
