/** Settings from the environment, read once at start-up. */
export interface Config {
  port: number;
  host: string;
  databaseFile: string;
  /** Seed the demo branch with its well-known demo passwords on an empty database. */
  demo: boolean;
  /** The first admin's password outside demo mode. */
  adminPassword: string | undefined;
  logLevel: string;
  /** Build (when stale) and serve the front-ends; LOBBYFLOW_UI=0 runs the API alone. */
  serveUi: boolean;
  /** Other origins whose pages may call the API (LOBBYFLOW_ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins: string[];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseFile: env.LOBBYFLOW_DB ?? './data/lobbyflow.db',
    demo: env.LOBBYFLOW_DEMO !== '0',
    adminPassword: env.LOBBYFLOW_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    serveUi: env.LOBBYFLOW_UI !== '0',
    allowedOrigins: (env.LOBBYFLOW_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
  };
}
