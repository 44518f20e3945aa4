import { z } from 'zod';

// The health check a load balancer or a supervisor polls: up, or the database is not answering.

export const healthStatus = z.object({ status: z.enum(['ok', 'unavailable']), database: z.literal('postgresql'), version: z.string() });
export type HealthStatus = z.infer<typeof healthStatus>;

export const healthContract = {
  checkHealth: { response: healthStatus.extend({ status: z.literal('ok') }), unavailable: healthStatus.extend({ status: z.literal('unavailable') }) },
} as const;
