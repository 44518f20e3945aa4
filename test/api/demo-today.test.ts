import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStory } from '../../src/demo/cards-demo-step.js';
import { DEMO_ROSTER_EFFECTIVE } from '../../src/demo/demo-roster-csv.js';
import '../../src/demo/demo-steps.js';
import { loadDemo, type DemoContext } from '../../src/demo/load-demo.js';
import type { MajorityPage as Majority } from '../../src/contracts/majority.js';
import { addMember, createAccount, TEST_PASSWORD } from '../support/factories.js';
import { pdfText } from '../support/pdf-text.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// The demo as a new user meets it: loaded on 2026-11-22 (the app's clock), its 2015 story moved to
// spring 2026, so today's numbers are the story's June numbers, not zero.

let t: TestApp;
let demo: DemoContext;
let agent: Agent;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-22T20:00:00Z');
  demo = await loadDemo(t.database.db, () => ({ tick: () => undefined, done: () => undefined }), { now: t.clock.now });
  const account = await createAccount(t.database.db);
  await addMember(t.database.db, account.id, demo.campaignId, 'admin');
  agent = t.agent();
  await agent.login(account.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const rows = async <T,>(query: ReturnType<typeof sql>): Promise<T[]> => (await t.database.db.execute(query)).rows as T[];

describe('the demo loaded today', () => {
  it('tells its story in the spring before the load date, 11 years after the seeds', () => {
    expect(demo.calendar).toMatchObject({ today: '2026-11-22', year: 2026, offsetYears: 11 });
    expect(demoStory(demo.calendar)).toEqual({ april: { asOf: '2026-04-24', supporters: 67, schools: 7 }, june: { asOf: '2026-06-15', supporters: 146, schools: 21 } });
  });

  it('counts the June supporters today, on the dashboard and the public home page', async () => {
    const today = (await agent.get('/api/campaigns/meridian/majority')).json() as Majority;
    expect(today.asOf).toBe('2026-11-22');
    expect(today.units[0]!.validCards).toBe(146);
    expect(today.worksites.filter((w) => (w.validCards ?? 0) > 0)).toHaveLength(21);
    const april = (await agent.get(`/api/campaigns/meridian/majority?asOf=${demoStory(demo.calendar).april.asOf}`)).json() as Majority;
    expect(april.units[0]!.validCards).toBe(67);

    const home = await t.agent().get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toMatch(/>146<[^]*educators support our union/);
    expect(home.body).toContain('Community meeting: our schools, our voice');
  });

  it('dates the newsletters, press and press conference like the seeds, in 2026', async () => {
    const news = await t.agent().get('/news');
    expect(news.body).toContain('April 24, 2026');
    expect(news.body).toContain('June 19, 2026');
    expect(news.body).toContain('Celebrating 2025–2026 and Getting Ready for 2026–2027');
    expect(news.body).not.toContain('2015');
    expect((await t.agent().get('/news/celebrating-2025-2026-and-getting-ready-for-2026-2027')).statusCode).toBe(200);
    const release = await t.agent().get('/press');
    expect(release.body).toContain('June 18, 2026');
    expect(release.body).not.toContain('2015');
    const conference = await t.agent().get('/events/press-conference-quarry-hill-2026-04-24');
    expect(conference.statusCode).toBe(200);
    expect(conference.body).toContain('This event has already taken place.');
  });

  it('lists upcoming events after the load date, open for RSVPs', async () => {
    const events = await t.agent().get('/events');
    expect(events.body).toContain('Community meeting: our schools, our voice');
    expect(events.body).toContain('Rally: let Meridian educators decide');
    expect(events.body).not.toContain('Press conference: let educators decide');
    const upcoming = await rows<{ slug: string; starts_at: Date; day: string; dow: number }>(
      sql`select slug, starts_at, (starts_at at time zone 'America/Los_Angeles')::date::text as day, extract(dow from starts_at at time zone 'America/Los_Angeles')::int as dow
          from events where campaign_id = ${demo.campaignId} and starts_at > ${t.clock.now} order by starts_at`,
    );
    expect(upcoming.map((e) => e.slug)).toEqual(['community-meeting-larkspur-heights', 'rally-juniper-heights-park']);
    // Wednesday December 2 (ten days out), and the Saturday about three weeks out.
    expect(upcoming.map((e) => [e.day, e.dow])).toEqual([['2026-12-02', 3], ['2026-12-12', 6]]);
    const meeting = await t.agent().get('/events/community-meeting-larkspur-heights');
    expect(meeting.body).toContain('Count me in');
  });

  it('has nothing from before the moved story nor after the load date, but the upcoming events', async () => {
    const [span] = await rows<Record<string, string>>(sql`
      select
        (select min(signed_on)::text from cards where campaign_id = ${demo.campaignId}) cards_from,
        (select max(signed_on)::text from cards where campaign_id = ${demo.campaignId}) cards_to,
        (select min(start_date)::text from employments where campaign_id = ${demo.campaignId}) hired_from,
        (select max(end_date)::text from employments where campaign_id = ${demo.campaignId}) left_on,
        (select min(occurred_on)::text from incidents where campaign_id = ${demo.campaignId}) incidents_from,
        (select max(occurred_on)::text from incidents where campaign_id = ${demo.campaignId}) incidents_to,
        (select max(s.created_at) from petition_signatures s join petitions p on p.id = s.petition_id where p.campaign_id = ${demo.campaignId})::text petition_to,
        (select max(assessed_at)::date::text from assessments where campaign_id = ${demo.campaignId}) assessed_to,
        (select max(endorsed_on)::text from endorsements where campaign_id = ${demo.campaignId}) endorsed_to`);
    expect(span).toMatchObject({ cards_from: '2026-03-02', cards_to: '2026-06-15', left_on: '2026-06-30', incidents_from: '2026-03-12', incidents_to: '2026-06-03', endorsed_to: '2026-06-20' });
    expect(span!.hired_from! >= '2019-08-10').toBe(true);
    expect(span!.petition_to! < '2026-06-20').toBe(true);
    expect(span!.assessed_to! <= '2026-06-20').toBe(true);
  });

  it('moves the dates written inside the evidence files too', async () => {
    const files = await rows<{ filename: string; content: Buffer }>(
      sql`select a.filename, c.content from attachments a join attachment_contents c on c.attachment_id = a.id where a.campaign_id = ${demo.campaignId} order by a.filename`,
    );
    expect(files.map((f) => f.filename)).toEqual(['Bounced newsletter - delivery report.eml', 'Meridian union fact sheet.pdf', 'Pellworth memo to principals 2026-03-12.pdf', 'Voicemail transcript - parent call 2026-04-14.txt']);
    const [bounce, , memo, voicemail] = files;
    expect(bounce!.content.toString()).toContain('Date: Wed, 6 May 2026 16:05:12 -0700');
    expect(pdfText(memo!.content)).toContain('March 12, 2026');
    expect(voicemail!.content.toString()).toContain('April 14, 2026, 6:42 pm');
  });

  it('takes the shipped demo roster CSV as the export of August 17 of the story’s year', async () => {
    const csv = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'demo', 'roster.csv'), 'utf8');
    const effectiveDate = demo.calendar.date(DEMO_ROSTER_EFFECTIVE);
    expect(effectiveDate).toBe('2026-08-17');
    const dry = await agent.post('/api/campaigns/meridian/roster/imports/dry-run', { csv, effectiveDate });
    expect(dry.statusCode, dry.body).toBe(200);
    const diff = dry.json() as { counts: { invalid: number; new: number; changed: number; unchanged: number } };
    expect(diff.counts).toMatchObject({ invalid: 0, new: 20 });
    expect(diff.counts.changed).toBeGreaterThanOrEqual(8);
    expect(diff.counts.unchanged).toBeGreaterThan(800);
  });
});
