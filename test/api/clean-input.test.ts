// Control characters, the same way in every form and API (src/support/clean-text.ts): anything but
// tab and line breaks is refused with a 400 naming the field, and one-line fields (names, cities)
// have their line breaks and tabs made spaces. Nothing with a control character is stored.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventRsvps, petitionSignatures } from '../../src/db/schema/index.js';
import { wallClockOf } from '../../src/domain/calendar.js';
import { cleanLine, hasForbiddenControl } from '../../src/support/clean-text.js';
import { addCardText } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createPetition, csrfFromPage, formBody } from '../support/petition-helpers.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fixture: CampaignFixture;
let petitionId: string;
let organizer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { isDefault: true });
  await addCardText(t.database.db, fixture.campaign.id);
  petitionId = (await createPetition(t.database.db, fixture.campaign.id)).id;
  const account = await createMember(t.database.db, fixture, 'organizer');
  organizer = t.agent();
  await organizer.login(account.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

// A week from now, for an hour, on the campaign's wall clock (as the events API takes it).
function nextWeek(): { startDay: string; startTime: string; endDay: string; endTime: string } {
  const startsAt = new Date(t.clock.now.getTime() + 7 * 24 * 3600_000);
  const start = wallClockOf(startsAt, fixture.campaign.timeZone);
  const end = wallClockOf(new Date(startsAt.getTime() + 3600_000), fixture.campaign.timeZone);
  return { startDay: start.day, startTime: start.time, endDay: end.day, endTime: end.time };
}

const osdi = (person: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/petitions/${petitionId}/signatures`, payload: { person: { email_addresses: [{ address: `c${Math.random()}@x.example` }], ...person } } });

describe('the rule', () => {
  it('refuses C0, DEL and C1 controls but keeps tab and line breaks; one-line fields fold whitespace', () => {
    for (const c of ['\u0000', '\u0007', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009b']) expect(hasForbiddenControl(`a${c}b`), JSON.stringify(c)).toBe(true);
    for (const text of ['a\tb', 'a\nb', 'a\r\nb', 'José', 'ü 中文 🙂']) expect(hasForbiddenControl(text), text).toBe(false);
    expect(cleanLine('  Ana\tMaría\r\n Soto ')).toBe('Ana María Soto');
  });
});

describe('every form and API', () => {
  it('OSDI: a bell or an escape in a name is a 400 naming the field; a line break becomes a space', async () => {
    const bell = await osdi({ given_name: 'Ana\u0007', family_name: 'Soto' });
    expect(bell.statusCode).toBe(400);
    expect((bell.json() as { error: { fields: { field: string }[] } }).error.fields).toEqual([{ field: 'body.person.given_name', reason: 'contains control characters' }]);
    expect((await osdi({ given_name: 'Ana', family_name: 'So\u001b[2Jto' })).statusCode).toBe(400);

    const folded = await osdi({ given_name: 'Ana\nMaría', family_name: 'Soto\t', email_addresses: [{ address: 'folded@x.example' }], postal_addresses: [{ locality: 'Los\r\nAngeles' }] });
    expect(folded.statusCode).toBe(200);
    const [row] = await t.database.db.select().from(petitionSignatures).where(eq(petitionSignatures.email, 'folded@x.example'));
    expect(row).toMatchObject({ givenName: 'Ana María', familyName: 'Soto', city: 'Los Angeles' });
  });

  it('the petition form: a control character gets a 400 page, a line break in a name a space', async () => {
    const post = async (fields: Record<string, string>) => {
      const agent = t.agent();
      const page = await agent.get('/petition/fair-process');
      return agent.request({ method: 'POST', url: '/petition/fair-process', withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfFromPage(page.body), website: '', altcha: '', zip: '90011', relationship: 'parent', ...fields }) });
    };
    const refused = await post({ given_name: 'Lu\u0000', family_name: 'Nul', email: 'nul-form@x.example' });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('text/html');
    const folded = await post({ given_name: 'Lu\r\nCarmen', family_name: 'Folded', email: 'folded-form@x.example' });
    expect(folded.statusCode).toBe(303);
    const rows = await t.database.db.select().from(petitionSignatures);
    expect(rows.find((r) => r.email === 'folded-form@x.example')?.givenName).toBe('Lu Carmen');
    expect(rows.some((r) => r.email === 'nul-form@x.example')).toBe(false);
  });

  it('the card form and the RSVP form refuse them too', async () => {
    const agent = t.agent();
    const page = await agent.get('/card');
    const card = await agent.request({ method: 'POST', url: '/card', withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfFromPage(page.body), legal_name: 'Esc\u001bape' }) });
    expect(card.statusCode).toBe(400);
    expect(card.headers['content-type']).toContain('text/html');

    const created = await organizer.post(`/api/campaigns/${fixture.campaign.slug}/events`, { kind: 'meeting', title: 'Clean input meeting', location: 'Library', description: 'Line one.\nLine two.', ...nextWeek() });
    expect(created.statusCode).toBe(201);
    const event = (created.json() as { event: { id: string; slug: string } }).event;
    const rsvp = async (name: string, email: string) => {
      const visitor = t.agent();
      const eventPage = await visitor.get(`/events/${event.slug}`);
      return visitor.request({ method: 'POST', url: `/events/${event.slug}/rsvp`, withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfFromPage(eventPage.body), name, email, phone: '' }) });
    };
    expect((await rsvp('Bell\u0007', 'bell@x.example')).statusCode).toBe(400);
    expect((await rsvp('Rosa\nDíaz', 'rosa-clean@x.example')).statusCode).toBe(303);
    const rows = await t.database.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, event.id));
    expect(rows.map((r) => r.name)).toEqual(['Rosa Díaz']);
  });

  it('the organizer API: refused in a body and in a query, while a multi-line text keeps its lines', async () => {
    const api = `/api/campaigns/${fixture.campaign.slug}`;
    const bad = await organizer.post(`${api}/events`, { kind: 'meeting', title: 'Bad\u0008title', location: 'x', description: 'x', ...nextWeek() });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('body.title');
    expect((await organizer.get(`${api}/people?q=%1b`)).statusCode).toBe(400);
  });
});
