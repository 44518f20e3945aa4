import { z } from 'zod';
import { day, slugParams } from './shared.js';

// The dashboard's "what to do today" (issue 12, item 4): counts and dates, nobody named.
export const todayView = z.object({
  today: day,
  chargeDeadlines: z.array(z.object({ incidentId: z.uuid(), occurredOn: day, deadline: day, daysLeft: z.number().int() })).nullable(),
  cardsExpiring: z.number().int().nullable(),
  mailHeld: z.object({ messages: z.number().int(), cardConfirmations: z.number().int() }).nullable(),
});
export type TodayResponse = z.infer<typeof todayView>;

export const todayContract = {
  viewToday: { params: slugParams, response: todayView },
} as const;
