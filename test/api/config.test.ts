import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, linkBaseUrl, loadConfig, serverUrlFile } from '../../src/config.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const secret = 's'.repeat(40);
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'uh-config-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('config defaults', () => {
  it('starts on port 3000, loopback, ./data, info logs, and a local public URL', () => {
    const config = loadConfig({ SESSION_SECRET: secret });
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('data'),
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      publicUrlSource: 'default',
      smtpUrl: undefined,
      mailFrom: 'Unionhall <no-reply@unionhall.invalid>',
      mailReplyTo: undefined,
      dkim: undefined,
      sessionSecret: secret,
      masterKey: { dataDir: path.resolve('data') },
      logLevel: 'info',
      sessionIdleMinutes: 120,
      sessionAbsoluteHours: 12,
      trustProxy: false,
      loginRateLimitPerMinute: 10,
      cardFormRateLimitPerMinute: 20,
      petitionIpHoldPerHour: 20,
      petitionIpLimitPerMinute: 60,
      petitionEmailLimitPerHour: 5,
      databasePoolSize: 20,
      databasePoolTimeoutMs: 5000,
      databaseStatementTimeoutMs: 30_000,
      requestHeadersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      shutdownTimeoutMs: 10_000,
      errorLogIntervalSeconds: 30,
      metricsToken: undefined,
      apiKeyRateLimitPerMinute: 120,
      version,
    });
  });

  it('prints CLI links to where the running server said it is, unless PUBLIC_URL or PORT says otherwise', () => {
    const dataDir = tempDir();
    const bare = loadConfig({ SESSION_SECRET: secret, DATA_DIR: dataDir });
    expect(linkBaseUrl(bare)).toBe('http://localhost:3000');
    writeFileSync(serverUrlFile(bare), 'http://localhost:8123\n');
    expect(linkBaseUrl(bare)).toBe('http://localhost:8123');
    expect(linkBaseUrl(loadConfig({ SESSION_SECRET: secret, DATA_DIR: dataDir, PORT: '4000' }))).toBe('http://localhost:4000');
    expect(linkBaseUrl(loadConfig({ SESSION_SECRET: secret, DATA_DIR: dataDir, PUBLIC_URL: 'https://union.example/' }))).toBe('https://union.example');
  });

  it('reads every variable', () => {
    const dataDir = tempDir();
    const config = loadConfig({
      PORT: '3999',
      HOST: '0.0.0.0',
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgresql://u:p@db.example:5432/uh',
      SMTP_URL: 'smtps://mail.example:465',
      MAIL_FROM: 'Union <union@example.org>',
      SESSION_SECRET: secret,
      LOG_LEVEL: 'warn',
      SESSION_IDLE_MINUTES: '30',
      SESSION_ABSOLUTE_HOURS: '8',
      LOGIN_RATE_LIMIT_PER_MINUTE: '5',
      CARD_FORM_RATE_LIMIT_PER_MINUTE: '7',
      PETITION_IP_HOLD_PER_HOUR: '7',
      PETITION_IP_LIMIT_PER_MINUTE: '9',
      PETITION_EMAIL_LIMIT_PER_HOUR: '3',
      TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      port: 3999,
      host: '0.0.0.0',
      dataDir,
      databaseUrl: 'postgresql://u:p@db.example:5432/uh',
      // A wildcard bind address is not somewhere a browser can go; links point at localhost.
      publicUrl: 'http://localhost:3999',
      publicUrlSource: 'env',
      smtpUrl: 'smtps://mail.example:465',
      mailFrom: 'Union <union@example.org>',
      logLevel: 'warn',
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 8,
      loginRateLimitPerMinute: 5,
      cardFormRateLimitPerMinute: 7,
      petitionIpHoldPerHour: 7,
      petitionIpLimitPerMinute: 9,
      petitionEmailLimitPerHour: 3,
      trustProxy: true,
    });
  });

  it('takes PUBLIC_URL as given, without a trailing slash', () => {
    expect(loadConfig({ SESSION_SECRET: secret, PUBLIC_URL: 'https://union.example.org/' }).publicUrl).toBe('https://union.example.org');
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ SESSION_SECRET: secret, PORT: '', SMTP_URL: '', DATABASE_URL: '' });
    expect(config.port).toBe(3000);
    expect(config.smtpUrl).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
  });
});

describe('bad configuration', () => {
  it('lists every problem, each naming its variable, in one readable message', () => {
    const env = {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/uh',
      PUBLIC_URL: 'not a url',
      SMTP_URL: 'http://mail.example',
      SESSION_SECRET: 'short',
      LOG_LEVEL: 'loud',
      TRUST_PROXY: 'yes',
      SESSION_IDLE_MINUTES: '0',
    };
    let error: ConfigError | undefined;
    try {
      loadConfig(env);
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toHaveLength(Object.keys(env).length);
    for (const name of Object.keys(env)) expect(error!.problems.some((p) => p.startsWith(`${name}: `)), name).toBe(true);
    expect(error!.problems.find((p) => p.startsWith('DATABASE_URL'))).toContain('postgres://');
    expect(error!.problems.find((p) => p.startsWith('SESSION_SECRET'))).toContain('at least 32 characters');
    const lines = error!.message.split('\n');
    expect(lines[0]).toMatch(/cannot start/);
    expect(lines.slice(1)).toEqual(error!.problems.map((p) => `  - ${p}`));
    // The message never echoes a value back (a secret may be among them).
    expect(error!.message).not.toContain('short');
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '3000.5'],
    ['LOGIN_RATE_LIMIT_PER_MINUTE', '0'],
    ['SESSION_ABSOLUTE_HOURS', 'twelve'],
  ])('refuses %s=%s', (name, value) => {
    const problems = problemsOf({ SESSION_SECRET: secret, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });
});

describe('session secret', () => {
  it('is generated once, kept in a 0600 file in DATA_DIR, and reused on the next start', () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = path.join(dataDir, 'session-secret');
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8')).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o077).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(first.sessionSecret);
  });

  it('is different for every new data folder', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).sessionSecret).not.toBe(loadConfig({ DATA_DIR: tempDir() }).sessionSecret);
  });

  it('comes from SESSION_SECRET when set, and then no file is written', () => {
    const dataDir = tempDir();
    expect(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: secret }).sessionSecret).toBe(secret);
    expect(() => statSync(path.join(dataDir, 'session-secret'))).toThrow();
  });
});
