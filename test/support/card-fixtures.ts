import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/client.js';
import { cardConfirmations, cardRevocations, cards, cardTextApprovals, cardTexts, cardVerifications, people } from '../../src/db/schema/index.js';
import { hashCard } from '../../src/domain/cards/card-hash.js';
import { keyedLink } from './keyrings.js';
import type { Agent } from './test-app.js';

export const CARD_BODY = [
  'I, an employee of {employer}, want to form a union with my coworkers.',
  'I authorize Meridian Educators United to represent me in collective bargaining with {employer} over wages, hours and working conditions.',
].join('\n\n');

/** A card text, approved (signers see it) unless `approved: false`. */
export async function addCardText(db: Db, campaignId: string, body = CARD_BODY, options: { language?: 'en' | 'es'; title?: string; approved?: boolean } = {}) {
  const existing = await db.select().from(cardTexts).where(eq(cardTexts.campaignId, campaignId));
  const [row] = await db
    .insert(cardTexts)
    .values({ campaignId, version: existing.length + 1, language: options.language ?? 'en', title: options.title ?? 'Authorization card', body })
    .returning();
  if (!row) throw new Error('no card text');
  if (options.approved !== false) await db.insert(cardTextApprovals).values({ cardTextId: row.id, campaignId });
  return row;
}

export async function setPersonalEmail(db: Db, personId: string, email: string) {
  await db.update(people).set({ personalEmail: email }).where(eq(people.id, personId));
}

export type CardFields = { legal_name: string; email: string; phone: string; worksite_id: string; job_title: string; agree?: string; updates?: string; signature?: string; website?: string };

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

/**
 * A card straight into the table (with a correct hash), for tests about counting. A card matched
 * to a person is verified (as a paper card entered by an organizer is) unless `verified: false`.
 */
export async function insertCard(
  db: Db,
  input: { campaignId: string; cardTextId: string; worksiteId: string; personId: string | null; signedOn: string; name?: string; email?: string | null; verified?: boolean },
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
    .values({ ...content, contentHash: hashCard(content), ...(await keyedLink(db, input.personId)), matchStatus: input.personId ? 'matched' : 'unmatched', matchMethod: input.personId ? 'employee_id' : null })
    .returning();
  if (!row) throw new Error('no card');
  if (input.personId && input.verified !== false) await verifyInDb(db, row, input.personId);
  return row;
}

/** Records a verification directly (for tests about counting, not about verifying). */
export async function verifyInDb(db: Db, card: { id: string; campaignId: string }, personId: string, method: 'paper_entry' | 'in_person' = 'paper_entry') {
  await db.insert(cardVerifications).values({ cardId: card.id, campaignId: card.campaignId, ...(await keyedLink(db, personId)), method });
}

/** Records the signer's answer directly. */
export async function answerInDb(db: Db, card: { id: string; campaignId: string }, answer: 'signed' | 'not_signed' = 'signed') {
  await db.insert(cardConfirmations).values({ cardId: card.id, campaignId: card.campaignId, answer, method: 'link' });
}

/** The confirmation link's path in a recorded confirmation message. */
export function confirmationPathFrom(text: string): string {
  const url = /https?:\/\/\S+\/card\/confirm\/[A-Za-z0-9_-]{43}/u.exec(text)?.[0];
  if (!url) throw new Error('no confirmation link in the message');
  return new URL(url).pathname;
}

/** What a signer does with the confirmation link: open it, then press one of its two buttons. */
export async function answerByLink(agent: Agent, path: string, answer: 'signed' | 'not_signed' = 'signed'): Promise<LightMyRequestResponse> {
  const page = await agent.get(path);
  if (page.statusCode !== 200) throw new Error(`confirmation GET ${page.statusCode}`);
  const body = new URLSearchParams({ _csrf: csrfFrom(page.body), answer });
  return agent.request({ method: 'POST', url: path, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
}

export async function revokeCard(db: Db, card: { id: string; campaignId: string }, effectiveOn: string) {
  await db.insert(cardRevocations).values({ cardId: card.id, campaignId: card.campaignId, effectiveOn, reason: 'test' });
}
