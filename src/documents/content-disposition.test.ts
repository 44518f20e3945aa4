import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { formatContentDisposition } from './content-disposition.js';

describe('formatContentDisposition', () => {
  it('gives a plain name as is, as an attachment unless asked inline', () => {
    expect(formatContentDisposition('meridian-roster-2015-06-20.csv')).toBe('attachment; filename=meridian-roster-2015-06-20.csv');
    expect(formatContentDisposition('memo to principals.pdf', 'inline')).toBe('inline; filename="memo to principals.pdf"');
  });

  it('escapes quotes and semicolons, so the name cannot end the header early', () => {
    const header = formatContentDisposition('a"b; filename=evil.exe');
    expect(parse(header)).toEqual({ type: 'attachment', parameters: { filename: 'a"b; filename=evil.exe' } });
  });

  it('keeps any script exactly in filename*, with an ASCII stand-in for old clients', () => {
    const header = formatContentDisposition('Nguyễn notes — 김민준.pdf');
    expect(header).toContain('filename="Nguy_n notes _ ___.pdf"');
    expect(header).toContain("filename*=UTF-8''");
    expect(parse(header).parameters.filename).toBe('Nguyễn notes — 김민준.pdf');
  });
});
