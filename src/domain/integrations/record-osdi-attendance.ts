import { generateToken, hashToken } from '../accounts/tokens.js';
import type { CommandContext } from '../commands/command-context.js';
import { eventPublicPath } from '../events/event-public-path.js';
import { formatConfirmationToken } from '../petitions/confirmation-token.js';
import { uuidV7 } from '../../support/uuid-v7.js';
import { getTranslator } from '../../i18n/translator.js';
import type { Language } from '../../vocabulary/languages.js';
import { AppError } from '../../errors.js';
import type { OsdiAttendanceParts } from './osdi-attendance-parts.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An RSVP posted to the OSDI helper without a key (a union's website, jquery-osdi): anyone can
 * type anyone's email, so it waits for the person to open the link we email them, as a petition
 * signature does (decision 0038). Kept with every field given meanwhile; on no door list, count
 * or reminder until confirmed. An RSVP already accepted stays as it is and no mail goes out, so
 * the answer (`{}`) says nothing about who already answered.
 */
export async function recordOsdiAttendance(ctx: CommandContext, input: { eventId: string; parts: OsdiAttendanceParts; lang: Language; publicUrl: string }): Promise<void> {
  const found = UUID.test(input.eventId) ? await ctx.repos.events.findPublicLocated(input.eventId) : undefined;
  if (!found) throw new AppError('not_found', 'No such event.');
  const { event } = found;
  if (!event.rsvpOpen || event.endsAt.getTime() < ctx.now.getTime()) throw new AppError('conflict', 'RSVPs are closed for this event.');
  const campaign = await ctx.repos.campaigns.findById(event.campaignId);
  if (!campaign) throw new AppError('not_found', 'No such event.');
  const { parts } = input;
  const existing = await ctx.repos.osdiAttendances.findMatch(event.id, parts.email, []);
  if (existing?.status === 'accepted') return;
  const secret = generateToken();
  const given = { eventId: event.id, name: parts.name, email: parts.email, phone: parts.phone, lang: input.lang, details: parts.details, identifiers: parts.identifiers, originSystem: parts.originSystem, at: ctx.now };
  const state = { status: 'pending_confirmation' as const, confirmationHash: hashToken(secret) };
  const row = existing ? await ctx.repos.osdiAttendances.update(existing, given, state) : await ctx.repos.osdiAttendances.insert(uuidV7(), given, { ...state, source: 'osdi' });
  const { t, formatDateTime } = getTranslator(input.lang);
  const confirmUrl = `${input.publicUrl}${eventPublicPath(found)}/confirm?token=${formatConfirmationToken(row.id, secret)}`;
  await ctx.recordMail({
    kind: 'event_rsvp_confirm',
    lang: input.lang,
    fromName: campaign.mailSenderName ?? campaign.name,
    replyTo: campaign.mailReplyTo,
    campaignId: campaign.id,
    to: parts.email,
    subject: t('mail.rsvpConfirm.subject', { title: event.title }),
    text: t('mail.rsvpConfirm.body', { name: parts.name || parts.email, title: event.title, when: formatDateTime(event.startsAt, campaign.timeZone), confirmUrl, campaign: campaign.name }),
  });
}
