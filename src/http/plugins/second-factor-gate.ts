import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

// What a session that still owes its second factor may reach: the CSRF token, signing out, and
// the second step itself (its commands check which part of it: decision 0026).
const OPEN_BEFORE_SECOND_FACTOR = new Set(['/api/auth/csrf', '/api/auth/logout']);
const SECOND_STEP_PREFIX = '/api/auth/second-factor';

/** Refuses every other /api request of a session whose second step is not done. Registered after authentication. */
export function registerSecondFactorGate(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const step = request.auth?.secondFactor;
    if (!step || step === 'done') return;
    const route = request.routeOptions.url ?? '';
    if (OPEN_BEFORE_SECOND_FACTOR.has(route) || route === SECOND_STEP_PREFIX || route.startsWith(`${SECOND_STEP_PREFIX}/`)) return;
    throw new AppError(
      'second_factor_required',
      step === 'enrol' ? 'Your role requires a second factor: set one up to continue.' : 'Confirm it is you with your second factor to continue.',
    );
  });
}
