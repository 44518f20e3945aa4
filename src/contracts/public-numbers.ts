import { z } from 'zod';
import { day, instant, slugParams } from './shared.js';

// The organizer API of the public support numbers (decision 0023): what "publish current numbers"
// would show, publishing, and how the campaign publishes.

export const publication = z.object({
  id: z.uuid(),
  asOf: day,
  granularity: z.number().int(),
  educators: z.number().int(),
  schools: z.number().int(),
  educatorsShown: z.number().int(),
  schoolsShown: z.number().int(),
  automatic: z.boolean(),
  publishedAt: instant,
});
export type Publication = z.infer<typeof publication>;

export const publicNumbersSettings = z.object({
  granularity: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  autoPublish: z.boolean(),
});

export const publicNumbersContract = {
  previewPublicNumbers: {
    params: slugParams,
    response: z.object({
      current: z.object({ asOf: day, granularity: z.number().int(), educators: z.number().int(), schools: z.number().int(), educatorsShown: z.number().int(), schoolsShown: z.number().int() }),
      /** What the public site shows now first, then earlier publications. */
      publications: z.array(publication),
      autoPublish: z.boolean(),
    }),
  },
  publishPublicNumbers: { params: slugParams, response: z.object({ publication }) },
  setPublicNumbersSettings: { params: slugParams, body: publicNumbersSettings, response: publicNumbersSettings },
} as const;
