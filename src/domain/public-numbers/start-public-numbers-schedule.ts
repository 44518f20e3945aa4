import type { Services } from '../create-services.js';
import { systemRequester } from '../commands/requester.js';
import { publishDuePublicNumbers } from './publish-due-public-numbers.js';

/**
 * Publishes due numbers now and then every `everyMs` (campaigns that chose automatic publication
 * get one a day). Returns a function that stops it and waits for a running sweep.
 */
export function startPublicNumbersSchedule(services: Pick<Services, 'execute'>, options: { everyMs: number; onPublished?: (slugs: string[]) => void; onError?: (err: unknown) => void }): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const sweep = (): void => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const slugs = await services.execute(publishDuePublicNumbers, systemRequester('system'), {});
        if (slugs.length > 0) options.onPublished?.(slugs);
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
