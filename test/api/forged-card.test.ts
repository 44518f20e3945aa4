import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cards, mailMessages } from '../../src/db/schema/index.js';
import { addCardText, answerByLink, confirmationPathFrom, insertCard, signByForm } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createPetition } from '../support/petition-helpers.js';
import { openCards, openMail } from '../support/opened-rows.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// The attack of issue 10, played as an employer's consultant would, with a browser and the staff
// list: submit a card in the name of an educator who has not signed, with a new email address,
// and watch every public page and every number for a change. Nothing may move until an organizer
// verifies the card; after that, only a publication moves the public numbers, rounded.

let t: TestApp;
let f: CampaignFixture;
let organizer: Agent;
let viewer: Agent;
let committee: Agent;
const victimIndex = 9; // at School 1, on the staff list, has not signed

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-06-15T19:00:00Z'); // noon in Los Angeles
  f = await createCampaign(t.database.db, { sites: 2, perSite: 10, isDefault: true });
  const text = await addCardText(t.database.db, f.campaign.id);
  await createPetition(t.database.db, f.campaign.id, { slug: 'fair-process' });
  // Fourteen verified supporters, seven at each school.
  for (const p of [...f.people.slice(0, 7), ...f.people.slice(10, 17)]) {
    await insertCard(t.database.db, { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: p.worksiteId, personId: p.id, signedOn: '2015-06-01' });
  }
  const login = async (role: 'organizer' | 'viewer' | 'committee') => {
    const account = await createMember(t.database.db, f, role, role === 'committee' ? [f.sites[0]!.id] : undefined);
    const agent = t.agent();
    await agent.login(account.email, TEST_PASSWORD);
    return agent;
  };
  [organizer, viewer, committee] = [await login('organizer'), await login('viewer'), await login('committee')];
  // The organizers published the numbers (granularity 5: "over 10 educators").
  expect((await organizer.post(`/api/campaigns/${f.campaign.slug}/public-numbers`)).statusCode).toBe(201);
});
afterAll(async () => t.close());

const slug = () => f.campaign.slug;
const victim = () => f.people[victimIndex]!;

/** Every public page, in both languages. */
const publicPages = () => {
  const paths = ['/', '/news', '/news/feed.xml', '/endorsements', '/press', '/events', '/card', '/news/subscribe', '/petition/fair-process'];
  return [...paths, ...paths.map((p) => `/c/${slug()}${p === '/' ? '' : p}`)].flatMap((p) => [p, `${p}${p.includes('?') ? '&' : '?'}lang=es`]);
};

/** Every number a viewer or a committee member can read (the aggregates, and the wall chart's card statuses). */
const numbers = (): { who: 'viewer' | 'committee'; path: string }[] => {
  const api = `/api/campaigns/${slug()}`;
  const common = ['', '/majority', '/majority?sort=validCards&order=desc', '/dashboard', '/assessments/summary', '/card-texts'].map((p) => `${api}${p}`);
  return [
    ...[...common, `${api}/growth`, `${api}/majority?asOf=2015-06-14`, `${api}/dashboard?asOf=2015-06-14`].map((path) => ({ who: 'viewer' as const, path })),
    ...[...common, `${api}/wall-chart`].map((path) => ({ who: 'committee' as const, path })),
  ];
};

/**
 * Per-visitor tokens (the CSRF field, the petition's proof-of-work challenge) differ on every
 * page view whatever happened; everything else must be the same, byte for byte.
 */
const normalize = (body: string): string => body.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""').replace(/data-challenge="[^"]*"/g, 'data-challenge=""');

async function snapshot(): Promise<Map<string, string>> {
  // Past the public pages' few seconds of cache: every page is rendered anew.
  t.clock.advanceMinutes(1);
  const seen = new Map<string, string>();
  for (const path of publicPages()) {
    const res = await t.agent().get(path);
    expect(res.statusCode, path).toBeLessThan(500);
    seen.set(`public ${path}`, `${res.statusCode}\n${normalize(res.body)}`);
  }
  for (const { who, path } of numbers()) {
    const res = await (who === 'viewer' ? viewer : committee).get(path);
    seen.set(`${who} ${path}`, `${res.statusCode}\n${res.body}`);
  }
  return seen;
}

const organizerMajority = async () => ((await organizer.get(`/api/campaigns/${slug()}/majority`)).json() as { units: { validCards: number }[] }).units[0]!.validCards;
const homeCounter = async () => /<strong>([^<]*)<\/strong> <span>educators support our union/.exec((await t.agent().get('/')).body)?.[1];

function expectSame(before: Map<string, string>, after: Map<string, string>) {
  const changed = [...before].filter(([key, body]) => after.get(key) !== body).map(([key]) => key);
  expect(changed).toEqual([]);
}

describe('a forged card in a roster educator’s name, with a new email', () => {
  it('changes nothing anyone outside the organizers can see, and not the majority, until an organizer verifies it; then only a publication moves the public numbers, rounded', async () => {
    const baseline = await snapshot();
    // The per-visitor tokens are the only noise: two looks with nothing done in between agree.
    expectSame(baseline, await snapshot());
    expect(await organizerMajority()).toBe(14);
    expect(await homeCounter()).toBe('over 10');

    // The attack: the victim's name and school from the staff list, an address the attacker reads.
    const attacker = t.agent();
    const signed = await signByForm(attacker, '/card', {
      legal_name: `${victim().givenName} ${victim().familyName}`,
      email: 'not.the.teacher@attacker.example',
      phone: '(323) 555-0199',
      worksite_id: victim().worksiteId,
      job_title: 'Teacher',
    });
    expect(signed.statusCode).toBe(200);
    // Contact fields are sealed at rest (decision 0025): open the campaign's cards, then look.
    const forged = (await openCards(t.services, await t.database.db.select().from(cards).where(eq(cards.campaignId, f.campaign.id)))).find((c) => c.email === 'not.the.teacher@attacker.example');
    // It matched the roster by name and school, as a real card would: matching is not counting.
    expect(forged).toMatchObject({ personId: victim().id, matchStatus: 'matched' });
    expectSame(baseline, await snapshot());
    expect(await organizerMajority()).toBe(14);

    // The attacker reads the confirmation at their own address and answers "yes": still nothing.
    const [mail] = await openMail(t.services, await t.database.db.select().from(mailMessages).where(eq(mailMessages.id, forged!.confirmationMailId!)));
    expect((await answerByLink(attacker, confirmationPathFrom(mail!.textBody), 'signed')).statusCode).toBe(200);
    expectSame(baseline, await snapshot());
    expect(await organizerMajority()).toBe(14);

    // The organizers see it waiting, with what it needs.
    const waiting = (await organizer.get(`/api/campaigns/${slug()}/cards/waiting`)).json() as { confirmed: { id: string; needs: string[] }[] };
    expect(waiting.confirmed.find((c) => c.id === forged!.id)?.needs).toEqual(['verification']);

    // An organizer verifies it (say, fooled on the phone): now it counts for the organizers…
    expect((await organizer.post(`/api/campaigns/${slug()}/cards/${forged!.id}/verification`, { method: 'phone' })).statusCode).toBe(200);
    expect(await organizerMajority()).toBe(15);
    // …and the public site still shows the last publication, byte for byte.
    const afterVerification = await snapshot();
    for (const [key, body] of baseline) if (key.startsWith('public ')) expect(afterVerification.get(key), key).toBe(body);
    expect(await homeCounter()).toBe('over 10');

    // Only a publication moves the public numbers, rounded down (15 is "over 15").
    expect((await organizer.post(`/api/campaigns/${slug()}/public-numbers`)).statusCode).toBe(201);
    expect(await homeCounter()).toBe('over 15');
    const published = await snapshot();
    const movedPublic = [...baseline].filter(([key, body]) => key.startsWith('public ') && published.get(key) !== body).map(([key]) => key);
    // The home pages move (both addresses, both languages), and nothing else public does.
    expect(movedPublic.sort()).toEqual(['public /', 'public /?lang=es', `public /c/${slug()}`, `public /c/${slug()}?lang=es`].sort());
  });
});
