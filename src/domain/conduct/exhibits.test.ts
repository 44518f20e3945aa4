import { describe, expect, it } from 'vitest';
import { formatCitation, formatPages, numberExhibits } from './exhibits.js';

describe('numberExhibits', () => {
  it('numbers attachments in order of first appearance, once each', () => {
    const numbers = numberExhibits([
      { attachments: [{ id: 'memo' }], quotes: [{ attachmentId: 'memo' }, { attachmentId: null }] },
      { attachments: [{ id: 'photo' }, { id: 'memo' }], quotes: [] },
      { attachments: [], quotes: [{ attachmentId: 'email' }] },
    ]);
    expect([...numbers]).toEqual([
      ['memo', 1],
      ['photo', 2],
      ['email', 3],
    ]);
  });

  it('gives nothing for a chronology without files', () => {
    expect(numberExhibits([{ attachments: [], quotes: [{ attachmentId: null }] }]).size).toBe(0);
  });
});

describe('citations', () => {
  it('formats single pages and ranges', () => {
    expect(formatPages(9, null)).toBe('page 9');
    expect(formatPages(9, 9)).toBe('page 9');
    expect(formatPages(6, 7)).toBe('pages 6–7');
    expect(formatPages(null, null)).toBe('');
  });

  it('names the exhibit when there is one', () => {
    expect(formatCitation(3, 6, 7)).toBe('Exhibit 3, pages 6–7');
    expect(formatCitation(1, null, null)).toBe('Exhibit 1');
    expect(formatCitation(undefined, 2, null)).toBe('page 2');
  });
});
