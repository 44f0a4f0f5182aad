import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Raised when the environment is not valid; the message names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'debe ser true o false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'debe ser un número' })
    .int('debe ser un número entero')
    .min(0, 'debe estar entre 0 y 65535')
    .max(65535, 'debe estar entre 0 y 65535')
    .default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'debe empezar con postgres:// o postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'debe tener al menos 32 caracteres').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: boolFromEnv.default(true),
  DEMO_PATIENTS: z.coerce
    .number({ message: 'debe ser un número' })
    .int('debe ser un número entero')
    .min(0, 'debe estar entre 0 y 2000000')
    .max(2_000_000, 'debe estar entre 0 y 2000000')
    .default(4228),
  ADMIN_USERNAME: z.string().min(3).max(64).optional(),
  ADMIN_PASSWORD: z.string().min(10, 'debe tener al menos 10 caracteres').max(256).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  COOKIE_SECURE: boolFromEnv.default(false),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  JOBS: boolFromEnv.default(true),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  WEB_DIST_DIR: z.string().default('./dist/web'),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8, 'debe tener al menos 8 caracteres').optional(),
  WHATSAPP_APP_SECRET: z.string().min(16, 'debe tener al menos 16 caracteres').optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(10).optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d{5,20}$/, 'debe ser el identificador numérico del número de WhatsApp').default('100000000000001'),
  WHATSAPP_API_BASE: z.string().url('debe ser una URL').default('https://graph.facebook.com'),
  WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/, 'debe tener la forma v21.0').default('v21.0'),
  WHATSAPP_SEND_RATE: z.coerce.number().int().min(1).max(1000).default(80),
  WHATSAPP_SIMULATOR: boolFromEnv.optional(),
  WHATSAPP_WORKER: boolFromEnv.default(true),
  WHATSAPP_BUSINESS_NUMBER: z.string().default('525548363312'),
});

export type DatabaseMode = 'embedded' | 'postgres';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseMode: DatabaseMode;
  databasePoolSize: number;
  dataDir: string;
  sessionSecret: string;
  logLevel: string;
  demoData: boolean;
  /** Registry patients in the demo data set (0: units and accounts only). */
  demoPatients: number;
  admin: { username: string; password: string } | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  bodyLimitBytes: number;
  jobs: boolean;
  /** Login attempts per minute per client address. */
  loginRateLimit: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  webDistDir: string;
  version: string;
  whatsapp: WhatsAppConfig;
}

export interface WhatsAppConfig {
  verifyToken: string;
  /** Key of X-Hub-Signature-256. Without WHATSAPP_APP_SECRET, derived from the session secret (demo). */
  appSecret: string;
  /** Unset: the local outbox (nothing leaves the machine). */
  accessToken: string | undefined;
  phoneNumberId: string;
  apiBase: string;
  apiVersion: string;
  sendRate: number;
  simulator: boolean;
  worker: boolean;
  businessNumber: string;
}

/** Parses and validates the environment. Throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '?');
      return `  ${name}: ${i.message} (valor recibido: ${JSON.stringify(env[name] ?? '')})`;
    });
    throw new ConfigError(`Configuración inválida en variables de entorno:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.ADMIN_USERNAME === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(
      'Configuración inválida: ADMIN_USERNAME y ADMIN_PASSWORD deben definirse juntas.',
    );
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const sessionSecret = e.SESSION_SECRET ?? loadOrCreateSecret(dataDir);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseMode: e.DATABASE_URL ? 'postgres' : 'embedded',
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    sessionSecret,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA,
    demoPatients: e.DEMO_PATIENTS,
    admin: e.ADMIN_USERNAME && e.ADMIN_PASSWORD ? { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD } : undefined,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    jobs: e.JOBS,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    version: readVersion(),
    whatsapp: {
      verifyToken: e.WHATSAPP_VERIFY_TOKEN ?? 'oncoped-demo-verify',
      appSecret: e.WHATSAPP_APP_SECRET ?? createHmac('sha256', sessionSecret).update('whatsapp-app-secret').digest('hex'),
      accessToken: e.WHATSAPP_ACCESS_TOKEN,
      phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID,
      apiBase: e.WHATSAPP_API_BASE.replace(/\/+$/, ''),
      apiVersion: e.WHATSAPP_API_VERSION,
      sendRate: e.WHATSAPP_SEND_RATE,
      simulator: e.WHATSAPP_SIMULATOR ?? e.DEMO_DATA,
      worker: e.WHATSAPP_WORKER,
      businessNumber: e.WHATSAPP_BUSINESS_NUMBER,
    },
  };
}

/** The session secret is generated once and kept in the data folder (mode 0600). */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
