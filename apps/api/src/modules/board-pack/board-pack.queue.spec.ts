import { describe, expect, it } from '@jest/globals';
import { ApiException } from '../../common/api-exception.js';
import { BoardPackQueue } from './board-pack.queue.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('BoardPackQueue', () => {
  it('runs at most `concurrency` jobs at once, queues `waiting` more and refuses the rest with 503', async () => {
    const queue = new BoardPackQueue(2, 1);
    const gates = [deferred(), deferred(), deferred()];
    let active = 0;
    let peak = 0;
    const job = (i: number) => async () => {
      active += 1;
      peak = Math.max(peak, active);
      await gates[i]!.promise;
      active -= 1;
      return i;
    };
    const runs = [0, 1, 2].map((i) => queue.run(job(i)));
    expect(queue.stats).toEqual({ running: 2, waiting: 1 });
    const refused = await queue.run(job(0)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiException);
    expect((refused as ApiException).getStatus()).toBe(503);
    expect((refused as ApiException).code).toBe('BOARD_PACK_BUSY');
    expect((refused as ApiException).retryAfterSeconds).toBeGreaterThan(0);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(peak).toBe(2);
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when a job fails', async () => {
    const queue = new BoardPackQueue(1, 0);
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
