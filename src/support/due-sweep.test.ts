import { describe, expect, it } from 'vitest';
import { createDueSweep } from './due-sweep.js';

/** An outbox of `due` rows that a test can add to while a sweep runs. */
function outbox(due: number) {
  const state = { due, calls: [] as number[], running: 0, mostAtOnce: 0, gate: Promise.resolve() };
  const retryDue = async (limit: number): Promise<number> => {
    state.calls.push(limit);
    state.running++;
    state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
    await state.gate;
    const taken = Math.min(limit, state.due);
    state.due -= taken;
    state.running--;
    return taken;
  };
  return { state, retryDue };
}

describe('createDueSweep', () => {
  it('takes batches until nothing is due, with the batch size given', async () => {
    const { state, retryDue } = outbox(7);
    const sweep = createDueSweep(retryDue, 3);
    sweep.kick();
    await sweep.idle();
    expect(state.due).toBe(0);
    expect(state.calls).toEqual([3, 3, 3, 3]);
  });

  it('runs one sweep at a time; a kick during a sweep makes one more pass that finds rows committed meanwhile', async () => {
    const { state, retryDue } = outbox(2);
    let open!: () => void;
    state.gate = new Promise<void>((resolve) => (open = resolve));
    const sweep = createDueSweep(retryDue, 5);
    sweep.kick();
    // Committed while the first pass waits on its batch: the kicks ask for another pass.
    state.due += 4;
    sweep.kick();
    sweep.kick();
    open();
    await sweep.idle();
    expect(state.mostAtOnce).toBe(1);
    expect(state.due).toBe(0);
  });

  it('ends quietly when a pass throws, and the next kick sweeps again', async () => {
    let fail = true;
    let swept = 0;
    const sweep = createDueSweep(async () => {
      if (fail) throw new Error('database went away');
      swept++;
      return 0;
    }, 10);
    sweep.kick();
    await expect(sweep.idle()).resolves.toBeUndefined();
    fail = false;
    sweep.kick();
    await sweep.idle();
    expect(swept).toBe(1);
  });
});
