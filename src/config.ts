// The one place that reads process.env. Everything else receives a validated Config.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { MasterKeySource } from './crypto/master-key.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Unionhall <no-reply@unionhall.invalid>'),
  // The master key of field encryption (decision 0022): base64url, 32 bytes, or a file holding it.
  // Unset: DATA_DIR/master-key, created on first start.
  DATA_KEY: z.string().min(43, 'must be 32 bytes in base64url').optional(),
  DATA_KEY_FILE: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(10),
  CARD_FORM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(20),
  PETITION_IP_HOLD_PER_HOUR: z.coerce.number().int().min(1).max(10_000_000).default(20),
  PETITION_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(60),
  PETITION_EMAIL_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(10_000_000).default(5),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string;
  /** Where the master key of field encryption comes from (decision 0022). */
  masterKey: MasterKeySource;
  logLevel: (typeof logLevels)[number];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  /** Sign-in, password reset and one-time link attempts per IP per minute. */
  loginRateLimitPerMinute: number;
  /** Card form submissions per IP per minute (a card drive in a staff room shares one address). */
  cardFormRateLimitPerMinute: number;
  /** Petition signatures from one IP per hour beyond which new ones are held for review (a school shares one IP). */
  petitionIpHoldPerHour: number;
  /** Petition signatures from one IP per minute beyond which requests are refused (429): a flood, not people. */
  petitionIpLimitPerMinute: number;
  /** Petition emails to one address per hour: beyond it, no more mail (we are never a mail bomb). */
  petitionEmailLimitPerHour: number;
  version: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Unionhall cannot start; the configuration has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readVersion(): string {
  const pkgPath = path.resolve(import.meta.dirname, '..', 'package.json');
  const parsed = z.object({ version: z.string() }).safeParse(JSON.parse(readFileSync(pkgPath, 'utf8')));
  return parsed.success ? parsed.data.version : '0.0.0';
}

// A session secret that survives restarts without the user having to set one: generated once,
// kept in a 0600 file beside the data.
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // Empty strings in the environment mean "unset", as most shells and .env files intend.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = result.data;
  const dataDir = path.resolve(overrides.dataDir ?? e.DATA_DIR);
  const port = overrides.port ?? e.PORT;
  const host = overrides.host ?? e.HOST;
  const shownHost = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
  return {
    port,
    host,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://${shownHost}:${port}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionSecret: e.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    masterKey: e.DATA_KEY ? { key: e.DATA_KEY } : e.DATA_KEY_FILE ? { file: path.resolve(e.DATA_KEY_FILE) } : { dataDir },
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    trustProxy: e.TRUST_PROXY,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    cardFormRateLimitPerMinute: e.CARD_FORM_RATE_LIMIT_PER_MINUTE,
    petitionIpHoldPerHour: e.PETITION_IP_HOLD_PER_HOUR,
    petitionIpLimitPerMinute: e.PETITION_IP_LIMIT_PER_MINUTE,
    petitionEmailLimitPerHour: e.PETITION_EMAIL_LIMIT_PER_HOUR,
    version: readVersion(),
    ...overrides,
  };
}
