import { createHash, randomUUID } from 'node:crypto';
import type { CardRow, NewScan } from '../../db/repositories/cards-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import type { CardContent } from './card-hash.js';
import { renderCardText } from './card-text.js';
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
  scan: { filename: string; contentType: string; bytes: Buffer };
};

/** A paper card typed in by an organizer, with the scan of the signed paper. */
export async function enterPaperCard(ctx: CommandContext, input: EnterPaperCardInput): Promise<CardRow> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'cards.enter');
  const { cards } = ctx.repos;
  const problems: FieldProblem[] = [];
  const site = (await cards.listWorksitesWithEmployers(campaign.id)).find((w) => w.id === input.worksiteId);
  if (!site) problems.push({ field: 'worksiteId', reason: 'is not a school of this campaign' });
  const text = await cards.findCardText(campaign.id, input.cardTextVersion);
  if (!text) problems.push({ field: 'cardTextVersion', reason: 'no such card text version' });
  if (input.signedOn > ctx.today(campaign)) problems.push({ field: 'signedOn', reason: 'is in the future' });
  if (input.scan.bytes.length === 0) problems.push({ field: 'scan', reason: 'is empty' });
  if (problems.length > 0 || !site || !text) throw new AppError('validation_failed', 'The paper card is not complete.', problems);
  const clean = (v: string | null): string | null => (v === null || cleanField(v) === '' ? null : cleanField(v));
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
    email: clean(input.email)?.toLowerCase() ?? null,
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
  // A paper card records no language preference: its confirmation goes out in English.
  const card = await recordCard(ctx, campaign, content, { enteredBy: accountId, scan, lang: 'en' });
  await ctx.audit('card.paper_entered', { subject: { type: 'card', id: card.id }, details: { worksiteId: card.worksiteId, signedOn: card.signedOn, match: card.matchStatus } });
  return card;
}
