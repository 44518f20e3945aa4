import { describe, expect, it } from 'vitest';
import { apiResources, keyAllows, type ApiResource } from './api-key-policy.js';

describe('keyAllows', () => {
  const resources = Object.keys(apiResources) as ApiResource[];
  it('gives the default read key the public side only', () => {
    expect(resources.filter((r) => keyAllows(['read'], r))).toEqual(['petitions', 'signatures', 'people', 'tags', 'attendances', 'messages']);
  });
  it('needs the write scope to record as a vouching source', () => {
    expect(keyAllows(['read'], 'record_signature')).toBe(false);
    expect(keyAllows(['read', 'write'], 'record_signature')).toBe(true);
    for (const r of ['person_signup', 'tagging', 'record_attendance'] as const) {
      expect(keyAllows(['read'], r)).toBe(false);
      expect(keyAllows(['write'], r)).toBe(true);
    }
  });
  it('opens organizing data only to the explicit organizing scope', () => {
    expect(keyAllows(['read', 'write'], 'organizing')).toBe(false);
    expect(keyAllows(['organizing'], 'organizing')).toBe(true);
    expect(keyAllows(['organizing'], 'people')).toBe(false);
  });
  it('has no resource for card signers', () => {
    expect(resources.some((r) => /card/.test(r))).toBe(false);
  });
});
