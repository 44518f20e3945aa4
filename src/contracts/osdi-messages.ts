import { z } from 'zod';
import { collection, curie, link, pageQuery } from './osdi.js';

// OSDI messages: the campaign's newsletters, read-only (issue 14, decision 0038).

export const osdiMessage = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.string(),
  created_date: z.string(),
  modified_date: z.string(),
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  from: z.string(),
  reply_to: z.string().optional(),
  browser_url: z.string(),
  type: z.literal('email'),
  status: z.enum(['draft', 'scheduled', 'sent']),
  total_targeted: z.number().int(),
  scheduled_start_date: z.string().optional(),
  sent_start_date: z.string().optional(),
  statistics: z.object({ sent: z.number().int() }),
  _links: z.object({ self: link, curies: z.array(curie).optional() }),
});
export type OsdiMessage = z.infer<typeof osdiMessage>;

export const osdiMessagesContract = {
  listOsdiMessages: { query: z.object(pageQuery), response: collection('osdi:messages', osdiMessage) },
  viewOsdiMessage: { params: z.object({ id: z.string().max(100) }), response: osdiMessage },
} as const;
