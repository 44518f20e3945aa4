import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cardRevocations, committeeAssignments } from '../../src/db/schema/index.js';
import type { Role } from '../../src/domain/policies/campaign-policy.js';
import { addCardText, insertCard } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fixture: CampaignFixture;
const agents = {} as Record<Role, Agent>;
const accountIds = {} as Record<Role, string>;
beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { sites: 2, perSite: 3 });
  for (const role of ['admin', 'organizer', 'committee', 'viewer'] as const) {
    const account = await createMember(t.database.db, fixture, role);
    accountIds[role] = account.id;
    agents[role] = t.agent();
    await agents[role].login(account.email, TEST_PASSWORD);
  }
  // The committee member (School 1) organizes the first two people there.
  await t.database.db.insert(committeeAssignments).values(fixture.people.slice(0, 2).map((p) => ({ personId: p.id, campaignId: fixture.campaign.id, accountId: accountIds.committee })));
});
afterAll(async () => t.close());

const base = () => `/api/campaigns/${fixture.campaign.slug}`;
const auditCount = async (action: string, actor: string) =>
  (await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.actorAccountId, actor)))).length;

describe('rating', () => {
  it('keeps every rating as history and shows the latest', async () => {
    const person = fixture.people[3]!;
    expect((await agents.organizer.post(`${base()}/people/${person.id}/assessments`, { level: 3, note: 'Undecided', assessedAt: '2015-03-01T17:00:00Z' })).statusCode).toBe(201);
    const second = await agents.organizer.post(`${base()}/people/${person.id}/assessments`, { level: 2, note: 'Came around on evaluations', assessedAt: '2015-04-10T17:00:00Z' });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ assessment: { level: 2, label: 'Supporter', note: 'Came around on evaluations' } });

    const history = (await agents.organizer.get(`${base()}/people/${person.id}/assessments`)).json() as { assessments: { level: number }[] };
    expect(history.assessments.map((a) => a.level)).toEqual([2, 3]);
    const detail = (await agents.organizer.get(`${base()}/people/${person.id}`)).json() as { latestAssessment: { level: number } };
    expect(detail.latestAssessment.level).toBe(2);

    const march = (await agents.organizer.get(`${base()}/assessments?asOf=2015-03-15`)).json() as { people: { personId: string; level: number | null }[] };
    expect(march.people.find((p) => p.personId === person.id)?.level).toBe(3);
    const may = (await agents.organizer.get(`${base()}/assessments?asOf=2015-05-01&level=2`)).json() as { people: { personId: string }[] };
    expect(may.people.map((p) => p.personId)).toContain(person.id);
  });

  it('accepts "unknown" and refuses levels outside 1–5 with the field', async () => {
    const person = fixture.people[4]!;
    expect((await agents.admin.post(`${base()}/people/${person.id}/assessments`, { level: 'unknown' })).json()).toMatchObject({ assessment: { level: null, label: 'Unknown' } });
    const bad = await agents.admin.post(`${base()}/people/${person.id}/assessments`, { level: 7 });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields[0]!.field).toBe('body.level');
  });

  it('is append-only in the database: an UPDATE is refused', async () => {
    const error = await t.database.db.execute(sql`update assessments set level = 1`).then(
      () => null,
      (e: unknown) => e as { cause?: { message?: string } },
    );
    expect(error?.cause?.message).toMatch(/assessments is append-only/);
  });
});

describe('who may see and record assessments', () => {
  it('committee members rate and see only their own list; viewers never', async () => {
    const mine = fixture.people[0]!;
    const sameSchoolNotMine = fixture.people[2]!;
    const otherSchool = fixture.people[3]!;
    expect((await agents.committee.post(`${base()}/people/${mine.id}/assessments`, { level: 1 })).statusCode).toBe(201);
    expect((await agents.committee.post(`${base()}/people/${sameSchoolNotMine.id}/assessments`, { level: 1 })).statusCode).toBe(403);
    expect((await agents.committee.post(`${base()}/people/${otherSchool.id}/assessments`, { level: 1 })).statusCode).toBe(404);
    expect((await agents.committee.get(`${base()}/people/${sameSchoolNotMine.id}/assessments`)).statusCode).toBe(403);

    const list = (await agents.committee.get(`${base()}/assessments`)).json() as { people: { personId: string }[] };
    expect(list.people.map((p) => p.personId).sort()).toEqual([fixture.people[0]!.id, fixture.people[1]!.id].sort());

    // On a person page outside their list they see the person but no ratings.
    const page = (await agents.committee.get(`${base()}/people/${sameSchoolNotMine.id}`)).json() as { assessments: unknown; latestAssessment: unknown };
    expect(page.assessments).toBeNull();
    expect(page.latestAssessment).toBeNull();

    expect((await agents.viewer.get(`${base()}/assessments`)).statusCode).toBe(403);
    expect((await agents.viewer.post(`${base()}/people/${mine.id}/assessments`, { level: 1 })).statusCode).toBe(403);
    expect((await agents.viewer.get(`${base()}/wall-chart`)).statusCode).toBe(403);
  });

  it('audits every list view before the data leaves', async () => {
    const before = await auditCount('assessments.list_viewed', accountIds.organizer);
    await agents.organizer.get(`${base()}/assessments`);
    await agents.organizer.get(`${base()}/wall-chart`);
    await agents.organizer.get(`${base()}/people/${fixture.people[3]!.id}/assessments`);
    expect(await auditCount('assessments.list_viewed', accountIds.organizer)).toBe(before + 3);
    expect(await auditCount('cards.list_viewed', accountIds.organizer)).toBeGreaterThanOrEqual(1);
    const [wall] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'assessments.list_viewed'), eq(auditEvents.actorAccountId, accountIds.organizer), sql`${auditEvents.details}->>'view' = 'wall_chart'`));
    expect(wall?.campaignId).toBe(fixture.campaign.id);
    expect((await agents.committee.get(`${base()}/assessments`)).statusCode).toBe(200);
    expect(await auditCount('assessments.list_viewed', accountIds.committee)).toBeGreaterThan(0);
  });

  it('outsiders learn nothing', async () => {
    const other = await createCampaign(t.database.db);
    const outsider = await createMember(t.database.db, other, 'admin');
    const agent = t.agent();
    await agent.login(outsider.email, TEST_PASSWORD);
    expect((await agent.get(`${base()}/assessments`)).statusCode).toBe(404);
    expect((await agent.get(`${base()}/assessments/summary`)).statusCode).toBe(404);
    expect((await t.agent().get(`${base()}/assessments`)).statusCode).toBe(401);
  });
});

describe('summary and wall chart', () => {
  it('gives counts per level per unit and per worksite; viewers only what counts no fewer than 5 people', async () => {
    // Six people rated 1 to 3 at two schools: every level counts fewer than 5. A viewer gets the
    // campaign-wide counts withheld and no school on another day (aggregates.test.ts has the rest).
    const forViewer = await agents.viewer.get(`${base()}/assessments/summary?asOf=2015-05-01`);
    expect(forViewer.statusCode).toBe(200);
    expect(forViewer.json()).toMatchObject({ total: null, worksites: [], disclosure: { totals: 'cells-of-5', schools: 'none' } });
    expect((forViewer.json() as { units: { counts: unknown }[] }).units.every((u) => u.counts === null)).toBe(true);
    const res = await agents.organizer.get(`${base()}/assessments/summary?asOf=2015-05-01`);
    expect(res.statusCode).toBe(200);
    const summary = res.json() as { units: { counts: { total: number; likelyYes: number; 2: number; unknown: number } }[]; worksites: { worksiteId: string; counts: { total: number } }[] };
    expect(summary.units[0]!.counts.total).toBe(6);
    expect(summary.units[0]!.counts[2]).toBeGreaterThanOrEqual(1);
    expect(summary.units[0]!.counts.likelyYes).toBe(summary.units[0]!.counts[2] + (summary.units[0]!.counts as unknown as Record<string, number>)['1']!);
    expect(summary.worksites.map((w) => w.counts.total)).toEqual([3, 3]);
    expect(res.body).not.toContain(fixture.people[0]!.familyName);
  });

  it('puts every worksite in a column and every educator in a cell, with a card status', async () => {
    const text = await addCardText(t.database.db, fixture.campaign.id);
    const [signed, revoked, old] = [fixture.people[0]!, fixture.people[1]!, fixture.people[3]!];
    await insertCard(t.database.db, { campaignId: fixture.campaign.id, cardTextId: text.id, worksiteId: signed.worksiteId, personId: signed.id, signedOn: '2015-04-01' });
    const withdrawn = await insertCard(t.database.db, { campaignId: fixture.campaign.id, cardTextId: text.id, worksiteId: revoked.worksiteId, personId: revoked.id, signedOn: '2015-04-01' });
    await t.database.db.insert(cardRevocations).values({ cardId: withdrawn.id, campaignId: fixture.campaign.id, effectiveOn: '2015-05-01', reason: 'Asked to withdraw.' });
    await insertCard(t.database.db, { campaignId: fixture.campaign.id, cardTextId: text.id, worksiteId: old.worksiteId, personId: old.id, signedOn: '2014-01-10' });

    const organizer = (await agents.organizer.get(`${base()}/wall-chart?asOf=2015-06-01`)).json() as { columns: { worksiteName: string; cells: { personId: string; level: number | null; cardStatus: string; assessmentHidden: boolean }[] }[] };
    expect(organizer.columns.map((c) => c.worksiteName)).toEqual(['School 1', 'School 2']);
    expect(organizer.columns.map((c) => c.cells.length)).toEqual([3, 3]);
    const status = new Map(organizer.columns.flatMap((c) => c.cells.map((cell) => [cell.personId, cell.cardStatus])));
    expect([status.get(signed.id), status.get(revoked.id), status.get(old.id), status.get(fixture.people[2]!.id)]).toEqual(['signed', 'revoked', 'expired', 'none']);
    const march = (await agents.organizer.get(`${base()}/wall-chart?asOf=2015-03-01`)).json() as typeof organizer;
    expect(march.columns[0]!.cells.find((c) => c.personId === signed.id)?.cardStatus).toBe('none');

    const committee = (await agents.committee.get(`${base()}/wall-chart`)).json() as typeof organizer;
    expect(committee.columns.map((c) => c.worksiteName)).toEqual(['School 1']);
    const hidden = committee.columns[0]!.cells.filter((c) => c.assessmentHidden).map((c) => c.personId);
    expect(hidden).toEqual([fixture.people[2]!.id]);
    const rows = await t.services.repositories.organizing.assessmentHistory(fixture.people[0]!.id);
    expect(committee.columns[0]!.cells.find((c) => c.personId === fixture.people[0]!.id)?.level).toBe(rows[0]?.level);

    // The heading's figures are labelled and the same for every role: signed cards of the
    // column's people; supporters only when the reader sees every rating in the column.
    type Totals = { columns: { totals: { people: number; signedCards: number; supporters: number | null } }[] };
    const organizerJune = (await agents.organizer.get(`${base()}/wall-chart?asOf=2015-06-01`)).json() as Totals;
    const committeeJune = (await agents.committee.get(`${base()}/wall-chart?asOf=2015-06-01`)).json() as Totals;
    expect(organizerJune.columns[0]!.totals).toMatchObject({ people: 3, signedCards: 1 });
    expect(organizerJune.columns[0]!.totals.supporters).not.toBeNull();
    expect(committeeJune.columns[0]!.totals).toEqual({ people: 3, signedCards: 1, supporters: null });
  });
});
