import { describe, expect, it } from 'vitest';
import { toJsonParam } from './signature-writer.js';

describe('toJsonParam', () => {
  it('keeps ordinary text, pairs and escaped backslashes as JSON.stringify writes them', () => {
    const values = ['Ana María', 'emoji 😀', 'a \\ud800 typed as text', 'quote " and \\ backslash'];
    const json = toJsonParam(values);
    expect(json).toBe(JSON.stringify(values));
    expect(JSON.parse(json)).toEqual(values);
  });

  it('turns a lone surrogate into U+FFFD, as a UTF-8 text parameter would', () => {
    const values = ['x\ud800y', '\\\udc00', 'end\udbff'];
    expect(JSON.parse(toJsonParam(values))).toEqual(values.map((v) => Buffer.from(v).toString()));
    expect(toJsonParam(values)).not.toMatch(/\\ud[89a-f]/);
  });
});
