import { z } from 'zod';

// What orchestrators and load balancers poll. Liveness says the process answers (restart it if
// not); readiness says it can serve now, the database included (send it traffic, or not). A
// database outage makes a process unready, never "dead": restarting it would not bring the
// database back, and would drop the requests it is draining (decision 0024).

const version = z.string();

export const healthContract = {
  checkLiveness: { response: z.object({ status: z.literal('ok'), version }) },
  checkReadiness: {
    response: z.object({ status: z.literal('ready'), database: z.literal('up'), version }),
    unready: z.object({ status: z.literal('unavailable'), database: z.enum(['up', 'down']), draining: z.boolean(), version }),
  },
} as const;
