import type { Mailer } from './create-mailer.js';

/**
 * Runs the mailer's retries now (a crash may have left messages unsent) and then every
 * `everyMs`, one sweep at a time. Returns a function that stops it and waits for a running sweep.
 */
export function startMailRetries(mailer: Mailer, options: { everyMs: number; onError?: (err: unknown) => void }): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const sweep = (): void => {
    if (running || stopped) return;
    running = (async () => {
      try {
        // Drain what is due, a batch at a time, before waiting for the next tick.
        while (!stopped && (await mailer.retryDue(20)) === 20);
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
