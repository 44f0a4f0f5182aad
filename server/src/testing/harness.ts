import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { closeServices, createServices } from '../bootstrap.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { createLogger } from '../platform/logging.ts';
import type { Services } from '../platform/services.ts';

/**
 * Which database the tests run on: the embedded PGlite by default, or the PostgreSQL server named
 * by TEST_DATABASE_URL (a fresh database is created for each test app and dropped afterwards).
 */
export const TEST_DB_MODE: 'embedded' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded';

/** Registry patients in each test app's demo data (DEMO_PATIENTS; override with `env`). */
export const TEST_DEMO_PATIENTS = 300;

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Raw log text (to assert that no personal data leaked). */
  logText: () => string;
  close: () => Promise<void>;
}

/** Creates a fresh PostgreSQL database on the test server and returns its URL. */
export async function createScratchDatabase(baseUrl = process.env.TEST_DATABASE_URL!): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `oncoped_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Serve the built web client (browser tests). */
  serveWeb?: boolean;
  /** Start the job queue. */
  jobs?: boolean;
}

/** A complete app with demo data on a fresh database, in memory (PGlite) or on the test server. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const scratch = TEST_DB_MODE === 'postgres' ? await createScratchDatabase() : undefined;
  const config: Config = loadConfig({
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: 'info',
    JOBS: opts.jobs ? 'true' : 'false',
    LOGIN_RATE_LIMIT: '1000',
    // A small registry keeps start-up fast; tests that need specific patients create them.
    DEMO_PATIENTS: String(TEST_DEMO_PATIENTS),
    // The ChatBot's background loops stay off: tests drain them explicitly (browser tests turn them on).
    WHATSAPP_WORKER: 'false',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...opts.env,
  });
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  const log = createLogger(config.logLevel, stream);
  const services = await createServices(config, log, { embeddedDir: 'memory://' });
  const app = await buildApp(services, { serveWeb: opts.serveWeb ?? false });
  await app.ready();
  if (opts.jobs && services.jobs) await services.jobs.start();
  return {
    app,
    services,
    get logs() {
      return lines.flatMap((l) => l.split('\n')).filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    logText: () => lines.join(''),
    close: async () => {
      await app.close();
      await closeServices(services);
      await scratch?.drop();
    },
  };
}

export interface LoggedIn {
  cookie: string;
  csrfToken: string;
  user: { id: string; username: string; roles: string[]; permissions: string[]; units: { id: string }[] };
}

/** Logs in through the API, as a browser would. */
export async function login(app: FastifyInstance, username: string, password = 'admin-demo'): Promise<LoggedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : setCookie!;
  const body = res.json() as { csrfToken: string; user: LoggedIn['user'] };
  return { cookie: raw.split(';')[0]!, csrfToken: body.csrfToken, user: body.user };
}

/** Headers for an authenticated request (cookie + CSRF token). */
export function authHeaders(s: LoggedIn): Record<string, string> {
  return { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
}
