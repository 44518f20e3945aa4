import { describe, expect, it } from 'vitest';
import { apiResources, keyAllows, type ApiResource } from './api-key-policy.js';

describe('keyAllows', () => {
  const resources = Object.keys(apiResources) as ApiResource[];
  it('gives the default read key the public side only', () => {
    expect(resources.filter((r) => keyAllows(['read'], r))).toEqual(['petitions', 'signatures', 'attendances', 'messages']);
  });
  it('needs the write scope to record as a vouching source', () => {
    expect(keyAllows(['read'], 'record_signature')).toBe(false);
    expect(keyAllows(['read', 'write'], 'record_signature')).toBe(true);
    expect(keyAllows(['read'], 'record_attendance')).toBe(false);
    expect(keyAllows(['write'], 'record_attendance')).toBe(true);
  });
  it('opens organizing data only to the explicit organizing scope', () => {
    expect(keyAllows(['read', 'write'], 'organizing')).toBe(false);
    expect(keyAllows(['organizing'], 'organizing')).toBe(true);
  });
  it('has no resource for card signers', () => {
    expect(resources.some((r) => /card/.test(r))).toBe(false);
  });
});
