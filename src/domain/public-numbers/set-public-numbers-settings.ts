import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { MAX_GRANULARITY, MIN_GRANULARITY } from './round-public-number.js';

/**
 * How the campaign publishes: the granularity numbers are rounded down to (5 by default: "over
 * 145"; 1 publishes them exact) and whether they are published automatically, at most once a day.
 * A change applies to the next publication; what is public stays as published.
 */
export async function setPublicNumbersSettings(ctx: CommandContext, input: { slug: string; granularity: number; autoPublish: boolean }) {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  if (!Number.isInteger(input.granularity) || input.granularity < MIN_GRANULARITY || input.granularity > MAX_GRANULARITY) {
    throw new AppError('validation_failed', 'The granularity is a whole number from 1 to 100.', [{ field: 'granularity', reason: `must be a whole number from ${MIN_GRANULARITY} to ${MAX_GRANULARITY}` }]);
  }
  await ctx.repos.publicNumbers.setSettings(campaign.id, { granularity: input.granularity, autoPublish: input.autoPublish });
  await ctx.audit('public_numbers.settings_changed', { details: { granularity: input.granularity, autoPublish: input.autoPublish, previous: { granularity: campaign.publicNumbersGranularity, autoPublish: campaign.publicNumbersAutoPublish } } });
  return { granularity: input.granularity, autoPublish: input.autoPublish };
}
