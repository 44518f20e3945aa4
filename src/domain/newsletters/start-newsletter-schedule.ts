import type { Services } from '../create-services.js';
import { systemRequester } from '../commands/requester.js';
import { sendDueNewsletters } from './send-due-newsletters.js';

/**
 * Sends scheduled newsletters whose time has come, now and then every `everyMs`, one sweep at a
 * time. Returns a function that stops it and waits for a running sweep.
 */
export function startNewsletterSchedule(services: Pick<Services, 'execute'>, options: { everyMs: number; publicUrl: string; secret: string; onSent?: (count: number) => void; onError?: (err: unknown) => void }): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const sweep = (): void => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const count = await services.execute(sendDueNewsletters, systemRequester('system'), { publicUrl: options.publicUrl, secret: options.secret });
        if (count > 0) options.onSent?.(count);
      } catch (err) {
        options.onError?.(err);
      } finally {
        running = null;
      }
    })();
  };
  sweep();
  const timer = setInterval(sweep, options.everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
