import { createHash, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { attachments, auditEvents, campaigns, employerAgents, incidents } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fx: CampaignFixture;
let admin: Agent;
let organizer: Agent;
let adminId: string;
let organizerId: string;
let base: string;

type ErrorBody = { error: { code: string; fields?: { field: string; reason: string }[] } };
type Incident = {
  id: string;
  occurredOn: string;
  kind: string;
  status: string;
  statusLabel: string;
  deadline: { deadline: string; daysLeft: number; level: string };
  provisions: { id: string; code: string }[];
  attachments: { id: string; sha256: string; filename: string }[];
  quotes: { text: string; attachmentId: string | null; pageFrom: number | null; pageTo: number | null }[];
  worksites: { id: string }[];
  agents: { id: string }[];
  witnesses: { id: string; name: string }[];
  reportedBy: { type: string; id: string } | null;
};
type Attachment = { id: string; sha256: string; sizeBytes: number; filename: string; mediaType: string };

/** A real PDF of `pages` pages, each saying its number. */
async function makePdf(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let i = 1; i <= pages; i++) {
    if (i > 1) doc.addPage();
    doc.text(`Memo page ${i}`);
  }
  doc.end();
  return done;
}

function multipart(file: { name: string; type: string; content: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----uh${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(agent: Agent, file: { name: string; type: string; content: Buffer }, fields?: Record<string, string>) {
  const body = multipart(file, fields);
  return agent.request({ method: 'POST', url: `${base}/attachments`, payload: body.payload, headers: body.headers });
}

async function addAgent(name: string, role: string) {
  const res = await organizer.post(`${base}/agents`, { name, role, title: role === 'principal' ? 'Principal' : '' });
  expect(res.statusCode).toBe(201);
  return (res.json() as { agent: { id: string } }).agent.id;
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

const auditActions = async (accountId: string) =>
  (await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, accountId))).map((e) => e.action);

const incidentCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(incidents).where(eq(incidents.campaignId, fx.campaign.id)))[0]?.n ?? 0;

function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  t = await createTestApp();
  // The story's summer: conduct from March to June 2015, looked at in late August.
  t.clock.now = new Date('2015-08-20T18:00:00Z');
  fx = await createCampaign(t.database.db, { sites: 3, perSite: 3 });
  base = `/api/campaigns/${fx.campaign.slug}/conduct`;
  const adminAccount = await createMember(t.database.db, fx, 'admin');
  const organizerAccount = await createMember(t.database.db, fx, 'organizer');
  adminId = adminAccount.id;
  organizerId = organizerAccount.id;
  admin = t.agent();
  await admin.login(adminAccount.email, TEST_PASSWORD);
  organizer = t.agent();
  await organizer.login(organizerAccount.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('logging an incident', () => {
  it('an organizer uploads a PDF, logs an incident with a quote citing its page, and sees the deadline', async () => {
    const pdf = await makePdf(10);
    const up = await upload(organizer, { name: 'memo to principals.pdf', type: 'application/pdf', content: pdf }, { description: 'Counsel memo' });
    expect(up.statusCode).toBe(201);
    const attachment = (up.json() as { attachment: Attachment & { description: string } }).attachment;
    expect(attachment).toMatchObject({ sha256: sha(pdf), sizeBytes: pdf.length, mediaType: 'application/pdf', filename: 'memo to principals.pdf', description: 'Counsel memo' });

    const principal = await addAgent('Dana Whitcomb', 'principal');
    const res = await organizer.post(`${base}/incidents`, {
      occurredOn: '2015-03-10',
      occurredTime: '15:30',
      kind: 'one_on_one_pressure',
      title: 'Principal calls teachers in one by one',
      description: 'After the staff meeting the principal asked three teachers into her office, one at a time.',
      worksiteIds: [fx.sites[0]!.id],
      agentIds: [principal],
      witnessIds: [fx.people[0]!.id],
      quotes: [{ text: 'Legal recommends talking with each teacher individually.', source: 'Memo to principals', attachmentId: attachment.id, pageFrom: 9 }],
    });
    expect(res.statusCode).toBe(201);
    const incident = (res.json() as { incident: Incident }).incident;
    expect(incident.quotes).toEqual([expect.objectContaining({ attachmentId: attachment.id, pageFrom: 9, pageTo: null })]);
    // The cited file is part of the incident's evidence.
    expect(incident.attachments.map((a) => a.id)).toEqual([attachment.id]);
    // Six months from March 10; on August 20 that is 21 days away: a warning.
    expect(incident.deadline).toEqual({ deadline: '2015-09-10', daysLeft: 21, level: 'warning' });
    // California (the campaign's jurisdiction) by default: interference and deterring membership.
    expect(incident.provisions.map((p) => p.code).sort()).toEqual(['Gov. Code §3543.5', 'Gov. Code §3550']);
    expect(incident.witnesses.map((w) => w.id)).toEqual([fx.people[0]!.id]);
    expect(incident.reportedBy).toMatchObject({ type: 'account', id: organizerId });
    expect(incident.status).toBe('documented');

    const download = await organizer.get(`${base}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(sha(download.rawPayload)).toBe(sha(pdf));
  });

  it('marks a passed deadline as expired and a distant one as ok', async () => {
    const old = await organizer.post(`${base}/incidents`, { occurredOn: '2015-02-01', kind: 'denial_of_access', title: 'Organizers turned away at the gate', worksiteIds: [fx.sites[1]!.id] });
    const recent = await organizer.post(`${base}/incidents`, { occurredOn: '2015-06-01', kind: 'blocking_email', title: 'Newsletter email blocked', worksiteIds: [fx.sites[1]!.id] });
    const a = (old.json() as { incident: Incident }).incident;
    const b = (recent.json() as { incident: Incident }).incident;
    expect(a.deadline).toMatchObject({ deadline: '2015-08-01', level: 'expired' });
    expect(b.deadline).toMatchObject({ deadline: '2015-12-01', level: 'ok' });
    expect(a.provisions.map((p) => p.code).sort()).toEqual(['Gov. Code §3543.1(b)', 'Gov. Code §3543.5']);
  });

  it('lets the organizer choose the provisions instead of the default', async () => {
    const provisions = (await organizer.get(`${base}/provisions`)).json() as { provisions: { id: string; code: string }[] };
    const access = provisions.provisions.find((p) => p.code === 'Gov. Code §3543.1(b)')!;
    const res = await organizer.post(`${base}/incidents`, { occurredOn: '2015-04-02', kind: 'other', title: 'Bulletin board flyers removed', provisionIds: [access.id] });
    expect(res.statusCode).toBe(201);
    expect((res.json() as { incident: Incident }).incident.provisions.map((p) => p.code)).toEqual(['Gov. Code §3543.1(b)']);
  });

  it('keeps the status history and needs a charge number for a filed charge', async () => {
    const created = (await organizer.post(`${base}/incidents`, { occurredOn: '2015-05-05', kind: 'threat', title: 'Threat of losing summer stipends' })).json() as { incident: Incident };
    const id = created.incident.id;
    const missing = await organizer.post(`${base}/incidents/${id}/status`, { status: 'charge_filed' });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as ErrorBody).error.fields?.[0]?.field).toBe('body.chargeNumber');
    expect((await organizer.post(`${base}/incidents/${id}/status`, { status: 'shared_with_counsel', note: 'Sent to counsel' })).statusCode).toBe(200);
    t.clock.advanceMinutes(1);
    const filed = await organizer.post(`${base}/incidents/${id}/status`, { status: 'charge_filed', chargeNumber: 'LA-CE-6001-E' });
    expect(filed.statusCode).toBe(200);
    const body = filed.json() as { incident: Incident; history: { status: string; chargeNumber: string | null }[] };
    expect(body.incident.statusLabel).toBe('In charge No. LA-CE-6001-E');
    expect(body.incident.deadline.level).toBe('filed');
    expect(body.history.map((h) => h.status)).toEqual(['documented', 'shared_with_counsel', 'charge_filed']);
  });

  it('accepts a 2 MB photo (larger than the JSON body limit)', async () => {
    const content = Buffer.alloc(2 * 1024 * 1024, 7);
    const res = await upload(organizer, { name: 'gate.jpg', type: 'image/jpeg', content });
    expect(res.statusCode).toBe(201);
    expect((res.json() as { attachment: Attachment }).attachment.sha256).toBe(sha(content));
  });

  it('serves an uploaded HTML file only as a download, never as a page', async () => {
    const res = await upload(organizer, { name: 'email export.html', type: 'text/html', content: Buffer.from('<script>alert(1)</script>') });
    const a = (res.json() as { attachment: Attachment }).attachment;
    const download = await organizer.get(`${base}/attachments/${a.id}`);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
  });
});

describe('editing', () => {
  it('replaces the details and lists, keeps the reporter, and is audited', async () => {
    const created = ((await organizer.post(`${base}/incidents`, { occurredOn: '2015-03-20', kind: 'interrogation', title: 'Asked who signed', witnessIds: [fx.people[0]!.id], reportedBy: { type: 'person', id: fx.people[1]!.id } })).json() as { incident: Incident }).incident;
    const res = await organizer.put(`${base}/incidents/${created.id}`, {
      occurredOn: '2015-03-21',
      kind: 'surveillance',
      title: 'Asked who signed, and noted the answers',
      witnessIds: [fx.people[2]!.id],
      worksiteIds: [fx.sites[0]!.id],
    });
    expect(res.statusCode).toBe(200);
    const updated = (res.json() as { incident: Incident }).incident;
    expect(updated).toMatchObject({ occurredOn: '2015-03-21', kind: 'surveillance', reportedBy: { type: 'person', id: fx.people[1]!.id } });
    expect(updated.witnesses.map((w) => w.id)).toEqual([fx.people[2]!.id]);
    expect(updated.worksites.map((w) => w.id)).toEqual([fx.sites[0]!.id]);
    expect(await auditActions(organizerId)).toContain('conduct.incident_updated');
    expect((await organizer.put(`${base}/incidents/${randomUUID()}`, { occurredOn: '2015-03-21', kind: 'threat', title: 'x' })).statusCode).toBe(404);
  });

  it('serves a file only within its own campaign', async () => {
    const other = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const otherAdmin = await createMember(t.database.db, other, 'admin');
    const agent = t.agent();
    await agent.login(otherAdmin.email, TEST_PASSWORD);
    const up = await agent.request({ method: 'POST', url: `/api/campaigns/${other.campaign.slug}/conduct/attachments`, ...multipart({ name: 'secret.txt', type: 'text/plain', content: Buffer.from('other campaign') }) });
    const file = (up.json() as { attachment: Attachment }).attachment;
    // Through this campaign's path, the other campaign's file does not exist.
    expect((await organizer.get(`${base}/attachments/${file.id}`)).statusCode).toBe(404);
    // And this campaign's organizer is not on the other campaign at all.
    expect((await organizer.get(`/api/campaigns/${other.campaign.slug}/conduct/attachments/${file.id}`)).statusCode).toBe(404);
  });

  it('refuses a file over 25 MB and stores nothing', async () => {
    const before = (await t.database.db.select({ id: attachments.id }).from(attachments)).length;
    const res = await upload(organizer, { name: 'huge.mov', type: 'video/quicktime', content: Buffer.alloc(25 * 1024 * 1024 + 1) });
    expect(res.statusCode).toBe(413);
    expect((res.json() as ErrorBody).error.code).toBe('payload_too_large');
    expect((await t.database.db.select({ id: attachments.id }).from(attachments)).length).toBe(before);
  });
});

describe('employer agents', () => {
  /** A campaign of its own, so the agent lists below hold only what each test adds. */
  async function freshCampaign() {
    const g = await createCampaign(t.database.db, { sites: 1, perSite: 2 });
    const account = await createMember(t.database.db, g, 'organizer');
    const agent = t.agent();
    await agent.login(account.email, TEST_PASSWORD);
    const agentsOf = async () => t.database.db.select().from(employerAgents).where(eq(employerAgents.campaignId, g.campaign.id));
    return { g, agent, base: `/api/campaigns/${g.campaign.slug}/conduct`, agentsOf };
  }

  it('adding a name already listed, in another case or spacing, gives back that agent instead of a second one', async () => {
    const { agent, base: b, agentsOf } = await freshCampaign();
    const first = await agent.post(`${b}/agents`, { name: 'Dana Whitcomb', role: 'principal', title: 'Principal' });
    expect(first.statusCode).toBe(201);
    const again = await agent.post(`${b}/agents`, { name: '  dana   WHITCOMB ', role: 'administrator' });
    expect(again.statusCode).toBe(200);
    const a = first.json() as { agent: { id: string }; created: boolean };
    const b2 = again.json() as { agent: { id: string; role: string; title: string }; created: boolean };
    expect(a.created).toBe(true);
    expect(b2).toMatchObject({ created: false, agent: { id: a.agent.id, role: 'principal', title: 'Principal' } });
    expect(await agentsOf()).toHaveLength(1);
    // Two people adding the same new name at the same moment still make one.
    const all = await Promise.all(Array.from({ length: 8 }, (_, i) => agent.post(`${b}/agents`, { name: i % 2 ? 'Trent Halvorsen' : 'trent  halvorsen', role: 'consultant' })));
    expect(all.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    // Whichever request came first named him; there is one of him.
    expect((await agentsOf()).map((r) => r.name.replace(/\s+/g, ' ').toLowerCase()).sort()).toEqual(['dana whitcomb', 'trent halvorsen']);
  });

  it('someone first named in the incident form is saved with the incident, and can be the speaker of a quote', async () => {
    const { agent, base: b, agentsOf } = await freshCampaign();
    const listed = ((await agent.post(`${b}/agents`, { name: 'Renata Voss', role: 'network_executive' })).json() as { agent: { id: string } }).agent.id;
    const res = await agent.post(`${b}/incidents`, {
      occurredOn: '2015-04-02',
      kind: 'captive_audience',
      title: 'Mandatory meeting with an outside consultant',
      newAgents: [
        { name: 'Harlan Briggs', role: 'consultant', title: 'Beacon Workplace Strategies' },
        { name: 'RENATA  voss', role: 'other' },
      ],
      quotes: [{ text: 'A union will cost you seven hundred dollars a year.', speakerNewAgent: 0 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const incident = (res.json() as { incident: Incident & { agents: { id: string; name: string }[]; quotes: { speaker: { id: string; name: string } | null }[] } }).incident;
    const rows = await agentsOf();
    expect(rows.map((r) => r.name).sort()).toEqual(['Harlan Briggs', 'Renata Voss']);
    const briggs = rows.find((r) => r.name === 'Harlan Briggs')!;
    expect(briggs).toMatchObject({ role: 'consultant', title: 'Beacon Workplace Strategies' });
    expect(incident.agents.map((a) => a.id).sort()).toEqual([briggs.id, listed].sort());
    expect(incident.quotes[0]!.speaker).toEqual({ id: briggs.id, name: 'Harlan Briggs' });
    const created = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, briggs.id));
    expect(created.map((e) => e.action)).toEqual(['conduct.agent_created']);
  });

  it('an incident that is not logged leaves no new agent behind', async () => {
    const { agent, base: b, agentsOf } = await freshCampaign();
    const refused = await agent.post(`${b}/incidents`, { occurredOn: '2015-09-01', kind: 'threat', title: 'Not yet', newAgents: [{ name: 'Curtis Albright', role: 'administrator' }] });
    expect(refused.statusCode).toBe(400);
    const badSpeaker = await agent.post(`${b}/incidents`, { occurredOn: '2015-04-01', kind: 'threat', title: 'Speaker out of range', newAgents: [{ name: 'Curtis Albright', role: 'administrator' }], quotes: [{ text: 'x', speakerNewAgent: 1 }] });
    expect(badSpeaker.statusCode).toBe(400);
    expect(((badSpeaker.json() as ErrorBody).error.fields ?? []).map((f) => f.field)).toEqual(['body.quotes.0.speakerNewAgent']);
    expect(await agentsOf()).toEqual([]);
  });

  it('a write and its audit row commit together: when the audit insert fails, neither the incident nor its new agent is kept', async () => {
    const { g, agent, base: b, agentsOf } = await freshCampaign();
    const db = t.database.db;
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(incidents).where(eq(incidents.campaignId, g.campaign.id)))[0]?.n ?? 0;
    await db.execute(sql`create function refuse_incident_audit() returns trigger language plpgsql as $$ begin if new.action = 'conduct.incident_created' then raise exception 'audit unavailable'; end if; return new; end $$`);
    await db.execute(sql`create trigger refuse_incident_audit before insert on audit_events for each row execute function refuse_incident_audit()`);
    try {
      const res = await agent.post(`${b}/incidents`, { occurredOn: '2015-04-01', kind: 'threat', title: 'Threat of transfers', newAgents: [{ name: 'Lionel Ashby', role: 'principal' }] });
      expect(res.statusCode).toBe(500);
    } finally {
      await db.execute(sql`drop trigger refuse_incident_audit on audit_events`);
      await db.execute(sql`drop function refuse_incident_audit()`);
    }
    expect(await count()).toBe(0);
    expect(await agentsOf()).toEqual([]);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.campaignId, g.campaign.id)).then((rows) => rows.filter((r) => r.action.startsWith('conduct.') && r.action !== 'conduct.incident_created'))).toEqual([]);
  });
});

describe('the campaign’s calendar', () => {
  it('counts the charge deadline in the campaign’s time zone: at 10 pm in Los Angeles on the last day, it is still open', async () => {
    const saved = t.clock.now;
    // 05:00 UTC on 21 August is 10 pm on 20 August in Los Angeles (the fixture campaign's zone).
    t.clock.now = new Date('2015-08-21T05:00:00Z');
    try {
      const g = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
      const account = await createMember(t.database.db, g, 'admin');
      const agent = t.agent();
      await agent.login(account.email, TEST_PASSWORD);
      const res = await agent.post(`/api/campaigns/${g.campaign.slug}/conduct/incidents`, { occurredOn: '2015-02-20', kind: 'threat', title: 'Threat of non-renewal' });
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as { incident: Incident }).incident.deadline).toEqual({ deadline: '2015-08-20', daysLeft: 0, level: 'warning' });
      // And the same day is "today": conduct on 21 August has not happened yet in Los Angeles.
      expect((await agent.post(`/api/campaigns/${g.campaign.slug}/conduct/incidents`, { occurredOn: '2015-08-21', kind: 'threat', title: 'Tomorrow' })).statusCode).toBe(400);
      const csv = await agent.get(`/api/campaigns/${g.campaign.slug}/conduct/export/chronology.csv`);
      expect(csv.headers['content-disposition']).toMatch(/-conduct-chronology-2015-08-20\.csv$/);
    } finally {
      t.clock.now = saved;
    }
  });
});

describe('bad input', () => {
  it('answers 400 with the fields and stores nothing', async () => {
    const before = await incidentCount();
    const invalid = await organizer.post(`${base}/incidents`, { occurredOn: '2015-02-30', kind: 'bribery', title: '', quotes: [{ text: 'x', pageFrom: 0 }] });
    expect(invalid.statusCode).toBe(400);
    const fields = ((invalid.json() as ErrorBody).error.fields ?? []).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.occurredOn', 'body.kind', 'body.title', 'body.quotes.0.pageFrom']));

    const other = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const foreign = await organizer.post(`${base}/incidents`, {
      occurredOn: '2015-03-01',
      kind: 'threat',
      title: 'References from another campaign',
      worksiteIds: [other.sites[0]!.id],
      witnessIds: [other.people[0]!.id],
      quotes: [{ text: 'x', attachmentId: randomUUID(), pageFrom: 5, pageTo: 3 }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(((foreign.json() as ErrorBody).error.fields ?? []).map((f) => f.field).sort()).toEqual(['body.quotes.0.attachmentId', 'body.quotes.0.pageTo', 'body.witnessIds', 'body.worksiteIds']);

    const future = await organizer.post(`${base}/incidents`, { occurredOn: '2015-09-01', kind: 'threat', title: 'Not yet' });
    expect(future.statusCode).toBe(400);
    expect((future.json() as ErrorBody).error.fields).toEqual([{ field: 'body.occurredOn', reason: 'is in the future' }]);
    expect(await incidentCount()).toBe(before);
  });

  it('refuses an upload without a file, or as JSON', async () => {
    const before = (await t.database.db.select().from(attachments)).length;
    const json = await organizer.post(`${base}/attachments`, { file: 'not a file' });
    expect(json.statusCode).toBe(400);
    expect((json.json() as ErrorBody).error.fields?.[0]?.field).toBe('file');
    const empty = await upload(organizer, { name: 'empty.pdf', type: 'application/pdf', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect((await t.database.db.select().from(attachments)).length).toBe(before);
  });
});

describe('timeline filters', () => {
  it('filters by worksite, kind, actor, provision, date range and status', async () => {
    const consultant = await addAgent('Harlan Briggs', 'consultant');
    const mk = async (body: Record<string, unknown>) => ((await organizer.post(`${base}/incidents`, body)).json() as { incident: Incident }).incident.id;
    const a = await mk({ occurredOn: '2015-04-20', kind: 'captive_audience', title: 'Mandatory meeting on unions', worksiteIds: [fx.sites[2]!.id], agentIds: [consultant] });
    const b = await mk({ occurredOn: '2015-04-22', kind: 'soliciting_parents', title: 'Calls to parents', worksiteIds: [fx.sites[2]!.id] });
    const list = async (query: string) => ((await organizer.get(`${base}/incidents?${query}`)).json() as { incidents: Incident[] }).incidents.map((i) => i.id);

    expect(await list(`worksite=${fx.sites[2]!.id}`)).toEqual([a, b]);
    expect(await list('kind=soliciting_parents')).toEqual([b]);
    expect(await list(`actor=${consultant}`)).toEqual([a]);
    expect(await list('from=2015-04-21&to=2015-04-30')).toEqual([b]);
    const provisions = ((await organizer.get(`${base}/provisions`)).json() as { provisions: { id: string; code: string }[] }).provisions;
    const s3550 = provisions.find((p) => p.code === 'Gov. Code §3550')!;
    const withProvision = await list(`provision=${s3550.id}&worksite=${fx.sites[2]!.id}`);
    expect(withProvision).toEqual([a, b]);
    const all = ((await organizer.get(`${base}/incidents`)).json() as { incidents: Incident[] }).incidents;
    expect(all.map((i) => i.occurredOn)).toEqual([...all.map((i) => i.occurredOn)].sort());
    await organizer.post(`${base}/incidents/${b}/status`, { status: 'settled', chargeNumber: 'LA-CE-6002-E' });
    expect(await list(`status=settled&worksite=${fx.sites[2]!.id}`)).toEqual([b]);

    const bad = await organizer.get(`${base}/incidents?kind=nope&from=yesterday`);
    expect(bad.statusCode).toBe(400);
    expect(((bad.json() as ErrorBody).error.fields ?? []).map((f) => f.field).sort()).toEqual(['querystring.from', 'querystring.kind']);
  });
});

describe('access', () => {
  it('refuses committee members and viewers, and hides the campaign from non-members', async () => {
    for (const role of ['committee', 'viewer'] as const) {
      const account = await createMember(t.database.db, fx, role);
      const agent = t.agent();
      await agent.login(account.email, TEST_PASSWORD);
      expect((await agent.get(`${base}/incidents`)).statusCode).toBe(403);
      expect((await agent.post(`${base}/incidents`, { occurredOn: '2015-03-01', kind: 'threat', title: 'x' })).statusCode).toBe(403);
      expect((await agent.get(`${base}/export/chronology.pdf`)).statusCode).toBe(403);
    }
    const outsider = t.agent();
    const other = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const account = await createMember(t.database.db, other, 'admin');
    await outsider.login(account.email, TEST_PASSWORD);
    const res = await outsider.get(`${base}/incidents`);
    expect(res.statusCode).toBe(404);
    expect((await outsider.get(`${base}/attachments`)).statusCode).toBe(404);
    expect((await t.agent().get(`${base}/incidents`)).statusCode).toBe(401);
  });

  it('lets only admins export', async () => {
    expect((await organizer.get(`${base}/export/chronology.csv`)).statusCode).toBe(403);
    expect((await organizer.get(`${base}/export/exhibits.zip`)).statusCode).toBe(403);
    expect((await admin.get(`${base}/export/chronology.csv`)).statusCode).toBe(200);
  });

  it('lets admins, not organizers, extend the legal mapping', async () => {
    const body = { code: 'Gov. Code §3543.5(b)', title: 'Denying the union its rights', defaultKinds: ['denial_of_access'] };
    expect((await organizer.post(`${base}/provisions`, body)).statusCode).toBe(403);
    const res = await admin.post(`${base}/provisions`, body);
    expect(res.statusCode).toBe(201);
    expect((await admin.post(`${base}/provisions`, body)).statusCode).toBe(409);
    const incident = ((await organizer.post(`${base}/incidents`, { occurredOn: '2015-05-20', kind: 'denial_of_access', title: 'Locked out of the staff lounge' })).json() as { incident: Incident }).incident;
    expect(incident.provisions.map((p) => p.code)).toContain('Gov. Code §3543.5(b)');
  });
});

describe('audit', () => {
  it('records every view of the timeline and of an incident, and every export', async () => {
    const list = (await organizer.get(`${base}/incidents?kind=threat`)).json() as { incidents: Incident[] };
    await organizer.get(`${base}/incidents/${list.incidents[0]!.id}`);
    const organizerActions = await auditActions(organizerId);
    expect(organizerActions).toEqual(expect.arrayContaining(['conduct.timeline_viewed', 'conduct.incident_viewed', 'conduct.incident_created', 'conduct.attachment_uploaded', 'conduct.attachment_viewed']));
    const viewed = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'conduct.timeline_viewed'));
    expect(viewed.some((e) => (e.details as { filters?: { kind?: string } }).filters?.kind === 'threat')).toBe(true);

    await admin.get(`${base}/export/chronology.pdf`);
    await admin.get(`${base}/export/chronology.csv`);
    await admin.get(`${base}/export/exhibits.zip`);
    const exports = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, adminId));
    const formats = exports.filter((e) => e.action.startsWith('export.conduct')).map((e) => (e.details as { format: string }).format);
    expect(formats).toEqual(expect.arrayContaining(['pdf', 'csv', 'zip']));
  });
});

describe('exports for counsel', () => {
  it('the PDF chronology is a PDF with the incidents and an exhibit list', async () => {
    const res = await admin.get(`${base}/export/chronology.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=[\w-]+-conduct-chronology-2015-08-20\.pdf$/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = res.rawPayload.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('the CSV chronology cites exhibits by number, in date order', async () => {
    const res = await admin.get(`${base}/export/chronology.csv`);
    const text = res.body;
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^number,date,time,kind,title,/);
    expect(text).toContain('Exhibit 1, page 9');
    expect(text).toContain('Exhibit 1: memo to principals.pdf');
    const dates = [...text.matchAll(/^\d+,(\d{4}-\d{2}-\d{2}),/gm)].map((m) => m[1]);
    expect(dates).toEqual([...dates].sort());
  });

  it('the ZIP holds every exhibit, and the manifest hashes match the files', async () => {
    const res = await admin.get(`${base}/export/exhibits.zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = await readZip(res.rawPayload);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { exhibits: { exhibit: number; path: string; sha256: string; sizeBytes: number }[] };
    // The incidents cite the memo (exhibit 1); uploads not attached to an incident are not exhibits.
    expect(manifest.exhibits.length).toBeGreaterThanOrEqual(1);
    expect(manifest.exhibits[0]!.path).toBe('exhibits/Exhibit-001-memo to principals.pdf');
    for (const entry of manifest.exhibits) {
      const file = files.get(entry.path);
      expect(file, entry.path).toBeDefined();
      expect(sha(file!)).toBe(entry.sha256);
      expect(file!.length).toBe(entry.sizeBytes);
    }
    const sums = files.get('SHA256SUMS')!.toString().trim().split('\n');
    expect(sums).toEqual(manifest.exhibits.map((e) => `${e.sha256}  ${e.path}`));
    expect(files.get('manifest.csv')!.toString()).toContain(manifest.exhibits[0]!.sha256);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['README.txt', 'manifest.csv']));
  });
});

describe('attachments cannot change', () => {
  it('the database refuses UPDATE and DELETE of a file or its hash', async () => {
    const [row] = await t.database.db.select().from(attachments).where(eq(attachments.campaignId, fx.campaign.id)).limit(1);
    const client = t.database.pool;
    await expect(client.query('UPDATE attachments SET sha256 = $1 WHERE id = $2', ['0'.repeat(64), row!.id])).rejects.toThrow(/immutable/);
    await expect(client.query('UPDATE attachments SET size_bytes = 1 WHERE id = $1', [row!.id])).rejects.toThrow(/immutable/);
    await expect(client.query("UPDATE attachment_contents SET content = '\\x00'::bytea WHERE attachment_id = $1", [row!.id])).rejects.toThrow(/immutable/);
    await expect(client.query('DELETE FROM attachment_contents WHERE attachment_id = $1', [row!.id])).rejects.toThrow(/never deleted/);
    await expect(client.query('DELETE FROM attachments WHERE id = $1', [row!.id])).rejects.toThrow(/never deleted/);
    await expect(client.query('TRUNCATE attachment_contents CASCADE')).rejects.toThrow(/cannot be truncated/);
    // The description alone may be corrected.
    await client.query("UPDATE attachments SET description = 'Corrected description' WHERE id = $1", [row!.id]);
    const [after] = await t.database.db.select().from(attachments).where(eq(attachments.id, row!.id));
    expect(after!.sha256).toBe(row!.sha256);
  });

  it('the database refuses bytes that do not match the recorded hash', async () => {
    const id = randomUUID();
    await t.database.pool.query('INSERT INTO attachments (id, campaign_id, filename, media_type, size_bytes, sha256) VALUES ($1, $2, $3, $4, $5, $6)', [id, fx.campaign.id, 'x.txt', 'text/plain', 3, sha(Buffer.from('abc'))]);
    await expect(t.database.pool.query("INSERT INTO attachment_contents (attachment_id, content) VALUES ($1, 'abd'::bytea)", [id])).rejects.toThrow(/does not match/);
    await t.database.pool.query("INSERT INTO attachment_contents (attachment_id, content) VALUES ($1, 'abc'::bytea)", [id]);
  });

  it('files go only with their whole campaign', async () => {
    const other = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const member = await createMember(t.database.db, other, 'organizer');
    const agent = t.agent();
    await agent.login(member.email, TEST_PASSWORD);
    const res = await agent.request({ method: 'POST', url: `/api/campaigns/${other.campaign.slug}/conduct/attachments`, ...multipart({ name: 'a.txt', type: 'text/plain', content: Buffer.from('hello') }) });
    expect(res.statusCode).toBe(201);
    const file = (res.json() as { attachment: Attachment }).attachment;
    const cited = await agent.post(`/api/campaigns/${other.campaign.slug}/conduct/incidents`, { occurredOn: '2015-03-02', kind: 'threat', title: 'Cites the file', quotes: [{ text: 'hello', attachmentId: file.id }] });
    expect(cited.statusCode).toBe(201);
    // As the demo reset does: the campaign, its incidents and its files go together.
    await t.database.db.delete(campaigns).where(eq(campaigns.id, other.campaign.id));
    expect(await t.database.db.select().from(attachments).where(eq(attachments.campaignId, other.campaign.id))).toHaveLength(0);
  });
});

describe('tamper detection', () => {
  it('refuses to export exhibits whose bytes were changed behind the triggers, naming them', async () => {
    const other = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const account = await createMember(t.database.db, other, 'admin');
    const agent = t.agent();
    await agent.login(account.email, TEST_PASSWORD);
    const otherBase = `/api/campaigns/${other.campaign.slug}/conduct`;
    const up = await agent.request({ method: 'POST', url: `${otherBase}/attachments`, ...multipart({ name: 'memo.pdf', type: 'application/pdf', content: await makePdf(2) }) });
    const file = (up.json() as { attachment: Attachment }).attachment;
    await agent.post(`${otherBase}/incidents`, { occurredOn: '2015-03-02', kind: 'threat', title: 'Memo', attachmentIds: [file.id] });
    expect((await agent.get(`${otherBase}/export/exhibits.zip`)).statusCode).toBe(200);

    // Someone with superuser access disables the guard and swaps the bytes.
    const client = await t.database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE attachment_contents DISABLE TRIGGER attachment_contents_immutable');
      await client.query("UPDATE attachment_contents SET content = '\\x25504446'::bytea WHERE attachment_id = $1", [file.id]);
      await client.query('ALTER TABLE attachment_contents ENABLE TRIGGER attachment_contents_immutable');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const res = await agent.get(`${otherBase}/export/exhibits.zip`);
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { message: string } }).error.message).toContain('Exhibit 1');
  });
});
