import type { CommandContext } from '../commands/command-context.js';

/**
 * Refuses, before a file of up to 25 MB is received, someone who may not add evidence to the
 * campaign. `uploadAttachment` checks again in its own transaction.
 */
export async function checkUploadAllowed(ctx: CommandContext, input: { slug: string }): Promise<void> {
  await ctx.authorize(input.slug, 'conduct.edit');
}
