import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/client.js';
import { cardRevocations, cards, cardTexts, people } from '../../src/db/schema/index.js';
import { hashCard } from '../../src/domain/cards/card-hash.js';
import type { Agent } from './test-app.js';

export const CARD_BODY = [
  'I, an employee of {employer}, want to form a union with my coworkers.',
  'I authorize Meridian Educators United to represent me in collective bargaining with {employer} over wages, hours and working conditions.',
].join('\n\n');

export async function addCardText(db: Db, campaignId: string, body = CARD_BODY) {
  const existing = await db.select().from(cardTexts).where(eq(cardTexts.campaignId, campaignId));
  const [row] = await db.insert(cardTexts).values({ campaignId, version: existing.length + 1, title: 'Authorization card', body }).returning();
  if (!row) throw new Error('no card text');
  return row;
}

export async function setPersonalEmail(db: Db, personId: string, email: string) {
  await db.update(people).set({ personalEmail: email }).where(eq(people.id, personId));
}

export type CardFields = { legal_name: string; email: string; phone: string; worksite_id: string; job_title: string; agree?: string; signature?: string; website?: string };

export function csrfFrom(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no _csrf field in the form');
  return token;
}

export function versionFrom(html: string): string {
  const version = /name="card_text_version" value="(\d+)"/.exec(html)?.[1];
  if (!version) throw new Error('no card_text_version field in the form');
  return version;
}

/** Does what a browser with JavaScript off does: GET the form, POST it url-encoded. */
export async function signByForm(agent: Agent, path: string, fields: CardFields): Promise<LightMyRequestResponse> {
  const page = await agent.get(path);
  if (page.statusCode !== 200) throw new Error(`form GET ${page.statusCode}`);
  const body = new URLSearchParams({
    _csrf: csrfFrom(page.body),
    card_text_version: versionFrom(page.body),
    agree: 'yes',
    signature: fields.legal_name,
    website: '',
    ...fields,
  });
  return agent.request({ method: 'POST', url: path, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
}

/** A card straight into the table (with a correct hash), for tests about counting. */
export async function insertCard(
  db: Db,
  input: { campaignId: string; cardTextId: string; worksiteId: string; personId: string | null; signedOn: string; name?: string; email?: string | null },
) {
  const content = {
    id: randomUUID(),
    campaignId: input.campaignId,
    cardTextId: input.cardTextId,
    cardTextVersion: 1,
    cardText: 'I want a union.',
    employerName: 'Employer',
    worksiteId: input.worksiteId,
    worksiteName: 'School',
    signerName: input.name ?? 'Test Signer',
    email: input.email ?? null,
    phone: null,
    jobTitle: 'Teacher',
    employeeId: null,
    signedOn: input.signedOn,
    signedAt: null,
    source: 'paper' as const,
    typedSignature: null,
    ip: null,
    userAgent: null,
  };
  const [row] = await db
    .insert(cards)
    .values({ ...content, contentHash: hashCard(content), personId: input.personId, matchStatus: input.personId ? 'matched' : 'unmatched', matchMethod: input.personId ? 'employee_id' : null })
    .returning();
  if (!row) throw new Error('no card');
  return row;
}

export async function revokeCard(db: Db, card: { id: string; campaignId: string }, effectiveOn: string) {
  await db.insert(cardRevocations).values({ cardId: card.id, campaignId: card.campaignId, effectiveOn, reason: 'test' });
}
