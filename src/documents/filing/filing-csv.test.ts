import { describe, expect, it } from 'vitest';
import { card, employment, id, input } from '../../../test/support/filing-fixtures.js';
import { buildFilingPacket } from '../../domain/filing/filing-packet.js';
import { summaryCsv } from './filing-csv.js';
import { declarationFor } from './filing-declaration.js';

describe('the service copy’s words', () => {
  it('state counts and dates, never a name, and not the campaign’s goal', () => {
    const p = id();
    const packet = buildFilingPacket(input([employment(p)], [card(p, '2015-05-01', { signerName: 'Zelda Quintanilla' })]));
    const csv = summaryCsv(packet, new Date('2015-06-16T00:00:00Z'), 'service');
    const words = `${csv}\n${declarationFor(packet, 'service').paragraphs.map((x) => x.text).join('\n')}`;
    expect(words).toContain('2015-06-15');
    expect(words).toMatch(/valid_cards,1/);
    expect(words).not.toMatch(/Zelda|Quintanilla|Given|Family|signer@mail\.example|555-0100/);
    expect(csv).not.toMatch(/goal/);
    expect(summaryCsv(packet, new Date(), 'board')).toMatch(/goal_65_needed,1/);
  });
});
