import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../../common/api-exception.js';

/** Seconds a client is asked to wait when the queue is full. */
export const BUSY_RETRY_SECONDS = 5;

/**
 * An in-process queue: at most `concurrency` packs are drawn at once and at most `waiting` more wait
 * their turn; past that a request is refused at once (503 BOARD_PACK_BUSY with Retry-After), so a
 * burst of requests cannot hold more than (concurrency + waiting) packs in memory.
 */
export class BoardPackQueue {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly waiting: number,
  ) {}

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length };
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.queue.length >= this.waiting)
        throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          'BOARD_PACK_BUSY',
          'Too many board packs are being made just now. Try again in a few seconds.',
          undefined,
          BUSY_RETRY_SECONDS,
        );
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await job();
    } finally {
      const next = this.queue.shift();
      // The slot passes straight to the next in line; otherwise it is freed.
      if (next) next();
      else this.running -= 1;
    }
  }
}
