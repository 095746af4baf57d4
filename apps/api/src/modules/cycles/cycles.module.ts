import { Module } from '@nestjs/common';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { CyclesController } from './cycles.controller.js';
import { CyclesService } from './cycles.service.js';

/** Assessment cycles: which framework versions, when open, and the hierarchy's reference date. */
@Module({
  imports: [FrameworksModule],
  controllers: [CyclesController],
  providers: [CyclesService],
  exports: [CyclesService],
})
export class CyclesModule {}
