// The one place that reads process.env. Everything else receives a validated Config.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  // The master key of field encryption (decision 0025): base64url, 32 bytes, or a file holding it.
  // Unset: DATA_DIR/master-key, created on first start.
  DATA_KEY: z.string().min(43, 'must be 32 bytes in base64url').optional(),
  DATA_KEY_FILE: z.string().min(1).optional(),
  MAIL_REPLY_TO: z.email().optional(),
  DKIM_DOMAIN: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain name').optional(),
  DKIM_SELECTOR: z.string().regex(/^[a-z0-9._-]+$/i, 'must be a DKIM selector (letters, digits, dots, dashes)').optional(),
  DKIM_PRIVATE_KEY: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(10),
  CARD_FORM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(20),
  API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(120),
  PETITION_IP_HOLD_PER_HOUR: z.coerce.number().int().min(1).max(10_000_000).default(20),
  PETITION_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(60),
  PETITION_EMAIL_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(10_000_000).default(5),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(1000).default(20),
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(86_400_000).default(30_000),
  REQUEST_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  ERROR_LOG_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  /**
   * 'default' when neither PUBLIC_URL nor PORT said where the server is: a CLI command then
   * prints links to the address the running server wrote in DATA_DIR (runningServerUrl), not
   * to port 3000.
   */
  publicUrlSource: 'env' | 'default';
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where replies go when a campaign has set none (card receipts invite replies). */
  mailReplyTo: string | undefined;
  /** DKIM signing of every message, when a domain, selector and private key are all set. */
  dkim: { domainName: string; keySelector: string; privateKey: string } | undefined;
  sessionSecret: string;
  /** Where the master key of field encryption comes from (decision 0025). */
  masterKey: MasterKeySource;
  logLevel: (typeof logLevels)[number];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  /** Sign-in, password reset and one-time link attempts per IP per minute. */
  loginRateLimitPerMinute: number;
  /** Card form submissions per IP per minute (a card drive in a staff room shares one address). */
  cardFormRateLimitPerMinute: number;
  /** Requests per minute per API key on the OSDI API (rate-limit headers on keyed calls only). */
  apiKeyRateLimitPerMinute: number;
  /** Petition signatures from one IP per hour beyond which new ones are held for review (a school shares one IP). */
  petitionIpHoldPerHour: number;
  /** Petition signatures from one IP per minute beyond which requests are refused (429): a flood, not people. */
  petitionIpLimitPerMinute: number;
  /** Petition emails to one address per hour: beyond it, no more mail (we are never a mail bomb). */
  petitionEmailLimitPerHour: number;
  /** Connections each app process keeps to PostgreSQL at most. */
  databasePoolSize: number;
  /** How long a request waits for a database connection (a free one, or a new one) before it gets a 503. */
  databasePoolTimeoutMs: number;
  /** PostgreSQL cancels any statement running longer (statement_timeout); the request gets a 503. */
  databaseStatementTimeoutMs: number;
  /** A client must send a request's headers within this (slow-header clients are cut off). */
  requestHeadersTimeoutMs: number;
  /** A client must send a whole request, headers and body, within this (slow-body clients are cut off). */
  requestTimeoutMs: number;
  /** On SIGTERM, requests in flight get this long to finish before the process stops anyway. */
  shutdownTimeoutMs: number;
  /** The same error repeated is logged once per this interval, with the number of times it happened. */
  errorLogIntervalSeconds: number;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
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
// kept in a 0600 file beside the data. Every process on one data folder shares the embedded
// server and so this file; two first starts at once both read the one that was written first
// (exclusive create). With DATABASE_URL the secret must be configured instead: decision 0022.
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Written whole under a private name, then linked into place: link() fails if the file exists,
  // so a reader never sees half a secret and the first process to link wins.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(draft, { force: true });
  }
  return readFileSync(file, 'utf8').trim();
}

// DKIM takes three settings; a partial set is a mistake to report, not to ignore (unsigned bulk
// mail is refused by the large mailbox providers). The key comes inline (PEM, `\n` escapes
// allowed, for environments that hold one line) or from a file.
function loadDkim(e: z.infer<typeof envSchema>): Config['dkim'] {
  const given = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY ?? e.DKIM_PRIVATE_KEY_FILE];
  if (given.every((v) => v === undefined)) return undefined;
  if (given.some((v) => v === undefined)) throw new ConfigError(['DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE): set all three to sign mail, or none']);
  let privateKey: string;
  try {
    privateKey = e.DKIM_PRIVATE_KEY !== undefined ? e.DKIM_PRIVATE_KEY.replace(/\\n/g, '\n') : readFileSync(e.DKIM_PRIVATE_KEY_FILE ?? '', 'utf8');
  } catch (err) {
    throw new ConfigError([`DKIM_PRIVATE_KEY_FILE: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey)) throw new ConfigError(['DKIM_PRIVATE_KEY: must be a PEM private key (-----BEGIN PRIVATE KEY-----)']);
  return { domainName: e.DKIM_DOMAIN ?? '', keySelector: e.DKIM_SELECTOR ?? '', privateKey };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // Empty strings in the environment mean "unset", as most shells and .env files intend.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = result.data;
  if (e.DATABASE_URL && !e.SESSION_SECRET && overrides.sessionSecret === undefined) {
    // Processes that share a database must sign cookies and tokens alike, and the secret must not
    // live in the database (a leaked backup would then unmask the pseudonyms it keys): decision 0022.
    throw new ConfigError(['SESSION_SECRET: is required when DATABASE_URL is set (the same value for every app process on that database)']);
  }
  const dkim = loadDkim(e);
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
    publicUrlSource: e.PUBLIC_URL !== undefined || cleaned.PORT !== undefined || overrides.port !== undefined ? 'env' : 'default',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailReplyTo: e.MAIL_REPLY_TO,
    dkim,
    sessionSecret: overrides.sessionSecret ?? e.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    masterKey: e.DATA_KEY ? { key: e.DATA_KEY } : e.DATA_KEY_FILE ? { file: path.resolve(e.DATA_KEY_FILE) } : { dataDir },
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    trustProxy: e.TRUST_PROXY,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    cardFormRateLimitPerMinute: e.CARD_FORM_RATE_LIMIT_PER_MINUTE,
    apiKeyRateLimitPerMinute: e.API_KEY_RATE_LIMIT_PER_MINUTE,
    petitionIpHoldPerHour: e.PETITION_IP_HOLD_PER_HOUR,
    petitionIpLimitPerMinute: e.PETITION_IP_LIMIT_PER_MINUTE,
    petitionEmailLimitPerHour: e.PETITION_EMAIL_LIMIT_PER_HOUR,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePoolTimeoutMs: e.DATABASE_POOL_TIMEOUT_MS,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    requestHeadersTimeoutMs: e.REQUEST_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    errorLogIntervalSeconds: e.ERROR_LOG_INTERVAL_SECONDS,
    metricsToken: e.METRICS_TOKEN,
    version: readVersion(),
    ...overrides,
  };
}

/** Where the running server listens, as it wrote it at start (DATA_DIR/server-url). */
export function serverUrlFile(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'server-url');
}

/**
 * The address for links a CLI command prints: PUBLIC_URL or PORT when given; otherwise the one the
 * server on this data folder wrote when it started (it may run on another port than 3000).
 */
export function linkBaseUrl(config: Pick<Config, 'dataDir' | 'publicUrl' | 'publicUrlSource'>): string {
  if (config.publicUrlSource === 'env') return config.publicUrl;
  try {
    const written = readFileSync(serverUrlFile(config), 'utf8').trim();
    return /^https?:\/\/\S+$/u.test(written) ? written.replace(/\/$/, '') : config.publicUrl;
  } catch {
    return config.publicUrl;
  }
}
