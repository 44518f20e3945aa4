import type { Services } from '../create-services.js';
import { systemRequester } from '../commands/requester.js';
import { sendDueEventReminders } from '../events/send-due-event-reminders.js';
import { sendDueNewsletters } from '../newsletters/send-due-newsletters.js';

/**
 * The outreach that goes out by itself: scheduled newsletters whose time has come, and event
 * reminders the day before. Runs now and then every `everyMs`, one sweep at a time (each part its
 * own command, so a failure in one leaves the other). Returns a function that stops it and waits
 * for a running sweep.
 */
export function startOutreachSchedule(
  services: Pick<Services, 'execute'>,
  options: { everyMs: number; publicUrl: string; secret: string; onSent?: (what: { newsletters: number; reminders: number }) => void; onError?: (err: unknown) => void },
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const system = systemRequester('system');
  const run = async <T>(task: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await task();
    } catch (err) {
      options.onError?.(err);
      return fallback;
    }
  };
  const sweep = (): void => {
    if (running || stopped) return;
    running = (async () => {
      const newsletters = await run(() => services.execute(sendDueNewsletters, system, { publicUrl: options.publicUrl, secret: options.secret }), 0);
      const reminders = await run(() => services.execute(sendDueEventReminders, system, { publicUrl: options.publicUrl }), 0);
      if (newsletters + reminders > 0) options.onSent?.({ newsletters, reminders });
      running = null;
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
