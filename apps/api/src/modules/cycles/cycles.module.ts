import { Module } from '@nestjs/common';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { ResultsStoreModule } from '../result-store/results-store.module.js';
import { CyclesController } from './cycles.controller.js';
import { CyclesService } from './cycles.service.js';

/** Assessment cycles: which framework versions, when open, and the hierarchy's reference date. */
@Module({
  imports: [FrameworksModule, ResultsStoreModule],
  controllers: [CyclesController],
  providers: [CyclesService],
  exports: [CyclesService],
})
export class CyclesModule {}
