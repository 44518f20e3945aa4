import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'uh-mail-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { DATA_DIR: dir, SESSION_SECRET: 's'.repeat(40) };
const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('mail settings', () => {
  it('signs nothing without DKIM settings, and has no Reply-To by default', () => {
    const config = loadConfig(base);
    expect(config.dkim).toBeUndefined();
    expect(config.mailReplyTo).toBeUndefined();
  });

  it('takes the DKIM key inline (one line with \\n escapes) or from a file', () => {
    const inline = loadConfig({ ...base, DKIM_DOMAIN: 'union.example.org', DKIM_SELECTOR: 'uh2026', DKIM_PRIVATE_KEY: pem.replace(/\n/g, '\\n') });
    expect(inline.dkim).toEqual({ domainName: 'union.example.org', keySelector: 'uh2026', privateKey: pem });
    const file = path.join(dir, 'dkim.pem');
    writeFileSync(file, pem);
    expect(loadConfig({ ...base, DKIM_DOMAIN: 'union.example.org', DKIM_SELECTOR: 'uh2026', DKIM_PRIVATE_KEY_FILE: file }).dkim?.privateKey).toBe(pem);
    expect(loadConfig({ ...base, MAIL_REPLY_TO: 'organizers@union.example.org' }).mailReplyTo).toBe('organizers@union.example.org');
  });

  it('refuses a partial DKIM set, a key that is not PEM, a missing file and a bad Reply-To, by name', () => {
    expect(problemsOf({ ...base, DKIM_DOMAIN: 'union.example.org' })[0]).toMatch(/^DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY/);
    expect(problemsOf({ ...base, DKIM_DOMAIN: 'union.example.org', DKIM_SELECTOR: 'uh2026', DKIM_PRIVATE_KEY: 'not a key' })[0]).toMatch(/^DKIM_PRIVATE_KEY: must be a PEM private key/);
    expect(problemsOf({ ...base, DKIM_DOMAIN: 'union.example.org', DKIM_SELECTOR: 'uh2026', DKIM_PRIVATE_KEY_FILE: path.join(dir, 'missing.pem') })[0]).toMatch(/^DKIM_PRIVATE_KEY_FILE: cannot be read \(ENOENT\)/);
    expect(problemsOf({ ...base, MAIL_REPLY_TO: 'not an address' })[0]).toMatch(/^MAIL_REPLY_TO:/);
    expect(problemsOf({ ...base, DKIM_DOMAIN: 'not a domain', DKIM_SELECTOR: 'uh2026', DKIM_PRIVATE_KEY: pem })[0]).toMatch(/^DKIM_DOMAIN: must be a domain name/);
  });
});
