import { Module } from '@nestjs/common';
import { FrameworksController } from './frameworks.controller.js';
import { FrameworksService } from './frameworks.service.js';

/** WGLL framework versions: the bundled question bank, uploads, and the reader's API. */
@Module({
  controllers: [FrameworksController],
  providers: [FrameworksService],
  exports: [FrameworksService],
})
export class FrameworksModule {}
