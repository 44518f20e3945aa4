import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, employments, people, rosterImports } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Diff = {
  importId: string | null;
  counts: { rows: number; new: number; changed: number; unchanged: number; leaving: number; invalid: number };
  new: { line: number; givenName: string }[];
  changed: { line: number; personId: string; changes: { field: string; from: string | null; to: string | null }[] }[];
  leaving: { personId: string }[];
  invalid: { line: number; reason: string }[];
  mapping: Record<string, string>;
};
type RosterPerson = { personId: string; worksiteName: string; jobTitle: string };

async function setup(): Promise<{ fixture: CampaignFixture; agent: Agent; ids: { employeeId: string; personId: string; email: string }[] }> {
  const fixture = await createCampaign(t.database.db, { sites: 2, perSite: 3 });
  const ids: { employeeId: string; personId: string; email: string }[] = [];
  for (const p of fixture.people) {
    const email = `${p.givenName.toLowerCase()}.${p.familyName.toLowerCase()}.${fixture.campaign.slug}@school.example`;
    const [row] = await t.database.db.update(people).set({ workEmail: email }).where(eq(people.id, p.id)).returning();
    ids.push({ employeeId: row!.employeeId!, personId: p.id, email });
  }
  const organizer = await createMember(t.database.db, fixture, 'organizer');
  const agent = t.agent();
  await agent.login(organizer.email, TEST_PASSWORD);
  return { fixture, agent, ids };
}

const header = 'Employee ID,First Name,Last Name,Work Email,School,Job Title,Unit';
const url = (fixture: CampaignFixture, path = '') => `/api/campaigns/${fixture.campaign.slug}/roster/imports${path}`;
const roster = async (agent: Agent, fixture: CampaignFixture, asOf: string) =>
  ((await agent.get(`/api/campaigns/${fixture.campaign.slug}/people?asOf=${asOf}`)).json() as { people: RosterPerson[] }).people;

describe('roster import: dry run', () => {
  it('reports new, changed, unchanged and invalid rows with line numbers, and writes nothing', async () => {
    const { fixture, agent, ids } = await setup();
    const [a, b, c] = ids;
    const csv = [
      header,
      `${a!.employeeId},Given00,Family00,${a!.email},School 1,Teacher,Certificated`, // unchanged
      `${b!.employeeId},Given01,Family01,${b!.email},School 2,Teacher,Certificated`, // moves school
      `N-1,Nadia,Newcomer,nadia.newcomer@school.example,School 1,Counselor,Certificated`, // new
      `N-2,,Nameless,nameless@school.example,Nowhere High,Teacher,Certificated`, // invalid twice over
      `N-1,Nadia,Again,nadia.again@school.example,School 1,Teacher,Certificated`, // duplicate id in file
      `,Given02,Family02,${c!.email},School 1,Teacher of Art,Certificated`, // matched by email, new title
    ].join('\n');
    const before = await t.database.db.select().from(people).where(eq(people.campaignId, fixture.campaign.id));
    const res = await agent.post(url(fixture, '/dry-run'), { csv, effectiveDate: '2015-03-01' });
    expect(res.statusCode).toBe(200);
    const diff = res.json() as Diff;
    expect(diff.importId).toBeNull();
    expect(diff.counts).toMatchObject({ rows: 6, new: 1, changed: 2, unchanged: 1, invalid: 2, leaving: 0 });
    expect(diff.new.map((n) => n.line)).toEqual([4]);
    expect(diff.invalid.map((i) => i.line)).toEqual([5, 6]);
    expect(diff.invalid[0]!.reason).toContain('first name is missing');
    expect(diff.invalid[0]!.reason).toContain('school "Nowhere High" is not a worksite');
    expect(diff.invalid[1]!.reason).toBe('employee id N-1 is also on line 4');
    const moved = diff.changed.find((ch) => ch.line === 3);
    expect(moved?.personId).toBe(b!.personId);
    expect(moved?.changes).toEqual([{ field: 'worksite', from: 'School 1', to: 'School 2' }]);
    expect(diff.changed.find((ch) => ch.line === 7)?.changes).toEqual([{ field: 'jobTitle', from: 'Teacher', to: 'Teacher of Art' }]);
    const after = await t.database.db.select().from(people).where(eq(people.campaignId, fixture.campaign.id));
    expect(after).toHaveLength(before.length);
  });

  it('refuses a mapping that cannot work, naming the problem', async () => {
    const { fixture, agent } = await setup();
    const res = await agent.post(url(fixture, '/dry-run'), { csv: 'First,Last,School,Title\nA,B,School 1,Teacher\n' });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; fields: { field: string; reason: string }[] } };
    expect(body.error.fields[0]).toEqual({ field: 'mapping', reason: 'no column is mapped to employeeId or an email (needed to merge)' });
  });

  it('lists a line that is not valid CSV and still reads the rest', async () => {
    const { fixture, agent } = await setup();
    const csv = [header, 'X-1,Ana,Uno,ana.uno@school.example,School 1,Teacher,Certificated', 'X-2,"Broken,Quote,b@school.example,School 1,Teacher,Certificated', ''].join('\n');
    const diff = (await agent.post(url(fixture, '/dry-run'), { csv })).json() as Diff;
    expect(diff.counts.new).toBe(1);
    expect(diff.counts.invalid).toBe(1);
    expect(diff.invalid[0]!.reason).toMatch(/cannot be read as CSV/);
  });
});

describe('roster import: apply', () => {
  it('imports good rows, lists bad ones, keeps employment history so as-of stays true', async () => {
    const { fixture, agent, ids } = await setup();
    const [a, b] = ids;
    const csv = [
      header,
      `${b!.employeeId},Given01,Family01,${b!.email},School 2,Teacher,Certificated`,
      `N-9,Nico,Newhire,nico.newhire@school.example,School 2,Teacher,Certificated`,
      `N-10,Bad,Row,bad.row@school.example,Atlantis Prep,Teacher,Certificated`,
      `${a!.employeeId},Given00,Family00,${a!.email},School 1,Teacher,Certificated`,
    ].join('\n');
    const res = await agent.post(url(fixture), { csv, effectiveDate: '2015-03-01' });
    expect(res.statusCode).toBe(201);
    const result = res.json() as Diff;
    expect(result.importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.counts).toMatchObject({ new: 1, changed: 1, unchanged: 1, invalid: 1 });
    expect(result.invalid).toEqual([{ line: 4, reason: 'school "Atlantis Prep" is not a worksite of this campaign' }]);

    const jobs = await t.database.db.select().from(employments).where(eq(employments.personId, b!.personId));
    expect(jobs.map((j) => [j.worksiteId, j.startDate, j.endDate]).sort()).toEqual(
      [
        [fixture.sites[0]!.id, '2014-08-15', '2015-02-28'],
        [fixture.sites[1]!.id, '2015-03-01', null],
      ].sort(),
    );
    const february = await roster(agent, fixture, '2015-02-28');
    const march = await roster(agent, fixture, '2015-03-01');
    expect(february.find((p) => p.personId === b!.personId)?.worksiteName).toBe('School 1');
    expect(march.find((p) => p.personId === b!.personId)?.worksiteName).toBe('School 2');
    expect(february).toHaveLength(6);
    expect(march).toHaveLength(7);
    expect(march.filter((p) => p.personId === b!.personId)).toHaveLength(1);

    const detail = (await agent.get(url(fixture, `/${result.importId}`))).json() as { import: { invalid: unknown[]; status: string; counts: { new: number } } };
    expect(detail.import).toMatchObject({ status: 'applied', counts: { new: 1 }, invalid: [{ line: 4 }] });
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.campaignId, fixture.campaign.id), eq(auditEvents.action, 'roster.imported')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subjectId).toBe(result.importId);
  });

  it('merges by email and fills in a missing employee id', async () => {
    const { fixture, agent, ids } = await setup();
    const c = ids[2]!;
    await t.database.db.update(people).set({ employeeId: null }).where(eq(people.id, c.personId));
    const csv = [header, `NEW-ID-7,Given02,Family02,${c.email.toUpperCase()},School 1,Teacher,Certificated`].join('\n');
    const result = (await agent.post(url(fixture), { csv, effectiveDate: '2015-03-01' })).json() as Diff;
    expect(result.counts).toMatchObject({ new: 0, changed: 1 });
    const [row] = await t.database.db.select().from(people).where(eq(people.id, c.personId));
    expect(row!.employeeId).toBe('NEW-ID-7');
  });

  it('marks people missing from a full roster as leaving only when confirmed', async () => {
    const { fixture, agent, ids } = await setup();
    const kept = ids.slice(0, 5);
    const csv = [header, ...kept.map((k, i) => `${k.employeeId},Given${i < 3 ? 0 : 1}${i % 3},Family${i < 3 ? 0 : 1}${i % 3},${k.email},School ${i < 3 ? 1 : 2},Teacher,Certificated`)].join('\n');
    const preview = (await agent.post(url(fixture, '/dry-run'), { csv, mode: 'full', effectiveDate: '2015-07-01' })).json() as Diff;
    expect(preview.counts).toMatchObject({ unchanged: 5, leaving: 1 });
    expect(preview.leaving.map((l) => l.personId)).toEqual([ids[5]!.personId]);

    const unconfirmed = (await agent.post(url(fixture), { csv, mode: 'full', effectiveDate: '2015-07-01' })).json() as { leavingEnded: number };
    expect(unconfirmed.leavingEnded).toBe(0);
    expect(await roster(agent, fixture, '2015-07-01')).toHaveLength(6);

    const confirmed = (await agent.post(url(fixture), { csv, mode: 'full', effectiveDate: '2015-07-02', confirmLeaving: true })).json() as { leavingEnded: number };
    expect(confirmed.leavingEnded).toBe(1);
    expect(await roster(agent, fixture, '2015-07-01')).toHaveLength(6);
    const july2 = await roster(agent, fixture, '2015-07-02');
    expect(july2).toHaveLength(5);
    expect(july2.some((p) => p.personId === ids[5]!.personId)).toBe(false);
  });

  it('streams a text/csv upload with --map style query options and remembers the mapping', async () => {
    const { fixture, agent } = await setup();
    const csv = ['Staff #,Given,Family,Campus,Position', 'S-1,Ona,Streamed,School 2,Teacher'].join('\r\n');
    const res = await agent.request({
      method: 'POST',
      url: `${url(fixture)}?effectiveDate=2015-03-01&map=Staff%20%23%3DemployeeId&map=Campus%3Dworksite&map=Position%3DjobTitle`,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(201);
    expect((res.json() as Diff).counts.new).toBe(1);
    const remembered = (await agent.get(`/api/campaigns/${fixture.campaign.slug}/roster/mapping`)).json() as { mapping: Record<string, string> };
    expect(remembered.mapping).toMatchObject({ 'Staff #': 'employeeId', Campus: 'worksite', Position: 'jobTitle' });
    // The same export again needs no mapping.
    const again = await agent.request({ method: 'POST', url: `${url(fixture, '/dry-run')}?effectiveDate=2015-03-02`, payload: csv, headers: { 'content-type': 'text/csv' } });
    expect((again.json() as Diff).counts).toMatchObject({ unchanged: 1 });
  });
});

describe('roster import: undo', () => {
  it('reverts exactly what the import did, only for the latest import', async () => {
    const { fixture, agent, ids } = await setup();
    const b = ids[1]!;
    const first = (await agent.post(url(fixture), {
      csv: [header, `${b.employeeId},Renamed,Family01,${b.email},School 2,Teacher,Certificated`, 'U-1,Una,Undone,una@school.example,School 1,Teacher,Certificated'].join('\n'),
      effectiveDate: '2015-03-01',
    })).json() as Diff;
    const second = (await agent.post(url(fixture), { csv: [header, 'U-2,Dos,Second,dos@school.example,School 1,Teacher,Certificated'].join('\n'), effectiveDate: '2015-04-01' })).json() as Diff;

    const blocked = await agent.post(url(fixture, `/${first.importId}/undo`));
    expect(blocked.statusCode).toBe(409);
    expect((await agent.post(url(fixture, `/${second.importId}/undo`))).statusCode).toBe(200);
    const undone = await agent.post(url(fixture, `/${first.importId}/undo`));
    expect(undone.statusCode).toBe(200);
    expect((undone.json() as { import: { status: string } }).import.status).toBe('undone');
    expect((await agent.post(url(fixture, `/${first.importId}/undo`))).statusCode).toBe(409);

    const [person] = await t.database.db.select().from(people).where(eq(people.id, b.personId));
    expect(person!.givenName).toBe('Given01');
    const jobs = await t.database.db.select().from(employments).where(eq(employments.personId, b.personId));
    expect(jobs.map((j) => [j.worksiteId, j.endDate])).toEqual([[fixture.sites[0]!.id, null]]);
    const everyone = await t.database.db.select().from(people).where(eq(people.campaignId, fixture.campaign.id));
    expect(everyone).toHaveLength(6);
    expect((await roster(agent, fixture, '2015-05-01')).find((p) => p.personId === b.personId)?.worksiteName).toBe('School 1');

    const list = (await agent.get(url(fixture))).json() as { imports: { id: string; status: string }[] };
    expect(list.imports.map((i) => i.status)).toEqual(['undone', 'undone']);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.campaignId, fixture.campaign.id), eq(auditEvents.action, 'roster.import_undone')));
    expect(audit).toHaveLength(2);
  });

  it('refuses to undo an import whose new people have since been rated', async () => {
    const { fixture, agent } = await setup();
    const result = (await agent.post(url(fixture), { csv: [header, 'R-1,Rita,Rated,rita@school.example,School 1,Teacher,Certificated'].join('\n'), effectiveDate: '2015-03-01' })).json() as Diff;
    const [rita] = await t.database.db.select().from(people).where(and(eq(people.campaignId, fixture.campaign.id), eq(people.employeeId, 'R-1')));
    expect((await agent.post(`/api/campaigns/${fixture.campaign.slug}/people/${rita!.id}/assessments`, { level: 2 })).statusCode).toBe(201);
    const res = await agent.post(url(fixture, `/${result.importId}/undo`));
    expect(res.statusCode).toBe(409);
    expect((await t.database.db.select().from(people).where(eq(people.id, rita!.id)))).toHaveLength(1);
  });
});

describe('roster import: who may', () => {
  it('admins and organizers may; committee members and viewers may not; outsiders see nothing', async () => {
    const { fixture } = await setup();
    const csv = [header, 'W-1,Who,May,who@school.example,School 1,Teacher,Certificated'].join('\n');
    const expected: [string, number][] = [
      ['admin', 200],
      ['organizer', 200],
      ['committee', 403],
      ['viewer', 403],
    ];
    for (const [role, status] of expected) {
      const account = await createMember(t.database.db, fixture, role as 'admin');
      const agent = t.agent();
      await agent.login(account.email, TEST_PASSWORD);
      expect((await agent.post(url(fixture, '/dry-run'), { csv })).statusCode, role).toBe(status);
      expect((await agent.get(url(fixture))).statusCode, role).toBe(status);
    }
    const other = await createCampaign(t.database.db);
    const outsider = await createMember(t.database.db, other, 'admin');
    const agent = t.agent();
    await agent.login(outsider.email, TEST_PASSWORD);
    expect((await agent.post(url(fixture, '/dry-run'), { csv })).statusCode).toBe(404);
    expect((await t.agent().post(url(fixture, '/dry-run'), { csv })).statusCode).toBe(401);
  });
});

describe('roster import: hostile input', () => {
  it('refuses a file with a line longer than any roster row, naming the line, and writes nothing', async () => {
    const { fixture, agent } = await setup();
    const csv = [header, 'L-0,Fine,Row,fine@school.example,School 1,Teacher,Certificated', `L-1,${'A'.repeat(70_000)},Long,long@school.example,School 1,Teacher,Certificated`, 'L-2,Ok,Row,ok@school.example,School 1,Teacher,Certificated'].join('\n');
    const res = await agent.post(url(fixture), { csv });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as { error: { message: string } }).error.message).toContain('Line 3 is longer than 64 KB');
    const rows = await t.database.db.select().from(people).where(and(eq(people.campaignId, fixture.campaign.id), eq(people.employeeId, 'L-0')));
    expect(rows).toHaveLength(0);
  });

  it('answers 400 for an empty file and for a header without rows imports nothing', async () => {
    const { fixture, agent } = await setup();
    const empty = await agent.request({ method: 'POST', url: url(fixture, '/dry-run'), payload: '', headers: { 'content-type': 'text/csv' } });
    expect(empty.statusCode).toBe(400);
    const headerOnly = await agent.post(url(fixture, '/dry-run'), { csv: `${header}\n` });
    expect(headerOnly.statusCode).toBe(200);
    expect((headerOnly.json() as Diff).counts.rows).toBe(0);
  });
});

describe('roster import: one transaction with its audit row', () => {
  // The audit insert of one action fails, as a full disk or a broken constraint would make it.
  async function withAuditRefused<T>(action: string, work: () => Promise<T>): Promise<T> {
    const db = t.database.db;
    await db.execute(sql.raw(`create or replace function refuse_roster_audit() returns trigger language plpgsql as $$ begin if new.action = '${action}' then raise exception 'audit unavailable'; end if; return new; end $$`));
    await db.execute(sql`create trigger refuse_roster_audit before insert on audit_events for each row execute function refuse_roster_audit()`);
    try {
      return await work();
    } finally {
      await db.execute(sql`drop trigger refuse_roster_audit on audit_events`);
    }
  }

  it('an import whose audit row cannot be written leaves no people, no import and no remembered mapping', async () => {
    const { fixture, agent } = await setup();
    const csv = [header, 'A-1,Atom,Ic,atom.ic@school.example,School 1,Teacher,Certificated'].join('\n');
    const res = await withAuditRefused('roster.imported', () => agent.post(url(fixture), { csv, effectiveDate: '2015-03-01' }));
    expect(res.statusCode).toBe(500);
    expect(await t.database.db.select().from(people).where(and(eq(people.campaignId, fixture.campaign.id), eq(people.employeeId, 'A-1')))).toEqual([]);
    expect(await t.database.db.select().from(rosterImports).where(eq(rosterImports.campaignId, fixture.campaign.id))).toEqual([]);
    expect(((await agent.get(`/api/campaigns/${fixture.campaign.slug}/roster/mapping`)).json() as { mapping: Record<string, string> }).mapping).toEqual({});
  });

  it('an undo whose audit row cannot be written reverts nothing', async () => {
    const { fixture, agent } = await setup();
    const done = (await agent.post(url(fixture), { csv: [header, 'B-1,Bea,Kept,bea.kept@school.example,School 1,Teacher,Certificated'].join('\n'), effectiveDate: '2015-03-01' })).json() as Diff;
    const res = await withAuditRefused('roster.import_undone', () => agent.post(url(fixture, `/${done.importId}/undo`)));
    expect(res.statusCode).toBe(500);
    expect(await t.database.db.select().from(people).where(and(eq(people.campaignId, fixture.campaign.id), eq(people.employeeId, 'B-1')))).toHaveLength(1);
    expect(((await agent.get(url(fixture, `/${done.importId}`))).json() as { import: { status: string } }).import.status).toBe('applied');
    // With the audit log back, the same undo commits.
    expect((await agent.post(url(fixture, `/${done.importId}/undo`))).statusCode).toBe(200);
    expect(await t.database.db.select().from(people).where(and(eq(people.campaignId, fixture.campaign.id), eq(people.employeeId, 'B-1')))).toEqual([]);
  });

  it('a preview is audited, and the day it takes by default is the campaign’s today', async () => {
    t.clock.now = new Date('2015-07-01T05:30:00Z'); // still June 30 in Los Angeles
    const { fixture, agent } = await setup();
    const preview = (await agent.post(url(fixture, '/dry-run'), { csv: [header, 'C-1,Cal,Endar,cal@school.example,School 1,Teacher,Certificated'].join('\n') })).json() as Diff & { effectiveDate: string };
    expect(preview.effectiveDate).toBe('2015-06-30');
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.campaignId, fixture.campaign.id), eq(auditEvents.action, 'roster.import_previewed')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ counts: { new: 1 }, effectiveDate: '2015-06-30', mode: 'update' });
  });
});
