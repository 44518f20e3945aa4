import { describe, expect, it } from 'vitest';
import { stringify } from './csv.js';

describe('stringify (every CSV the product writes)', () => {
  it('defuses each text cell a spreadsheet would run as a formula, and leaves the rest alone', () => {
    const rows = [{ a: '=HYPERLINK("http://evil.example","x")', b: '+1 555', c: '-2', d: '@SUM(A1)', e: '\tx', f: '\rx', g: 'Ana Soto', h: 42, i: null }];
    const csv = stringify(rows, { header: true, columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] });
    const [, line] = csv.split('\n');
    expect(line).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")",'+1 555,'-2,'@SUM(A1),'\tx,"'\rx",Ana Soto,42,`);
  });

  it('does not defuse twice', () => {
    expect(stringify([["'=1"]])).toBe("'=1\n");
  });
});
