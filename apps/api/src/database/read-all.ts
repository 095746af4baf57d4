import type { EntityManager } from 'typeorm';

/**
 * Runs independent reads at once, or one after another when `manager` is a transaction's: a
 * transaction has one connection, which runs one query at a time. Outside a transaction each read
 * takes its own connection from the pool.
 */
export async function readAll<T extends readonly unknown[]>(
  manager: EntityManager | undefined,
  reads: { readonly [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!manager?.queryRunner?.isTransactionActive) {
    return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  }
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
