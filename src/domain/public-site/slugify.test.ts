import { describe, expect, it } from 'vitest';
import { slugify, slugPattern } from './slugify.js';

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('Alliance Admits Anti-Union Campaign in Memo')).toBe('alliance-admits-anti-union-campaign-in-memo');
    expect(slugify('¡Celebración del año escolar 2014–2015!')).toBe('celebracion-del-ano-escolar-2014-2015');
    expect(slugify('???')).toBe('item');
    expect(slugify('a'.repeat(100), 10)).toHaveLength(10);
    expect(slugPattern.test(slugify('  Many   spaces -- here  '))).toBe(true);
  });
});
