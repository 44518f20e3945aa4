import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { RosterDecoder } from './roster-encoding.js';

async function decode(chunks: Buffer[]): Promise<{ text: string; encoding: string }> {
  const decoder = new RosterDecoder();
  const out = await text(Readable.from(chunks).pipe(decoder));
  return { text: out, encoding: decoder.encoding };
}

describe('RosterDecoder', () => {
  it('passes UTF-8 through, even with a character cut between two chunks', async () => {
    const bytes = Buffer.from('Name\nJosé Peña\n', 'utf8');
    const cut = bytes.indexOf(0xc3) + 1;
    expect(await decode([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual({ text: 'Name\nJosé Peña\n', encoding: 'utf-8' });
  });

  it('reads a Windows-1252 file (Excel on Windows) as such', async () => {
    const bytes = Buffer.from([...Buffer.from('Name\nJos'), 0xe9, ...Buffer.from(' Pe'), 0xf1, ...Buffer.from('a, '), 0x93, ...Buffer.from('Ms'), 0x94, 0x0a]);
    expect(await decode([bytes])).toEqual({ text: 'Name\nJosé Peña, “Ms”\n', encoding: 'windows-1252' });
    // Ending on a byte that looks like the start of a UTF-8 sequence.
    expect(await decode([Buffer.from([0x41, 0xe9])])).toEqual({ text: 'Aé', encoding: 'windows-1252' });
  });

  it('refuses a file that mixes UTF-8 and Windows-1252, or already lost characters', async () => {
    await expect(decode([Buffer.from('Peña\n', 'utf8'), Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x0a])])).rejects.toThrow(/could not be read/);
    await expect(decode([Buffer.from('Jos\uFFFD\n', 'utf8')])).rejects.toThrow(/could not be read/);
  });
});
