import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ResultsModule } from '../results/results.module.js';
import { WaitingController } from './waiting.controller.js';
import { WaitingService } from './waiting.service.js';

/** "Waiting for you" on the home page (issue 20): owns no tables, composes what other modules export. */
@Module({
  imports: [AssessmentsModule, PlansModule, ResultsModule],
  controllers: [WaitingController],
  providers: [WaitingService],
})
export class WaitingModule {}
