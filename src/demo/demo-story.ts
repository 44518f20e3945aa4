import { addDays } from '../domain/calendar.js';
import type { DemoContext } from './load-demo.js';
import { createRandom } from './demo-random.js';

// The seeds' story in numbers: by 24 April 2015, 67 educators at 7 schools supported the union;
// by early June, 146 at 21 schools. Which fictional educators those are is decided here, once, with
// its own seeded generator (it does not draw from the loader's), so every demo step that tells part
// of the story (assessments, cards, the dashboard's growth chart) agrees on the same people.
export const STORY_APRIL = '2015-04-24';
export const STORY_JUNE = '2015-06-05';

export type StorySupporter = { educatorId: string; worksiteId: string; since: string; leader: boolean };


export function storySupporters(context: Pick<DemoContext, 'worksites' | 'educators'>): { supporters: StorySupporter[]; aprilSchools: string[]; juneSchools: string[] } {
  const random = createRandom(146_021);
  const shuffle = <T,>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  const schools = shuffle(context.worksites.map((w) => w.id));
  const aprilSchools = schools.slice(0, 7);
  const juneSchools = schools.slice(0, 21);
  // April: 67 across 7 schools (10,10,10,10,9,9,9). June adds 3 at each of those and 58 at the 14
  // new schools (5,5, then 4s): 146 in all.
  const aprilCounts = [10, 10, 10, 10, 9, 9, 9];
  const juneExtra = juneSchools.map((_, i) => (i < 7 ? 3 : i < 9 ? 5 : 4));
  const supporters: StorySupporter[] = [];
  juneSchools.forEach((schoolId, i) => {
    const staff = shuffle(context.educators.filter((e) => e.worksiteId === schoolId));
    const early = aprilCounts[i] ?? 0;
    const total = early + (juneExtra[i] ?? 0);
    staff.slice(0, total).forEach((educator, k) => {
      const since = k < early ? addDays('2015-02-16', random.int(0, 67)) : addDays('2015-04-27', random.int(0, 39));
      supporters.push({ educatorId: educator.id, worksiteId: schoolId, since, leader: k === 0 });
    });
  });
  return { supporters, aprilSchools, juneSchools };
}
