import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { events, newsletters } from '../../src/db/schema/index.js';
import { createCampaign, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fixture: CampaignFixture;

beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { isDefault: true });
  const campaignId = fixture.campaign.id;
  const day = 24 * 3600_000;
  const now = t.clock.now.getTime();
  await t.database.db.insert(newsletters).values([
    { campaignId, slug: 'the-memo', title: 'The memo', bodyMarkdown: '# Memo\n\nWe **won**.', lang: 'en', status: 'published', publishAt: new Date(now - 2 * day) },
    { campaignId, slug: 'el-memo', title: 'El memorándum', bodyMarkdown: 'Ganamos.', lang: 'es', status: 'published', publishAt: new Date(now - day) },
    { campaignId, slug: 'draft', title: 'Not yet', bodyMarkdown: 'Draft.', lang: 'en', status: 'draft' },
  ]);
  const longDescription = '## Qué traer\n\nSu **credencial** y preguntas sobre la reunión — también [el volante](https://example.org/volante).\n\n- Café\n- Niños bienvenidos';
  await t.database.db.insert(events).values([
    { campaignId, slug: 'asamblea', kind: 'meeting', title: 'Asamblea de educadores: reunión informativa con café, niños y preguntas', description: longDescription, location: 'Escuela Peñasco, salón 12', startsAt: new Date(now + 3 * day), endsAt: new Date(now + 3 * day + 7200_000) },
    { campaignId, slug: 'rally', kind: 'rally', title: 'Rally for a fair process', description: 'Bring a sign.', startsAt: new Date(now + 10 * day), endsAt: new Date(now + 10 * day + 3600_000) },
    { campaignId, slug: 'secret', kind: 'meeting', title: 'Committee only', startsAt: new Date(now + 4 * day), endsAt: new Date(now + 4 * day + 3600_000), isPublic: false },
  ]);
});
afterAll(async () => t.close());

const ATOM = 'http://www.w3.org/2005/Atom';

/** The root <feed> of an Atom document, parsed by a strict XML parser (a syntax error throws). */
function parseFeed(xml: string): Element {
  const doc = xml2js(xml, { compact: false }) as Element;
  const feed = doc.elements?.find((e) => e.type === 'element');
  if (!feed || feed.name !== 'feed') throw new Error('no <feed> root');
  return feed;
}
const children = (el: Element, name: string) => (el.elements ?? []).filter((c) => c.type === 'element' && c.name === name);
const textOf = (el: Element | undefined) => (el?.elements ?? []).map((c) => c.text ?? c.cdata ?? '').join('');

// RFC 4287 §4.1.1 and §4.1.2: what a feed and each entry must contain.
function expectValidAtom(feed: Element): void {
  expect(feed.attributes?.xmlns).toBe(ATOM);
  for (const name of ['id', 'title', 'updated']) expect(children(feed, name), `feed ${name}`).toHaveLength(1);
  const feedAuthors = children(feed, 'author');
  expect(feedAuthors.length).toBeGreaterThan(0);
  for (const author of feedAuthors) expect(textOf(children(author, 'name')[0])).not.toBe('');
  expect(children(feed, 'link').filter((l) => l.attributes?.rel === 'self')).toHaveLength(1);
  expect(Date.parse(textOf(children(feed, 'updated')[0]))).not.toBeNaN();
  for (const entry of children(feed, 'entry')) {
    for (const name of ['id', 'title', 'updated']) expect(children(entry, name), `entry ${name}`).toHaveLength(1);
    // An IRI (RFC 3987): a scheme and no spaces.
    expect(textOf(children(entry, 'id')[0])).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
    expect(children(entry, 'content').length + children(entry, 'link').filter((l) => (l.attributes?.rel ?? 'alternate') === 'alternate').length).toBeGreaterThan(0);
    expect(entry.attributes?.['xml:lang']).toMatch(/^(en|es)$/);
  }
}

describe('Atom feeds (RFC 4287)', () => {
  it('is valid, with an author, xml:lang, one feed per language, and no drafts', async () => {
    const en = await t.agent().get('/news/en/feed.xml');
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toContain('application/atom+xml');
    const enFeed = parseFeed(en.body);
    expectValidAtom(enFeed);
    expect(enFeed.attributes?.['xml:lang']).toBe('en');
    expect(textOf(children(children(enFeed, 'author')[0]!, 'name')[0])).toBe(fixture.campaign.name);
    expect(children(enFeed, 'entry').map((e) => textOf(children(e, 'title')[0]))).toEqual(['The memo']);
    expect(en.body).not.toContain('Not yet');

    const es = parseFeed((await t.agent().get('/news/es/feed.xml')).body);
    expectValidAtom(es);
    expect(es.attributes?.['xml:lang']).toBe('es');
    expect(children(es, 'entry').map((e) => [textOf(children(e, 'title')[0]), e.attributes?.['xml:lang']])).toEqual([['El memorándum', 'es']]);
    expect(textOf(children(es, 'id')[0])).not.toBe(textOf(children(enFeed, 'id')[0]));

    // The plain /news/feed.xml is the visitor's language's feed.
    const visitorEs = parseFeed((await t.agent().get('/news/feed.xml?lang=es')).body);
    expect(textOf(children(visitorEs, 'id')[0])).toBe(textOf(children(es, 'id')[0]));
    expect((await t.agent().get('/news/fr/feed.xml')).statusCode).toBe(404);
  });

  it('gives an issue the same id whichever URL serves the feed', async () => {
    const ids = async (url: string) => {
      const feed = parseFeed((await t.agent().get(url)).body);
      return { feed: textOf(children(feed, 'id')[0]), entries: children(feed, 'entry').map((e) => textOf(children(e, 'id')[0])) };
    };
    const short = await ids('/news/en/feed.xml');
    const long = await ids(`/c/${fixture.campaign.slug}/news/en/feed.xml`);
    expect(long).toEqual(short);
    expect(short.entries).toHaveLength(1);
    expect(short.entries[0]).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('is linked from every page for the page language', async () => {
    const page = await t.agent().get('/news?lang=es');
    expect(page.body).toContain('href="/news/es/feed.xml"');
  });
});

const octetLengths = (ics: string) => ics.split('\r\n').map((line) => Buffer.byteLength(line, 'utf8'));

describe('calendar files (RFC 5545)', () => {
  it('folds accented lines at 75 octets, describes in plain text, and parses in ical.js', async () => {
    const res = await t.agent().get('/events/asamblea/calendar.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body.endsWith('\r\n')).toBe(true);
    expect(Math.max(...octetLengths(res.body))).toBeLessThanOrEqual(75);
    // A line of 75 octets would have been 76–81 with folding by characters.
    expect(octetLengths(res.body).some((n) => n > 70)).toBe(true);

    const vevent = new ICAL.Component(ICAL.parse(res.body)).getFirstSubcomponent('vevent');
    expect(vevent).not.toBeNull();
    const event = new ICAL.Event(vevent!);
    expect(event.summary).toBe('Asamblea de educadores: reunión informativa con café, niños y preguntas');
    expect(event.location).toBe('Escuela Peñasco, salón 12');
    expect(event.description).toContain('Qué traer');
    expect(event.description).toContain('Su credencial y preguntas');
    expect(event.description).toContain('el volante [https://example.org/volante]');
    expect(event.description).toContain('* Café');
    expect(event.description).not.toMatch(/\*\*|##/);
    expect(event.description).toContain(`${t.config.publicUrl}/events/asamblea`);
  });

  it('serves a calendar feed of every public event, with stable UIDs', async () => {
    const res = await t.agent().get('/events/calendar.ics');
    expect(res.statusCode).toBe(200);
    expect(Math.max(...octetLengths(res.body))).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    const vevents = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents.map((e) => e.summary).sort()).toEqual(['Asamblea de educadores: reunión informativa con café, niños y preguntas', 'Rally for a fair process']);
    const single = new ICAL.Event(new ICAL.Component(ICAL.parse((await t.agent().get('/events/rally/calendar.ics')).body)).getFirstSubcomponent('vevent')!);
    expect(vevents.find((e) => e.summary === 'Rally for a fair process')?.uid).toBe(single.uid);
    expect((await t.agent().get(`/c/${fixture.campaign.slug}/events/calendar.ics`)).body).toContain(`UID:${single.uid}`);

    const page = await t.agent().get('/events');
    expect(page.body).toContain(`href="${t.config.publicUrl.replace(/^https?:/, 'webcal:')}/events/calendar.ics"`);
  });
});
