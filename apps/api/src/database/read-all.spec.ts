import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { readAll } from './read-all.js';

/** Two reads that each wait to be released, noting when each starts. */
function reads() {
  const started: string[] = [];
  const release: Array<() => void> = [];
  const read = (name: string, value: number) => () => {
    started.push(name);
    return new Promise<number>((resolve) => release.push(() => resolve(value)));
  };
  return { started, release, list: [read('a', 1), read('b', 2)] as const };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

const inTransaction = { queryRunner: { isTransactionActive: true } } as unknown as EntityManager;
const outside = { queryRunner: undefined } as unknown as EntityManager;

describe('readAll', () => {
  it('starts every read at once outside a transaction', async () => {
    const { started, release, list } = reads();
    const all = readAll<[number, number]>(outside, list);
    await tick();
    expect(started).toEqual(['a', 'b']);
    release.forEach((r) => r());
    await expect(all).resolves.toEqual([1, 2]);
  });

  it('runs them one after another inside a transaction, which has one connection', async () => {
    const { started, release, list } = reads();
    const all = readAll<[number, number]>(inTransaction, list);
    await tick();
    expect(started).toEqual(['a']);
    release[0]!();
    await tick();
    expect(started).toEqual(['a', 'b']);
    release[1]!();
    await expect(all).resolves.toEqual([1, 2]);
  });
});
