import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { bargainingUnits, campaigns, employers, employments, people, worksites } from '../db/schema/index.js';
import type { Progress } from '../support/progress.js';
import { createRandom, type Random } from './demo-random.js';
import { campaignName, cities, familyNames, givenNames, networkName, schoolNames, statement, teacherSubjects } from './demo-names.js';
import { createStoryCalendar, type StoryCalendar } from './story-calendar.js';
import { DEMO_SLUG } from '../vocabulary/demo.js';

export { DEMO_SLUG };
// The fictional network is in Los Angeles: the story's times are local there.
const DEMO_TIME_ZONE = 'America/Los_Angeles';

export type DemoContext = {
  db: Db;
  random: Random;
  /** When the demo is loaded, and the story's dates moved to end before it: every date goes through it. */
  calendar: StoryCalendar;
  campaignId: string;
  unitId: string;
  worksites: { id: string; name: string; employerId: string }[];
  /** Everyone in the unit, in a stable order; `leaves`: their job ends with the school year. */
  educators: { id: string; worksiteId: string; givenName: string; familyName: string; personalEmail: string; leaves: boolean }[];
};

/**
 * One step of the demo story. Each capability adds its own (cards, petition, endorsements, …) to
 * `demoSteps` so the demo grows with the product and is loaded by one loader, in order.
 */
export type DemoStep = { name: string; load: (context: DemoContext) => Promise<void> };

export const demoSteps: DemoStep[] = [];

type ProgressFactory = (label: string, total: number) => Progress;

// The roster as of the school year of the story (2014-15 in the seeds): about 800 certificated
// educators at 25 schools, each school its own employer as under California's EERA.
async function loadStructureAndRoster(db: Db, random: Random, calendar: StoryCalendar, progress: ProgressFactory): Promise<DemoContext> {
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(campaigns)
      .values({ slug: DEMO_SLUG, name: campaignName, statement, isDefault: true, jurisdiction: 'ca_perb', goalPercent: 65, timeZone: DEMO_TIME_ZONE })
      .returning();
    if (!campaign) throw new Error('could not create the demo campaign');
    const [unit] = await tx
      .insert(bargainingUnits)
      .values({ campaignId: campaign.id, name: 'Certificated', description: 'Teachers and counselors, all Meridian schools' })
      .returning();
    if (!unit) throw new Error('could not create the demo unit');

    const sites: DemoContext['worksites'] = [];
    for (const name of schoolNames) {
      const [employer] = await tx.insert(employers).values({ campaignId: campaign.id, name: `${networkName} — ${name}` }).returning();
      if (!employer) throw new Error('could not create an employer');
      const [site] = await tx.insert(worksites).values({ campaignId: campaign.id, employerId: employer.id, name, city: random.pick(cities) }).returning();
      if (!site) throw new Error('could not create a worksite');
      sites.push({ id: site.id, name: site.name, employerId: employer.id });
    }

    const bar = progress('Demo roster', sites.length);
    const educators: DemoContext['educators'] = [];
    const used = new Set<string>();
    let employeeNumber = 10000;
    for (const site of sites) {
      const size = random.int(24, 40);
      const rows: (typeof people.$inferInsert)[] = [];
      const jobs: { title: string; inUnit: boolean; start: string; end: string | null }[] = [];
      for (let i = 0; i < size + 3; i++) {
        let given: string;
        let family: string;
        do {
          given = random.pick(givenNames);
          family = random.pick(familyNames);
        } while (used.has(`${given} ${family}`));
        used.add(`${given} ${family}`);
        const inUnit = i < size;
        const title = !inUnit ? random.pick(['Office Manager', 'Assistant Principal', 'Campus Aide'] as const) : i % 12 === 0 ? 'Counselor' : `Teacher, ${random.pick(teacherSubjects)}`;
        // Most started before the story; some were hired mid-year; a few left at the end of June.
        const start = random.next() < 0.9 ? `20${String(random.int(8, 14)).padStart(2, '0')}-08-${String(random.int(10, 25)).padStart(2, '0')}` : '2015-01-05';
        const end = random.next() < 0.04 ? '2015-06-30' : null;
        jobs.push({ title, inUnit, start: calendar.date(start), end: end === null ? null : calendar.date(end) });
        const handle = `${given}.${family}`.toLowerCase();
        rows.push({
          campaignId: campaign.id,
          givenName: given,
          familyName: family,
          employeeId: String(employeeNumber++),
          workEmail: `${handle}@meridianschools.example`,
          personalEmail: `${handle}${random.int(1, 99)}@mail.example`,
          phone: `(323) 555-${String(random.int(100, 9999)).padStart(4, '0')}`,
        });
      }
      const inserted = await tx.insert(people).values(rows).returning({ id: people.id, givenName: people.givenName, familyName: people.familyName, personalEmail: people.personalEmail });
      await tx.insert(employments).values(
        inserted.map((p, i) => {
          const job = jobs[i];
          if (!job) throw new Error('job missing');
          return { personId: p.id, campaignId: campaign.id, worksiteId: site.id, unitId: job.inUnit ? unit.id : null, jobTitle: job.title, startDate: job.start, endDate: job.end };
        }),
      );
      inserted.forEach((p, i) => {
        const job = jobs[i];
        if (job?.inUnit) educators.push({ id: p.id, worksiteId: site.id, givenName: p.givenName, familyName: p.familyName, personalEmail: p.personalEmail ?? '', leaves: job.end !== null });
      });
      bar.tick();
    }
    bar.done();
    return { db, random, calendar, campaignId: campaign.id, unitId: unit.id, worksites: sites, educators };
  });
}

export async function hasDemo(db: Db): Promise<boolean> {
  const found = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, DEMO_SLUG));
  return found.length > 0;
}

export async function removeDemo(db: Db): Promise<void> {
  await db.delete(campaigns).where(eq(campaigns.slug, DEMO_SLUG));
}

export type LoadDemoOptions = {
  /**
   * The moment the demo is loaded: its story (spring 2015 in the seeds) is moved by whole years to
   * end before it, so the cards still count on that day. The CLI passes the clock; tests pin it.
   */
  now: Date;
};

export async function loadDemo(db: Db, progress: ProgressFactory, options: LoadDemoOptions): Promise<DemoContext> {
  // The seed does not depend on the date: the same people and the same story on every load.
  const random = createRandom(20150424);
  const calendar = createStoryCalendar(options.now, DEMO_TIME_ZONE);
  const context = await loadStructureAndRoster(db, random, calendar, progress);
  for (const step of demoSteps) await step.load(context);
  return context;
}
