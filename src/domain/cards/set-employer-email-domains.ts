import type { EmployerRow } from '../../db/repositories/cards-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { normalizeEmailDomain } from './employer-email.js';

/**
 * Marks the email domains an employer controls. The card form, and a paper card's contact, then
 * refuse addresses at them (and their subdomains): a confirmation sent there is read by the employer.
 */
export async function setEmployerEmailDomains(ctx: CommandContext, input: { slug: string; employerId: string; emailDomains: string[] }): Promise<EmployerRow> {
  const { campaign } = await ctx.authorize(input.slug, 'roster.import');
  const problems: FieldProblem[] = [];
  const domains: string[] = [];
  input.emailDomains.forEach((raw, i) => {
    const domain = normalizeEmailDomain(raw);
    if (!domain) problems.push({ field: `emailDomains.${i}`, reason: 'is not a domain (e.g. district.example)' });
    else if (!domains.includes(domain)) domains.push(domain);
  });
  if (problems.length > 0) throw new AppError('validation_failed', 'Some domains are not domains.', problems);
  const row = await ctx.repos.cards.setEmployerEmailDomains(campaign.id, input.employerId, domains);
  if (!row) throw new AppError('not_found', 'No such employer.');
  await ctx.audit('employer.email_domains_set', { subject: { type: 'employer', id: row.id }, details: { emailDomains: domains } });
  return row;
}
