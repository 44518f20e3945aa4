import { createHash, randomUUID } from 'node:crypto';
import type { CardRow, NewScan } from '../../db/repositories/cards-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { CardState } from '../../vocabulary/cards.js';
import type { CommandContext } from '../commands/command-context.js';
import type { CardContent } from './card-hash.js';
import { renderCardText } from './card-text.js';
import { isEmployerEmail } from './employer-email.js';
import { recordCard } from './record-card.js';
import { cleanField } from './signer-names.js';

export type EnterPaperCardInput = {
  slug: string;
  signerName: string;
  email: string | null;
  phone: string | null;
  worksiteId: string;
  jobTitle: string;
  employeeId: string | null;
  /** Validated as a day at the edge. */
  signedOn: string;
  cardTextVersion: number;
  /** The roster person whose paper this is, when the organizer knows; else the card is matched as any card. */
  personId: string | null;
  scan: { filename: string; contentType: string; bytes: Buffer };
  publicUrl: string;
};

/**
 * A paper card typed in by an organizer, with the scan of the signed paper. The organizer holds
 * the paper: when the card names one roster person, it is verified at entry, by them (decision
 * 0023); otherwise it waits in the review queue. A contact email gets the confirmation like an
 * electronic card, and may not be at the employer's domain.
 */
export async function enterPaperCard(ctx: CommandContext, input: EnterPaperCardInput): Promise<CardRow & { state: CardState }> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'cards.enter');
  const { cards } = ctx.repos;
  const problems: FieldProblem[] = [];
  const site = (await cards.listWorksitesWithEmployers(campaign.id)).find((w) => w.id === input.worksiteId);
  if (!site) problems.push({ field: 'worksiteId', reason: 'is not a school of this campaign' });
  const text = await cards.findCardText(campaign.id, input.cardTextVersion);
  if (!text) problems.push({ field: 'cardTextVersion', reason: 'no such card text version' });
  else if (!text.approvedAt) problems.push({ field: 'cardTextVersion', reason: 'this card text version is not approved' });
  if (input.signedOn > ctx.today(campaign)) problems.push({ field: 'signedOn', reason: 'is in the future' });
  if (input.scan.bytes.length === 0) problems.push({ field: 'scan', reason: 'is empty' });
  const clean = (v: string | null): string | null => (v === null || cleanField(v) === '' ? null : cleanField(v));
  const email = clean(input.email)?.toLowerCase() ?? null;
  if (email && isEmployerEmail(email, await cards.employerEmailDomains(campaign.id))) problems.push({ field: 'email', reason: 'use a personal email: the employer can read this one' });
  if (input.personId && !(await cards.findPerson(campaign.id, input.personId))) problems.push({ field: 'personId', reason: 'not found in this campaign' });
  if (problems.length > 0 || !site || !text) throw new AppError('validation_failed', 'The paper card is not complete.', problems);
  const content: CardContent = {
    id: randomUUID(),
    campaignId: campaign.id,
    cardTextId: text.id,
    cardTextVersion: text.version,
    cardText: renderCardText(text.body, site.employerName),
    employerName: site.employerName,
    worksiteId: site.id,
    worksiteName: site.name,
    signerName: cleanField(input.signerName),
    email,
    phone: clean(input.phone),
    jobTitle: cleanField(input.jobTitle),
    employeeId: clean(input.employeeId),
    signedOn: input.signedOn,
    signedAt: null,
    source: 'paper',
    typedSignature: null,
    ip: null,
    userAgent: null,
  };
  const scan: NewScan = {
    filename: cleanField(input.scan.filename).slice(0, 200) || 'scan',
    contentType: input.scan.contentType,
    byteSize: input.scan.bytes.length,
    sha256: createHash('sha256').update(input.scan.bytes).digest('hex'),
    bytes: input.scan.bytes,
  };
  // The confirmation is written in the language of the card's text.
  const card = await recordCard(ctx, campaign, content, { enteredBy: accountId, scan, lang: text.language, publicUrl: input.publicUrl, personId: input.personId ?? undefined });
  await ctx.audit('card.paper_entered', { subject: { type: 'card', id: card.id }, details: { worksiteId: card.worksiteId, signedOn: card.signedOn, match: card.matchStatus } });
  if (card.personId === null) return { ...card, state: 'submitted' };
  await cards.insertVerification({ cardId: card.id, campaignId: campaign.id, personId: card.personId, method: 'paper_entry', verifiedBy: accountId, verifiedAt: ctx.now });
  await ctx.audit('card.verified', { subject: { type: 'card', id: card.id }, details: { method: 'paper_entry', personId: card.personId, automatic: false } });
  return { ...card, state: 'verified' };
}
