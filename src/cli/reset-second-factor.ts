import { boot } from '../bootstrap.js';
import type { Config } from '../config.js';
import { systemRequester } from '../domain/commands/requester.js';
import { resetSecondFactor } from '../domain/second-factors/reset-second-factor.js';

/**
 * `unionhall user reset-second-factor --email E`: what an instance admin does in the app, for
 * whoever holds the data folder — the way back in when the only admin lost every factor and
 * recovery code. Audited as the CLI.
 */
export async function runResetSecondFactor(config: Config, opts: { email: string }): Promise<void> {
  const runtime = await boot(config);
  try {
    const email = opts.email.trim().toLowerCase();
    const { sessionsEnded } = await runtime.services.execute(resetSecondFactor, systemRequester('cli'), { email });
    process.stdout.write(`Removed the second factors and recovery codes of ${email} and ended ${sessionsEnded} ${sessionsEnded === 1 ? 'session' : 'sessions'}. They set up a new one at their next sign-in.\n`);
  } finally {
    await runtime.close();
  }
}
