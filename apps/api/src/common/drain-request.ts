import type { IncomingMessage } from 'node:http';

/** How much of an unread request body is read and thrown away before a refusal is sent. */
export const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
export const DRAIN_TIMEOUT_MS = 30_000;

/**
 * Reads and discards what is left of a request body. A refusal sent before the body was read (an
 * upload refused by the guard, or for its first bytes) would otherwise leave unread data on the
 * socket: closing it then makes TCP reset the connection, and the client may lose the answer.
 * Resolves true once the whole body has arrived; false if it was more than `maxBytes`, took longer
 * than `timeoutMs`, or broke off (the caller then closes the connection after answering).
 */
export function drainRequest(
  raw: IncomingMessage,
  maxBytes = DRAIN_MAX_BYTES,
  timeoutMs = DRAIN_TIMEOUT_MS,
): Promise<boolean> {
  if (raw.complete) return Promise.resolve(true);
  if (raw.destroyed) return Promise.resolve(false);
  // Announced as more than we would read: no point reading any of it, the connection closes.
  if (Number(raw.headers?.['content-length'] ?? 0) > maxBytes) return Promise.resolve(false);
  return new Promise((resolve) => {
    let received = 0;
    const finish = (drained: boolean) => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('error', onBroken);
      raw.off('close', onBroken);
      resolve(drained);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        raw.pause();
        finish(false);
      }
    };
    const onEnd = () => finish(true);
    const onBroken = () => finish(raw.complete);
    const timer = setTimeout(() => {
      raw.pause();
      finish(false);
    }, timeoutMs);
    // A multipart parser may still be piped in, waiting for a reader that has gone.
    raw.unpipe();
    raw.on('data', onData);
    raw.once('end', onEnd);
    raw.once('error', onBroken);
    raw.once('close', onBroken);
    raw.resume();
  });
}
