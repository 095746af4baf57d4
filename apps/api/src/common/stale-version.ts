/**
 * Thrown inside a transaction when the version a change was made from has moved on: the transaction
 * rolls back, and the caller builds its 409 (with the current record) afterwards, outside it.
 *
 * Never build that body inside the transaction through other services: they read on their own
 * connection, and with the embedded database's pool of one connection that read waits for ever.
 */
export class StaleVersion<T = void> extends Error {
  /** `found`: what the caller's 409 needs of the record found stale (e.g. who changed it last). */
  constructor(readonly found?: T) {
    super('The version read has moved on');
  }
}

/** Runs `work` (a transaction); when it throws StaleVersion, what `conflict` returns is thrown instead. */
export async function orConflict<R, T>(
  work: () => Promise<R>,
  conflict: (found: T) => Promise<Error>,
): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StaleVersion) throw await conflict(error.found as T);
    throw error;
  }
}
