import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabels } from '../web/src/lib/audit-actions.js';
import { codeAsWords, describeMailKind, mailKindLabels } from '../src/vocabulary/mail-kinds.js';

// The outbox and the audit log show words, never codes: every audit action the server writes and
// every kind of mail it records has a label.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const source = sourceFiles(path.resolve(import.meta.dirname, '..', 'src')).map((file) => readFileSync(file, 'utf8'));

describe('labels for codes', () => {
  it('every audit action written anywhere in src has words in the audit log', () => {
    const actions = new Set(source.flatMap((text) => [...text.matchAll(/audit(?:Request)?\([^;]*?'([a-z_]+\.[a-z_.]+)'/gsu)].map((m) => m[1]!)));
    expect(actions.size).toBeGreaterThan(50);
    expect([...actions].filter((a) => !(a in auditActionLabels))).toEqual([]);
  });

  it('every kind of mail recorded has words in the outbox', () => {
    const kinds = new Set(source.flatMap((text) => [...text.matchAll(/kind: '([a-z_]+)',\s*campaignId/gu)].map((m) => m[1]!)));
    expect(kinds.size).toBeGreaterThan(4);
    expect([...kinds].filter((k) => !(k in mailKindLabels))).toEqual([]);
    expect(describeMailKind('petition_confirmation')).toBe('Petition signature confirmation');
    expect(codeAsWords('some.new_code')).toBe('Some new code');
  });
});
