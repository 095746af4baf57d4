import { Module } from '@nestjs/common';
import { ResultsModule } from '../results/results.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

/** Imports of published results (NHS England's DMA data file). */
@Module({
  imports: [ResultsModule],
  controllers: [ImportsController],
  providers: [ImportsService],
  exports: [ImportsService],
})
export class ImportsModule {}
