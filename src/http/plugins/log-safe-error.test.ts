import { describe, expect, it } from 'vitest';
import { serializeErrorForLog } from './log-safe-error.js';

describe('serializeErrorForLog', () => {
  it('drops query parameters and PostgreSQL detail values', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "accounts_email_key"'), {
      code: '23505',
      detail: 'Key (lower(email))=(jane@example.org) already exists.',
    });
    const err = Object.assign(new Error('Failed query: insert into "accounts" ("email") values ($1)\nparams: jane@example.org'), { cause });
    const out = JSON.stringify(serializeErrorForLog(err));
    expect(out).not.toContain('jane@example.org');
    expect(out).toContain('Failed query: insert into');
    expect(out).toContain('23505');
  });
  it('copes with things that are not errors', () => {
    expect(serializeErrorForLog('boom')).toMatchObject({ message: 'non-error thrown' });
  });
});
