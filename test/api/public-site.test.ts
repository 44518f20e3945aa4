import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { auditEvents, mailMessages, petitionSignatures } from '../../src/db/schema/index.js';
import { addDays, wallClockOf } from '../../src/domain/calendar.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { addCardText, insertCard } from '../support/card-fixtures.js';
import { createPetition } from '../support/petition-helpers.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fixture: CampaignFixture;
let organizer: Agent;
let api: string;
let organizerEmail: string;

beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { isDefault: true });
  await createPetition(t.database.db, fixture.campaign.id, { slug: 'fair-process' });
  const account = await createMember(t.database.db, fixture, 'organizer');
  organizerEmail = account.email;
  organizer = t.agent();
  await organizer.login(account.email, TEST_PASSWORD);
  api = `/api/campaigns/${fixture.campaign.slug}`;
});

// Moving the clock days ahead ends sessions (absolute expiry): sign in again.
async function advanceDays(days: number): Promise<void> {
  t.clock.advanceMinutes(days * 24 * 60);
  organizer = t.agent();
  await organizer.login(organizerEmail, TEST_PASSWORD);
}
afterAll(async () => t.close());

const patch = (agent: Agent, url: string, payload: unknown) => agent.request({ method: 'PATCH', url, payload: payload as string });
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

describe('home page', () => {
  it('shows the statement, campaign-wide counters, both calls to action and Open Graph tags', async () => {
    const res = await t.agent().get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('We are organizing.');
    expect(res.body).toContain('Where we stand');
    expect(res.body).toContain('href="/card"');
    expect(res.body).toContain('href="/petition/fair-process"');
    expect(res.body).toContain('property="og:title"');
    expect(res.body).toContain('property="og:url"');
    expect(res.body).not.toContain('School 1');
  });

  it('shows educators with a verified card and their schools as published, campaign-wide only, with the date', async () => {
    const other = await createCampaign(t.database.db, { sites: 3, perSite: 3 });
    const text = await addCardText(t.database.db, other.campaign.id);
    const yesterday = new Date(t.clock.now.getTime() - 24 * 3600_000).toISOString().slice(0, 10);
    const [a, b, c] = [other.people[0]!, other.people[1]!, other.people[3]!];
    for (const person of [a, b, c]) await insertCard(t.database.db, { campaignId: other.campaign.id, cardTextId: text.id, worksiteId: person.worksiteId, personId: person.id, signedOn: yesterday });
    // Nothing is published yet: no support numbers at all.
    const before = await t.agent().get(`/c/${other.campaign.slug}`);
    expect(before.body).not.toContain('educators support our union');
    expect(before.body).toContain('Educators and schools: not published yet.');
    const otherOrganizer = await createMember(t.database.db, other, 'organizer');
    const agent = t.agent();
    await agent.login(otherOrganizer.email, TEST_PASSWORD);
    expect((await agent.put(`/api/campaigns/${other.campaign.slug}/public-numbers/settings`, { granularity: 1, autoPublish: false })).statusCode).toBe(200);
    expect((await agent.post(`/api/campaigns/${other.campaign.slug}/public-numbers`)).statusCode).toBe(201);
    const res = await t.agent().get(`/c/${other.campaign.slug}`);
    expect(res.body).toMatch(/<strong>3<\/strong> <span>educators support our union<\/span>/);
    expect(res.body).toMatch(/<strong>2<\/strong> <span>schools with union supporters<\/span>/);
    expect(res.body).toContain('Educators and schools as published on');
    expect(res.body).not.toContain('School 1');
  });

  it('counts confirmed petition signatures only, and links the campaign’s own petition', async () => {
    const other = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const before = await t.agent().get(`/c/${other.campaign.slug}`);
    // No published petition: no community call to action pointing at nothing.
    expect(before.body).not.toContain('/petition/');
    const petition = await createPetition(t.database.db, other.campaign.id, { slug: 'stand-with-teachers' });
    await createPetition(t.database.db, other.campaign.id, { slug: 'draft-one', published: false });
    const statuses = ['confirmed', 'confirmed', 'pending_confirmation', 'held_for_review'] as const;
    await t.database.db.insert(petitionSignatures).values(
      statuses.map((status, i) => ({ id: randomUUID(), petitionId: petition.id, givenName: `G${i}`, familyName: 'F', email: `s${i}@example.org`, relationship: 'parent' as const, status, source: 'web' as const })),
    );
    t.clock.advanceMinutes(1); // past the page cache
    const res = await t.agent().get(`/c/${other.campaign.slug}`);
    expect(res.body).toContain(`href="/c/${other.campaign.slug}/petition/stand-with-teachers"`);
    expect(res.body).toMatch(/<strong>2<\/strong> <span>[^<]*signature/);
  });

  it('speaks Spanish from Accept-Language, and ?lang= wins and is remembered in a cookie', async () => {
    const spanish = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' } });
    expect(spanish.body).toContain('<html lang="es"');
    expect(spanish.body).toContain('Dónde estamos');
    expect(spanish.body).toContain('Firme la petición');
    const agent = t.agent();
    const switched = await agent.get('/?lang=es');
    expect(switched.body).toContain('Dónde estamos');
    expect(agent.cookie('uh_lang')).toBe('es');
    expect((await agent.get('/news')).body).toContain('<h1>Boletines</h1>');
    expect((await agent.get('/news?lang=en')).body).toContain('<h1>Newsletters</h1>');
  });

  it('serves the same campaign under /c/{slug}, and a 404 page for an unknown one', async () => {
    const res = await t.agent().get(`/c/${fixture.campaign.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/c/${fixture.campaign.slug}/card"`);
    const missing = await t.agent().get('/c/no-such-campaign/news');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Page not found');
  });
});

describe('newsletters', () => {
  it('keeps drafts private, publishes to the archive, the page and the Atom feed, and sanitizes Markdown', async () => {
    const created = await organizer.post(`${api}/newsletters`, {
      title: 'Alliance Admits Anti-Union Campaign in Memo',
      bodyMarkdown: '# The memo\n\nWe learned of a **memo**.<script>alert(1)</script>\n\n[Petition](https://example.org/p)',
    });
    expect(created.statusCode).toBe(201);
    const newsletter = (created.json() as { newsletter: { id: string; slug: string; status: string; isPublic: boolean } }).newsletter;
    expect(newsletter).toMatchObject({ slug: 'alliance-admits-anti-union-campaign-in-memo', status: 'draft', isPublic: false });
    expect((await t.agent().get('/news')).body).not.toContain('Alliance Admits');
    expect((await t.agent().get(`/news/${newsletter.slug}`)).statusCode).toBe(404);

    const home = await t.agent().get('/');
    expect(home.body).not.toContain('Alliance Admits');

    const published = await patch(organizer, `${api}/newsletters/${newsletter.id}`, { status: 'published' });
    expect(published.statusCode).toBe(200);
    expect((published.json() as { newsletter: { isPublic: boolean } }).newsletter.isPublic).toBe(true);

    const archive = await t.agent().get('/news');
    expect(archive.body).toContain(`href="/news/${newsletter.slug}"`);
    // The cached home page was invalidated by the write.
    expect((await t.agent().get('/')).body).toContain('Alliance Admits Anti-Union Campaign in Memo');
    const page = await t.agent().get(`/news/${newsletter.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2>The memo</h2>');
    expect(page.body).toContain('<strong>memo</strong>');
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('property="og:type" content="article"');

    const feed = await t.agent().get('/news/feed.xml');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.body).toContain('Alliance Admits Anti-Union Campaign in Memo');
    expect(feed.body).toContain(`/news/${newsletter.slug}`);
    expect(feed.body).not.toContain('<script>');
  });

  it('shows a scheduled newsletter only once its time has come', async () => {
    const at = new Date(t.clock.now.getTime() + 2 * 24 * 3600_000).toISOString();
    const res = await organizer.post(`${api}/newsletters`, { title: 'Celebrating the year', bodyMarkdown: 'From 67 educators at 7 schools to 146 at 21.', status: 'scheduled', publishAt: at });
    expect(res.statusCode).toBe(201);
    expect((await t.agent().get('/news')).body).not.toContain('Celebrating the year');
    await advanceDays(3);
    expect((await t.agent().get('/news')).body).toContain('Celebrating the year');
  });

  it('previews Markdown as the public will see it, and refuses bad input and duplicate slugs', async () => {
    const preview = await organizer.post(`${api}/newsletters/preview`, { bodyMarkdown: '*hi* <img src=x onerror=alert(1)>' });
    expect(preview.json()).toEqual({ html: '<p><em>hi</em> </p>\n' });
    const bad = await organizer.post(`${api}/newsletters`, { title: '', status: 'scheduled' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toContain('body.title');
    const noDate = await organizer.post(`${api}/newsletters`, { title: 'No date', status: 'scheduled' });
    expect(noDate.statusCode).toBe(400);
    const dup = await organizer.post(`${api}/newsletters`, { title: 'Celebrating the year' });
    expect(dup.statusCode).toBe(409);
  });

  it('lets only admins and organizers manage content', async () => {
    for (const role of ['viewer', 'committee'] as const) {
      const account = await createMember(t.database.db, fixture, role);
      const agent = t.agent();
      await agent.login(account.email, TEST_PASSWORD);
      expect((await agent.post(`${api}/newsletters`, { title: 'Sneaky' })).statusCode).toBe(403);
      expect((await agent.get(`${api}/events`)).statusCode).toBe(403);
    }
    const outsider = await createCampaign(t.database.db);
    const stranger = await createMember(t.database.db, outsider, 'admin');
    const agent = t.agent();
    await agent.login(stranger.email, TEST_PASSWORD);
    expect((await agent.get(`${api}/newsletters`)).statusCode).toBe(404);
  });
});

describe('endorsements', () => {
  it('groups public endorsements by level with counts, and serves a letter only while public', async () => {
    const letter = pdf('letter from a member of Congress');
    const sha = createHash('sha256').update(letter).digest('hex');
    const congress = await organizer.post(`${api}/endorsements`, {
      endorserName: 'Rep. Dana Whitcomb',
      endorserKind: 'person',
      endorserTitle: 'Member of Congress',
      level: 'congress',
      endorsedOn: '2015-05-12',
      quote: 'Let the educators decide.',
      isPublic: true,
      document: { filename: 'whitcomb.pdf', contentBase64: letter.toString('base64') },
    });
    expect(congress.statusCode).toBe(201);
    const created = (congress.json() as { endorsement: { id: string; document: { sha256: string } } }).endorsement;
    expect(created.document.sha256).toBe(sha);
    for (const [name, level] of [['Sen. Ana Robles', 'state_senate'], ['Asm. Leo Park', 'state_assembly'], ['Eastside Neighborhood Council', 'neighborhood_council']] as const) {
      const r = await organizer.post(`${api}/endorsements`, { endorserName: name, endorserKind: level === 'neighborhood_council' ? 'organization' : 'person', level, endorsedOn: '2015-05-20', isPublic: true });
      expect(r.statusCode).toBe(201);
    }
    await organizer.post(`${api}/endorsements`, { endorserName: 'Private Friend', endorserKind: 'person', level: 'union', endorsedOn: '2015-05-21' });

    const wall = await t.agent().get('/endorsements');
    expect(wall.body).toContain('1 member of Congress');
    expect(wall.body).toContain('2 state legislators');
    expect(wall.body).toContain('1 neighborhood council');
    expect(wall.body).toContain('State senators and assemblymembers (2)');
    expect(wall.body).not.toContain('Private Friend');
    expect(wall.body).toContain(`href="/endorsements/documents/${sha}"`);
    expect((await t.agent().get('/?lang=es')).body).toMatch(/<strong>4<\/strong> <span>apoyos<\/span>/);

    const doc = await t.agent().get(`/endorsements/documents/${sha}`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(doc.rawPayload).digest('hex')).toBe(sha);

    expect((await patch(organizer, `${api}/endorsements/${created.id}`, { isPublic: false })).statusCode).toBe(200);
    expect((await t.agent().get(`/endorsements/documents/${sha}`)).statusCode).toBe(404);
    const own = await organizer.get(`${api}/endorsements/${created.id}/document`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(letter)).toBe(true);
    expect((await t.agent().get('/endorsements')).body).not.toContain('member of Congress');
  });

  it('refuses a document that is not a PDF and stores nothing', async () => {
    const before = ((await organizer.get(`${api}/endorsements`)).json() as { endorsements: unknown[] }).endorsements.length;
    const res = await organizer.post(`${api}/endorsements`, {
      endorserName: 'Not a PDF',
      endorserKind: 'organization',
      level: 'union',
      endorsedOn: '2015-05-01',
      document: { filename: 'x.pdf', contentBase64: Buffer.from('<html></html>').toString('base64') },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('document.contentBase64');
    const after = ((await organizer.get(`${api}/endorsements`)).json() as { endorsements: unknown[] }).endorsements.length;
    expect(after).toBe(before);
  });
});

describe('press', () => {
  it('lists coverage with outlet and link, and press releases on their own pages', async () => {
    const coverage = await organizer.post(`${api}/press`, { kind: 'news', outlet: 'The Harbor Ledger', headline: 'Teachers say memo shows anti-union push', publishedOn: '2015-04-25', url: 'https://ledger.example/memo' });
    expect(coverage.statusCode).toBe(201);
    const release = await organizer.post(`${api}/press`, { kind: 'release', headline: 'Educators call for a fair process', publishedOn: '2015-04-24', bodyMarkdown: 'Today, educators **gathered**.' });
    expect(release.statusCode).toBe(201);
    const missing = await organizer.post(`${api}/press`, { kind: 'news', headline: 'No link', publishedOn: '2015-04-24' });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field).sort()).toEqual(['outlet', 'url']);

    const page = await t.agent().get('/press');
    expect(page.body).toContain('The Harbor Ledger');
    expect(page.body).toContain('href="https://ledger.example/memo"');
    expect(page.body).toContain('href="/press/educators-call-for-a-fair-process"');
    const own = await t.agent().get('/press/educators-call-for-a-fair-process');
    expect(own.body).toContain('<strong>gathered</strong>');

    const releaseId = (release.json() as { item: { id: string } }).item.id;
    const removed = await organizer.request({ method: 'DELETE', url: `${api}/press/${releaseId}` });
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect((await t.agent().get('/press/educators-call-for-a-fair-process')).statusCode).toBe(404);
    expect((await organizer.request({ method: 'DELETE', url: `${api}/press/${releaseId}` })).statusCode).toBe(404);
  });
});

describe('events', () => {
  // A week from now, for an hour, on the campaign's wall clock.
  function nextWeek(): { startDay: string; startTime: string; endDay: string; endTime: string } {
    const startsAt = new Date(t.clock.now.getTime() + 7 * 24 * 3600_000);
    const start = wallClockOf(startsAt, fixture.campaign.timeZone);
    const end = wallClockOf(new Date(startsAt.getTime() + 3600_000), fixture.campaign.timeZone);
    return { startDay: start.day, startTime: start.time, endDay: end.day, endTime: end.time };
  }

  async function createEvent(overrides: Record<string, unknown> = {}) {
    const res = await organizer.post(`${api}/events`, {
      kind: 'press_conference',
      title: 'Press conference at Harbor Gateway High',
      location: '1200 Harbor Way, Los Angeles',
      description: 'Educators, parents and **elected leaders**.',
      ...nextWeek(),
      ...overrides,
    });
    expect(res.statusCode).toBe(201);
    return (res.json() as { event: { id: string; slug: string } }).event;
  }

  async function openForm(agent: Agent, slug: string): Promise<string> {
    const page = await agent.get(`/events/${slug}`);
    expect(page.statusCode).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    expect(token).toBeDefined();
    return token!;
  }

  const submit = (agent: Agent, slug: string, form: Record<string, string>) =>
    agent.request({ method: 'POST', url: `/events/${slug}/rsvp`, withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });

  it('lists upcoming public events with a calendar file, and hides private ones', async () => {
    const event = await createEvent();
    await createEvent({ title: 'Committee meeting', kind: 'meeting', isPublic: false });
    const list = await t.agent().get('/events');
    expect(list.body).toContain('Press conference at Harbor Gateway High');
    expect(list.body).not.toContain('Committee meeting');
    const ics = await t.agent().get(`/events/${event.slug}/calendar.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain('SUMMARY:Press conference at Harbor Gateway High');
  });

  it('takes an RSVP through the plain form, once per email, and mails a confirmation', async () => {
    const event = await createEvent({ title: 'Rally for a fair process', kind: 'rally' });
    const agent = t.agent();
    const token = await openForm(agent, event.slug);

    const noToken = await submit(agent, event.slug, { name: 'Rosa Delgado', email: 'rosa@example.org' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.headers['content-type']).toContain('text/html');
    expect(noToken.body).toContain('This form expired');

    const invalid = await submit(agent, event.slug, { _csrf: token, name: '', email: 'not-an-email', phone: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Enter your name.');
    expect(invalid.body).toContain('aria-invalid="true"');
    expect(invalid.body).toContain('value="not-an-email"');

    const ok = await submit(agent, event.slug, { _csrf: token, name: 'Rosa Delgado', email: 'Rosa@Example.org', phone: '(323) 555-0100' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/events/${event.slug}?rsvp=thanks`);
    expect((await agent.get(ok.headers.location as string)).body).toContain('Your RSVP is recorded');
    const again = await submit(agent, event.slug, { _csrf: token, name: 'Rosa D.', email: 'rosa@example.org', phone: '' });
    expect(again.statusCode).toBe(303);
    const bot = await submit(agent, event.slug, { _csrf: token, name: 'Bot', email: 'bot@example.org', website: 'http://spam.example' });
    expect(bot.statusCode).toBe(303);

    const list = await organizer.get(`${api}/events/${event.id}/rsvps`);
    const rsvps = (list.json() as { rsvps: { id: string; name: string; email: string; phone: string | null }[] }).rsvps;
    expect(rsvps).toHaveLength(1);
    expect(rsvps[0]).toMatchObject({ name: 'Rosa D.', email: 'rosa@example.org', phone: '(323) 555-0100' });
    const mails = await t.services.repositories.mail.list(20, 'all');
    expect(mails.filter((m) => m.kind === 'event_rsvp' && m.toAddress === 'rosa@example.org').length).toBeGreaterThan(0);
    expect(mails.some((m) => m.toAddress === 'bot@example.org')).toBe(false);
  });

  it('sends the confirmation in Spanish to a Spanish reader', async () => {
    const event = await createEvent({ title: 'Reunión comunitaria', kind: 'meeting' });
    const agent = t.agent();
    await agent.get('/events?lang=es');
    const token = await openForm(agent, event.slug);
    expect((await agent.get(`/events/${event.slug}`)).body).toContain('Confirme su asistencia');
    expect((await submit(agent, event.slug, { _csrf: token, name: 'Teresa Soto', email: 'teresa@example.org' })).statusCode).toBe(303);
    const mail = (await t.services.repositories.mail.list(20, 'all')).find((m) => m.toAddress === 'teresa@example.org');
    expect(mail?.subject).toBe('Su confirmación: Reunión comunitaria');
    expect(mail?.textBody).toContain('Gracias por confirmar');
  });

  it('takes and answers times on the campaign’s wall clock, with the zone, and the public page shows them unchanged', async () => {
    const day = addDays(wallClockOf(t.clock.now, fixture.campaign.timeZone).day, 10);
    const event = await createEvent({ title: 'Morning press conference', startDay: day, startTime: '10:00', endDay: day, endTime: '11:30' });
    expect(event).toMatchObject({ slug: `morning-press-conference-${day}`, startDay: day, startTime: '10:00', endDay: day, endTime: '11:30', timeZone: fixture.campaign.timeZone });
    const listed = (await organizer.get(`${api}/events`)).json() as { timeZone: string; events: { id: string; startTime: string }[] };
    expect(listed.timeZone).toBe(fixture.campaign.timeZone);
    expect(listed.events.find((e) => e.id === event.id)?.startTime).toBe('10:00');
    const page = await t.agent().get(`/events/${event.slug}`);
    expect(page.body).toMatch(/10:00\sAM/);

    // A change of the end time alone keeps the day and the start as they were.
    const moved = await patch(organizer, `${api}/events/${event.id}`, { endTime: '12:00' });
    expect(moved.statusCode).toBe(200);
    expect((moved.json() as { event: Record<string, string> }).event).toMatchObject({ startDay: day, startTime: '10:00', endDay: day, endTime: '12:00' });
  });

  it('refuses impossible days and times, an end before the start, and another zone', async () => {
    const refused = async (overrides: Record<string, unknown>, field: string) => {
      const res = await organizer.post(`${api}/events`, { kind: 'meeting', title: 'Bad times', ...nextWeek(), ...overrides });
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect((res.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toEqual([field]);
    };
    await refused({ startDay: '2026-02-30' }, 'body.startDay');
    await refused({ endTime: '24:00' }, 'body.endTime');
    await refused({ startTime: '10:00', endTime: '09:00', endDay: nextWeek().startDay, startDay: nextWeek().startDay }, 'endTime');
    await refused({ timeZone: 'Europe/Paris' }, 'timeZone');
    await refused({ timeZone: 'Mars/Olympus' }, 'body.timeZone');
    expect((await organizer.post(`${api}/events`, { kind: 'meeting', title: 'Same zone', ...nextWeek(), timeZone: fixture.campaign.timeZone })).statusCode).toBe(201);
  });

    it('checks people in at the door, adds walk-ins, audits views, and lets only admins export', async () => {
    const event = await createEvent({ title: 'Parent meeting', kind: 'meeting' });
    const agent = t.agent();
    const token = await openForm(agent, event.slug);
    await submit(agent, event.slug, { _csrf: token, name: 'Marcus Greene', email: 'marcus@example.org' });
    const rsvps = ((await organizer.get(`${api}/events/${event.id}/rsvps`)).json() as { rsvps: { id: string }[] }).rsvps;
    const checked = await organizer.post(`${api}/events/${event.id}/rsvps/${rsvps[0]!.id}/check-in`, { checkedIn: true });
    expect(checked.statusCode).toBe(200);
    expect((checked.json() as { rsvp: { checkedInAt: string | null } }).rsvp.checkedInAt).not.toBeNull();
    const walkIn = await organizer.post(`${api}/events/${event.id}/walk-ins`, { name: 'Imani Okafor' });
    expect(walkIn.statusCode).toBe(201);
    const summary = ((await organizer.get(`${api}/events`)).json() as { events: { id: string; rsvpCount: number; checkedInCount: number }[] }).events.find((e) => e.id === event.id);
    expect(summary).toMatchObject({ rsvpCount: 2, checkedInCount: 2 });

    expect((await organizer.get(`${api}/events/${event.id}/rsvps/export.csv`)).statusCode).toBe(403);
    const admin = await createMember(t.database.db, fixture, 'admin');
    const adminAgent = t.agent();
    await adminAgent.login(admin.email, TEST_PASSWORD);
    const csv = await adminAgent.get(`${api}/events/${event.id}/rsvps/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toBe('name,email,phone,lang,walkIn,checkedInAt,createdAt');
    expect(csv.body).toContain('Marcus Greene');
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, event.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['event.rsvps_viewed', 'export.event_rsvps']);
  });
});

describe('security headers', () => {
  it('sends the strict CSP and helmet’s headers on public pages, files and errors', async () => {
    for (const url of ['/', '/news', '/assets/site.css', '/no-such-page', '/healthz']) {
      const res = await t.agent().get(url);
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['content-security-policy'], url).toContain("style-src 'self'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });
});

describe('newsletter by email', () => {
  const form = (agent: Agent, url: string, fields: Record<string, string>) =>
    agent.request({ method: 'POST', url, withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

  it('subscribes with a confirmation email, sends with RFC 8058 headers, and unsubscribes in one click', async () => {
    const agent = t.agent();
    const page = await agent.get('/news/subscribe?lang=es');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    expect(token).toBeDefined();
    const bad = await form(agent, '/news/subscribe', { _csrf: token!, email: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Escriba un correo electrónico');
    const ok = await form(agent, '/news/subscribe', { _csrf: token!, email: 'Parent@Example.org' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Revise su correo');

    const confirmation = (await t.services.repositories.mail.list(50, 'all')).find((m) => m.kind === 'newsletter_subscribe' && m.toAddress === 'parent@example.org');
    expect(confirmation?.subject).toContain('Confirme su suscripción');
    const link = /https?:\/\/[^\s]+\/news\/subscribe\/confirm\?[^\s]+/.exec(confirmation!.textBody)?.[0];
    expect(link).toBeDefined();
    const confirmPath = new URL(link!).pathname + new URL(link!).search;
    expect((await t.agent().get(confirmPath.replace(/t=[^&]+/, 't=forged-token-xyz'))).statusCode).toBe(400);
    expect((await t.agent().get(confirmPath)).body).toContain('You are subscribed');

    // Subscribing again says the same and sends nothing new.
    const again = await form(agent, '/news/subscribe', { _csrf: token!, email: 'parent@example.org' });
    expect(again.body).toContain('Revise su correo');
    expect((await t.services.repositories.mail.list(100, 'all')).filter((m) => m.kind === 'newsletter_subscribe' && m.toAddress === 'parent@example.org')).toHaveLength(1);

    // The subscriber asked in Spanish: a Spanish newsletter reaches them.
    const created = await organizer.post(`${api}/newsletters`, { title: 'Emailed update', bodyMarkdown: 'Hello **subscribers**.', status: 'published', lang: 'es' });
    const id = (created.json() as { newsletter: { id: string } }).newsletter.id;
    expect(((await organizer.get(`${api}/newsletters`)).json() as { subscriberCount: number }).subscriberCount).toBe(1);
    const sent = await organizer.post(`${api}/newsletters/${id}/send`);
    expect(sent.json()).toEqual({ sent: 1, otherLanguages: 0, suppressed: 0, excluded: 0 });
    expect((await organizer.post(`${api}/newsletters/${id}/send`)).statusCode).toBe(409);
    const draft = await organizer.post(`${api}/newsletters`, { title: 'Not yet' });
    expect((await organizer.post(`${api}/newsletters/${(draft.json() as { newsletter: { id: string } }).newsletter.id}/send`)).statusCode).toBe(409);

    const message = (await t.services.repositories.mail.list(100, 'all')).find((m) => m.kind === 'newsletter' && m.toAddress === 'parent@example.org');
    expect(message?.subject).toBe('Emailed update');
    expect(message?.textBody).toContain('Darse de baja con un clic');
    const unsubscribeUrl = new URL(/https?:\/\/[^\s]+\/news\/unsubscribe\?[^\s]+/.exec(message!.textBody)![0]);
    const unsubscribePath = unsubscribeUrl.pathname + unsubscribeUrl.search;

    // Opening the link (or a mail scanner fetching it) only asks.
    const ask = await t.agent().get(unsubscribePath);
    expect(ask.body).toContain('parent@example.org');
    expect(((await organizer.get(`${api}/newsletters`)).json() as { subscriberCount: number }).subscriberCount).toBe(1);
    // The mail client's one-click POST (RFC 8058): no cookies, no CSRF token.
    const oneClick = await t.app.inject({ method: 'POST', url: unsubscribePath, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    expect(((await organizer.get(`${api}/newsletters`)).json() as { subscriberCount: number }).subscriberCount).toBe(0);
  });
});

describe('sending a newsletter', () => {
  it('records one message per confirmed subscriber in the newsletter\'s language, each with its own one-click link, and answers at once', async () => {
    const other = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const admin = await createMember(t.database.db, other, 'admin');
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    const { subscribers } = t.services.repositories;
    const people = [
      { email: 'uno@example.org', lang: 'es' as const, confirm: true },
      { email: 'two@example.org', lang: 'en' as const, confirm: true },
      { email: 'three@example.org', lang: 'en' as const, confirm: true },
      { email: 'pending@example.org', lang: 'en' as const, confirm: false },
    ];
    for (const p of people) {
      const row = await subscribers.request(other.campaign.id, p.email, p.lang);
      if (p.confirm) await subscribers.confirm(row!.id, t.clock.now);
    }
    const gone = await subscribers.request(other.campaign.id, 'gone@example.org', 'en');
    await subscribers.confirm(gone!.id, t.clock.now);
    await subscribers.unsubscribe(gone!.id, t.clock.now);

    const base = `/api/campaigns/${other.campaign.slug}/newsletters`;
    const created = await agent.post(base, { title: 'Three readers', bodyMarkdown: 'Hello, **readers**.', status: 'published' });
    const id = (created.json() as { newsletter: { id: string } }).newsletter.id;
    // The Spanish reader is not sent an English newsletter: the answer counts them instead.
    expect((await agent.post(`${base}/${id}/send`)).json()).toEqual({ sent: 2, otherLanguages: 1, suppressed: 0, excluded: 0 });
    const rows = await t.database.db.select().from(mailMessages).where(eq(mailMessages.subject, 'Three readers'));
    expect(rows.map((r) => r.toAddress).sort()).toEqual(['three@example.org', 'two@example.org']);
    for (const row of rows) {
      expect(row).toMatchObject({ kind: 'newsletter', campaignId: other.campaign.id, transport: 'outbox', sentAt: null, newsletterId: id });
      expect(row.textBody.startsWith('Three readers\n\nHello, readers.\n\n—\n')).toBe(true);
      expect(row.textBody).toContain('Unsubscribe in one click');
      const link = /https?:\/\/\S+\/news\/unsubscribe\?s=[0-9a-f-]+&t=[\w-]+/.exec(row.textBody)?.[0];
      expect(row.headers).toEqual({ 'Content-Language': 'en', 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
      expect(row.link).toBe(link);
      // The link signed in SQL is the one the site checks: it unsubscribes exactly this reader.
      const url = new URL(link!);
      const ask = await t.agent().get(url.pathname + url.search);
      expect(ask.statusCode).toBe(200);
      expect(ask.body).toContain(row.toAddress);
    }
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audit.map((a) => [a.action, a.details])).toEqual([['newsletter.sent', { count: 2, lang: 'en', audiences: ['subscribers'], otherLanguages: 1, suppressed: 0, excluded: 0 }]]);
  });

  it('leaves the newsletter unsent when its messages cannot be recorded', async () => {
    const other = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const admin = await createMember(t.database.db, other, 'admin');
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    const row = await t.services.repositories.subscribers.request(other.campaign.id, 'reader@example.org', 'en');
    await t.services.repositories.subscribers.confirm(row!.id, t.clock.now);
    const base = `/api/campaigns/${other.campaign.slug}/newsletters`;
    const id = ((await agent.post(base, { title: 'Not this time', status: 'published' })).json() as { newsletter: { id: string } }).newsletter.id;
    const db = t.database.db;
    await db.execute(sql`create function refuse_newsletter_mail() returns trigger language plpgsql as $$ begin if new.kind = 'newsletter' then raise exception 'mail log unavailable'; end if; return new; end $$`);
    await db.execute(sql`create trigger refuse_newsletter_mail before insert on mail_messages for each row execute function refuse_newsletter_mail()`);
    try {
      expect((await agent.post(`${base}/${id}/send`)).statusCode).toBe(500);
    } finally {
      await db.execute(sql`drop trigger refuse_newsletter_mail on mail_messages`);
    }
    // Nothing was claimed: the send can be tried again, and goes out once.
    const list = (await agent.get(base)).json() as { newsletters: { id: string; sentAt: string | null }[] };
    expect(list.newsletters.find((n) => n.id === id)?.sentAt).toBeNull();
    expect((await agent.post(`${base}/${id}/send`)).json()).toMatchObject({ sent: 1 });
  });
});

describe('public forms', () => {
  it('answer a flood from one address with a page saying to wait, and other errors as usual', async () => {
    const limited = await createTestApp();
    try {
      const campaign = await createCampaign(limited.database.db, { isDefault: true });
      const agent = limited.agent();
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await agent.request({ method: 'POST', url: '/news/subscribe?lang=es', withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a%40example.org' })).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 403)).toBe(true);
      const flood = await agent.request({ method: 'POST', url: '/news/subscribe?lang=es', withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a%40example.org' });
      expect(flood.statusCode).toBe(429);
      expect(flood.body).toContain('Demasiados intentos');
      expect(flood.body).toContain(campaign.campaign.name);
      // The organizer API keeps its JSON errors.
      const api = await agent.request({ method: 'POST', url: `/api/campaigns/${campaign.campaign.slug}/newsletters`, withCsrf: false, payload: {} });
      expect(api.headers['content-type']).toContain('application/json');
    } finally {
      await limited.close();
    }
  });
});

describe('newsletter delivery through SMTP', () => {
  it('carries List-Unsubscribe and List-Unsubscribe-Post to the mail server', async () => {
    const sink = await startSmtpSink();
    const smtp = await createTestApp({ config: { smtpUrl: sink.url } });
    try {
      const campaign = await createCampaign(smtp.database.db, { isDefault: true });
      const admin = await createMember(smtp.database.db, campaign, 'admin');
      const agent = smtp.agent();
      await agent.login(admin.email, TEST_PASSWORD);
      const subscriber = await smtp.services.repositories.subscribers.request(campaign.campaign.id, 'reader@example.org', 'en');
      await smtp.services.repositories.subscribers.confirm(subscriber!.id, new Date());
      const created = await agent.post(`/api/campaigns/${campaign.campaign.slug}/newsletters`, { title: 'By SMTP', bodyMarkdown: 'Hello.', status: 'published' });
      const id = (created.json() as { newsletter: { id: string } }).newsletter.id;
      expect((await agent.post(`/api/campaigns/${campaign.campaign.slug}/newsletters/${id}/send`)).json()).toEqual({ sent: 1, otherLanguages: 0, suppressed: 0, excluded: 0 });
      const mail = sink.received.find((m) => m.to.includes('reader@example.org') && m.headers.get('subject') === 'By SMTP') ?? (await sink.next());
      expect(mail.headers.get('list-unsubscribe')).toMatch(/^<https?:\/\/[^>]+\/news\/unsubscribe\?s=[0-9a-f-]+&t=[\w-]+>$/);
      expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    } finally {
      await smtp.close();
      await sink.close();
    }
  });
});
