import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `work` and settles (with its result or its error) no sooner than `ms` after the start, so
 * an answer's timing does not tell which way the work went (decision 0027): the account-free
 * answers of password reset and one-time links are padded to one duration.
 */
export async function noSoonerThan<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = ms - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}
