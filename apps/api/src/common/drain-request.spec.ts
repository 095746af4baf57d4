import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { drainRequest } from './drain-request.js';

/** A request body as a stream, `complete` once it has ended (as IncomingMessage says). */
function body(): PassThrough & { complete: boolean } {
  const stream = Object.assign(new PassThrough(), { complete: false });
  stream.on('end', () => (stream.complete = true));
  return stream;
}

const asRequest = (stream: PassThrough) => stream as unknown as IncomingMessage;

describe('drainRequest', () => {
  it('reads the rest of a body to its end, unpiping whatever was reading it', async () => {
    const raw = body();
    const stalled = new PassThrough({ highWaterMark: 1 });
    raw.pipe(stalled); // a parser nobody reads any more
    const drained = drainRequest(asRequest(raw), 1024, 5_000);
    raw.write(Buffer.alloc(500));
    raw.end(Buffer.alloc(500));
    await expect(drained).resolves.toBe(true);
  });

  it('reads nothing of a body announced as larger than it would read (the connection closes instead)', async () => {
    const raw = Object.assign(body(), { headers: { 'content-length': String(2048) } });
    let read = 0;
    const drained = drainRequest(asRequest(raw), 1024, 5_000);
    raw.on('data', (c: Buffer) => (read += c.length));
    await expect(drained).resolves.toBe(false);
    expect(read).toBe(0);
  });

  it('is done at once for a body already received', async () => {
    const raw = body();
    raw.complete = true;
    await expect(drainRequest(asRequest(raw))).resolves.toBe(true);
  });

  it('gives up past its byte limit or its time limit', async () => {
    const big = body();
    const tooMuch = drainRequest(asRequest(big), 1000, 5_000);
    big.write(Buffer.alloc(1500));
    await expect(tooMuch).resolves.toBe(false);

    const slow = body();
    await expect(drainRequest(asRequest(slow), 1000, 20)).resolves.toBe(false);
  });
});
