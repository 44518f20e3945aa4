import { AppError, type FieldProblem } from '../../errors.js';
import type { Jurisdiction } from '../../vocabulary/campaigns.js';
import { isTimeZone } from '../calendar.js';

/** What an admin sets about a campaign, at set-up and later in its settings. */
export type CampaignSettingsInput = {
  name?: string;
  statement?: string;
  /** The statement in Spanish; empty: Spanish readers see the English one. */
  statementEs?: string;
  timeZone?: string;
  goalPercent?: number;
  cardValidityMonths?: number;
  jurisdiction?: Jurisdiction;
  mailSenderName?: string | null;
  mailReplyTo?: string | null;
  /** The newsletter template's accent color, #rrggbb. */
  brandColor?: string;
};

/**
 * The rules every campaign setting follows, whoever sets it (the app, the CLI): a goal a majority
 * can reach, a card validity the labor boards accept, a real time zone, a Reply-To that is an address.
 * Returns the settings cleaned (trimmed, empty sender or Reply-To as null).
 */
export function checkCampaignSettings(input: CampaignSettingsInput): CampaignSettingsInput {
  const problems: FieldProblem[] = [];
  const out: CampaignSettingsInput = { ...input };
  if (input.name !== undefined) {
    out.name = input.name.trim();
    if (out.name === '') problems.push({ field: 'name', reason: 'is required' });
  }
  if (input.statement !== undefined) out.statement = input.statement.trim();
  if (input.statementEs !== undefined) out.statementEs = input.statementEs.trim();
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) problems.push({ field: 'timeZone', reason: 'is not a time zone (e.g. America/Los_Angeles)' });
  // Below a majority the goal would not certify a union; above 100 it cannot be met.
  if (input.goalPercent !== undefined && (!Number.isInteger(input.goalPercent) || input.goalPercent < 51 || input.goalPercent > 100)) {
    problems.push({ field: 'goalPercent', reason: 'must be a whole number from 51 to 100' });
  }
  if (input.cardValidityMonths !== undefined && (!Number.isInteger(input.cardValidityMonths) || input.cardValidityMonths < 1 || input.cardValidityMonths > 24)) {
    problems.push({ field: 'cardValidityMonths', reason: 'must be a whole number of months from 1 to 24' });
  }
  if (input.mailSenderName !== undefined) out.mailSenderName = input.mailSenderName?.trim() || null;
  if (input.mailReplyTo !== undefined) {
    out.mailReplyTo = input.mailReplyTo?.trim().toLowerCase() || null;
    if (out.mailReplyTo !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(out.mailReplyTo)) problems.push({ field: 'mailReplyTo', reason: 'is not an email address' });
  }
  if (input.brandColor !== undefined) {
    out.brandColor = input.brandColor.trim().toLowerCase();
    if (!/^#[0-9a-f]{6}$/u.test(out.brandColor)) problems.push({ field: 'brandColor', reason: 'must be a color like #a3161a' });
  }
  if (problems.length > 0) throw new AppError('validation_failed', 'Some settings are not valid.', problems);
  return out;
}
