/** A background sweep of an outbox's due rows, one at a time (the mailer's, the webhooks'). */
export type DueSweep = {
  /** Starts a sweep, or asks the running one for one more pass. Never awaited by a request. */
  kick: () => void;
  /** Resolves when no sweep is running (tests, shutdown). */
  idle: () => Promise<void>;
};

/**
 * Runs `retryDue(batch)` until it finds nothing due. One sweep at a time: a kick during a sweep
 * asks for one more pass, so a row committed while the sweep ran is not left for the periodic
 * timer. A sweep that throws (the database or the remote server went away) ends quietly: the rows
 * stay due and the periodic sweep retries them.
 */
export function createDueSweep(retryDue: (limit: number) => Promise<number>, batch: number): DueSweep {
  let sweeping: Promise<void> | null = null;
  let again = false;

  async function sweep(): Promise<void> {
    do {
      again = false;
      try {
        while ((await retryDue(batch)) > 0);
      } catch {
        return;
      }
    } while (again);
  }

  return {
    kick() {
      if (sweeping) {
        again = true;
        return;
      }
      sweeping = sweep().finally(() => (sweeping = null));
    },
    async idle() {
      while (sweeping) await sweeping;
    },
  };
}
