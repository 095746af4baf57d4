import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../../app.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import type { BoardPackContent } from './board-pack-content.js';
import { BoardPackQueue } from './board-pack.queue.js';
import { renderBoardPack } from './board-pack.renderer.js';

/**
 * Makes packs through the queue: gathering a pack's content and drawing it both take a slot, so no
 * more than BOARD_PACK_CONCURRENCY packs are in memory at once (each is buffered whole: its footers
 * need the page count), and at most BOARD_PACK_QUEUE more requests wait.
 */
@Injectable()
export class BoardPackGenerator {
  private readonly logger = new Logger('BoardPack');
  readonly queue: BoardPackQueue;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.queue = new BoardPackQueue(config.boardPack.concurrency, config.boardPack.waiting);
  }

  generate(
    gather: () => Promise<{ content: BoardPackContent; fileName: string }>,
  ): Promise<{ bytes: Buffer; fileName: string }> {
    return this.queue.run(async () => {
      const started = performance.now();
      const { content, fileName } = await gather();
      const gathered = performance.now();
      const bytes = await renderBoardPack(content);
      this.logger.debug(
        `${fileName}: ${bytes.length} bytes, gathered in ${Math.round(gathered - started)} ms, ` +
          `drawn in ${Math.round(performance.now() - gathered)} ms`,
      );
      return { bytes, fileName };
    });
  }
}
