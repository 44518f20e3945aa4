import { z } from 'zod';
import { pressKinds } from '../vocabulary/public-site.js';
import { contentSlug, itemParams, markdown, noContent } from './public-content.js';
import { day, instant, language, slugParams } from './shared.js';

// The organizer API of press: coverage (someone else's article, with its link) and our releases.

export const pressKind = z.enum(pressKinds);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) link' }).max(2000);

export const pressItem = z.object({
  id: z.uuid(),
  kind: pressKind,
  outlet: z.string(),
  headline: z.string(),
  publishedOn: day,
  url: z.string().nullable(),
  slug: z.string().nullable(),
  bodyMarkdown: z.string(),
  lang: language,
  isPublic: z.boolean(),
  updatedAt: instant,
});
export type PressItem = z.infer<typeof pressItem>;

const fields = {
  kind: pressKind,
  outlet: z.string().trim().max(200),
  headline: z.string().trim().min(1, 'is required').max(300),
  publishedOn: day,
  url: httpUrl.nullable(),
  slug: contentSlug.nullable(),
  bodyMarkdown: markdown,
  lang: language,
  isPublic: z.boolean(),
};

export const pressContract = {
  listPressItems: { params: slugParams, response: z.object({ items: z.array(pressItem) }) },
  createPressItem: {
    params: slugParams,
    body: z.object({
      ...fields,
      outlet: fields.outlet.default(''),
      url: fields.url.optional(),
      slug: fields.slug.optional(),
      bodyMarkdown: fields.bodyMarkdown.default(''),
      lang: fields.lang.default('en'),
      isPublic: fields.isPublic.default(true),
    }),
    response: z.object({ item: pressItem }),
  },
  updatePressItem: { params: itemParams, body: z.object(fields).partial(), response: z.object({ item: pressItem }) },
  deletePressItem: { params: itemParams, response: noContent },
} as const;
