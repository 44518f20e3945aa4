import type { CommandContext } from '../commands/command-context.js';
import { renderMarkdown } from '../public-site/render-markdown.js';

/** The editor's preview: exactly the HTML the public page will show. */
export async function previewNewsletter(ctx: CommandContext, input: { slug: string; bodyMarkdown: string }): Promise<{ html: string }> {
  await ctx.authorize(input.slug, 'public.manage');
  return { html: renderMarkdown(input.bodyMarkdown) };
}
