import { describe, expect, it } from 'vitest';
import { STORY_APRIL, STORY_JUNE, storySupporters } from './demo-story.js';

describe('the demo story', () => {
  const worksites = Array.from({ length: 25 }, (_, i) => ({ id: `s${i}`, name: `School ${i}`, employerId: `e${i}` }));
  const educators = worksites.flatMap((w) => Array.from({ length: 30 }, (_, k) => ({ id: `${w.id}-p${k}`, worksiteId: w.id, givenName: 'A', familyName: 'B', personalEmail: '', leaves: false })));

  it('has 67 supporters at 7 schools in April and 146 at 21 schools in June', () => {
    const { supporters } = storySupporters({ worksites, educators });
    const by = (date: string) => supporters.filter((s) => s.since <= date);
    expect(by(STORY_APRIL)).toHaveLength(67);
    expect(new Set(by(STORY_APRIL).map((s) => s.worksiteId)).size).toBe(7);
    expect(by(STORY_JUNE)).toHaveLength(146);
    expect(new Set(by(STORY_JUNE).map((s) => s.worksiteId)).size).toBe(21);
  });

  it('is the same on every call', () => {
    expect(storySupporters({ worksites, educators })).toEqual(storySupporters({ worksites, educators }));
  });
});
